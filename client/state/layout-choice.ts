/**
 * The layout chosen in the toolbar, as a plain value for links and saved views. The toolbar's
 * select sets it; a view opened from a link sets it too, and the toolbar follows (scene-features.ts).
 */
import { LAYOUTS, type LayoutName } from '../graph/layouts.js';
import { Observable } from './observable.js';

export const DEFAULT_LAYOUT: LayoutName = 'force';

export function isLayoutName(value: unknown): value is LayoutName {
  return LAYOUTS.some((name) => name === value);
}

export class LayoutChoice extends Observable<{ name: LayoutName }> {
  constructor() {
    super({ name: DEFAULT_LAYOUT });
  }
}
