/**
 * Appearance state, apart from the data: how nodes are coloured and sized.
 * Plain, serialisable values (they go into links and saved views); no DOM here.
 */
import { Observable } from './observable.js';

export const COLOR_MODES = ['label', 'community', 'attribute'] as const;
export const SIZE_MODES = ['degree', 'pagerank', 'betweenness'] as const;

export type ColorMode = (typeof COLOR_MODES)[number];
export type SizeMode = (typeof SIZE_MODES)[number];

export interface AppearanceState {
  colorMode: ColorMode;
  sizeMode: SizeMode;
  /** The node property coloured by when `colorMode` is 'attribute'. */
  colorAttribute: string | null;
}

export const DEFAULT_APPEARANCE: AppearanceState = { colorMode: 'label', sizeMode: 'degree', colorAttribute: null };

export class Appearance extends Observable<AppearanceState> {
  constructor() {
    super(DEFAULT_APPEARANCE);
  }
}
