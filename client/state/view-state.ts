/**
 * A view as plain data: what is on the canvas (expansions, a query, a path, dismissed nodes, node
 * positions for small graphs), the filters, the appearance, the selection and the camera. It goes
 * into the page's URL (so a link opens the same view) and into saved views. Decoding checks every
 * field: a link is untrusted input.
 */
import { COLOR_MODES, SIZE_MODES, type ColorMode, type SizeMode } from './appearance.js';
import { decodeCondition } from './conditions.js';
import type { LayoutName } from '../graph/layouts.js';
import { DEFAULT_FILTERS, type AttributeFilter, type FilterState } from './filters.js';
import { isLayoutName } from './layout-choice.js';
import { decodeStyle, type StyleState } from './style-rules.js';

export interface ViewState {
  selection: string[];
  expansions: Array<{ id: string; types: string[]; pages: number }>;
  hidden: string[];
  query: { query: string; params: Record<string, unknown>; mode: 'add' | 'replace' } | null;
  /**
   * A path's ends and the relationship types it followed ([]: all, links made before types were
   * chosen); `all`: every shortest path was shown (absent: one).
   */
  path: { from: string; to: string; types: string[]; all?: true } | null;
  filters: FilterState;
  /** colorAttribute: absent in links made before colour by attribute existed. */
  appearance: { colorMode: ColorMode; sizeMode: SizeMode; colorAttribute?: string | null };
  /** Style rules and captions (absent in links made before they existed). */
  style?: StyleState;
  /** The layout chosen in the toolbar (absent: ForceAtlas2, the default). */
  layout?: LayoutName;
  camera: { x: number; y: number; ratio: number; angle: number } | null;
  /** Node positions, only for canvases small enough to carry them in a link. */
  positions: Record<string, [number, number]> | null;
}

export const VIEW_HASH_KEY = 'view';

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(text: string): string {
  // A '+' may arrive as a space (query-string decoding of a hand-made link).
  const binary = atob(text.replace(/[- ]/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeView(view: ViewState): string {
  return `${VIEW_HASH_KEY}=${base64UrlEncode(JSON.stringify(view))}`;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isString).slice(0, 5000) : []);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const isoDate = (v: unknown): string | null => (isString(v) && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
const record = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function decodeAttributeFilters(raw: unknown): AttributeFilter[] {
  return (Array.isArray(raw) ? raw : []).slice(0, 50).flatMap((item) => {
    const filter = record(item);
    const when = filter && record(filter.when);
    const condition = when && decodeCondition(when);
    if (!filter || !condition || !isString(filter.label) || filter.label.length > 200) return [];
    return [{ target: filter.target === 'edge' ? 'edge' : 'node', label: filter.label, when: condition }] as const;
  });
}

/**
 * Reads a view from a URL hash ("#view=…"); null when there is none. Throws a clear Error when it is
 * broken. Values that are wrong are left out; for those a user set by hand (styles), `notes` says so.
 */
export function decodeView(hash: string, notes: string[] = []): ViewState | null {
  const encoded = new URLSearchParams(hash.replace(/^#/, '')).get(VIEW_HASH_KEY);
  if (!encoded) return null;
  let raw: Record<string, unknown> | null;
  try {
    raw = record(JSON.parse(base64UrlDecode(encoded)));
  } catch {
    raw = null;
  }
  if (!raw) throw new Error('The link’s view could not be read (it may have been cut short); showing the overview.');

  const filters = record(raw.filters) ?? {};
  const appearance = record(raw.appearance) ?? {};
  const camera = record(raw.camera);
  const query = record(raw.query);
  const path = record(raw.path);
  const positions = record(raw.positions);
  const cameraValues = camera ? [camera.x, camera.y, camera.ratio, camera.angle].map(finite) : null;
  return {
    selection: strings(raw.selection),
    expansions: (Array.isArray(raw.expansions) ? raw.expansions : []).flatMap((item) => {
      const expansion = record(item);
      const pages = finite(expansion?.pages);
      return expansion && isString(expansion.id) && pages !== null
        ? [{ id: expansion.id, types: strings(expansion.types), pages: Math.max(1, Math.min(50, Math.trunc(pages))) }]
        : [];
    }),
    hidden: strings(raw.hidden),
    query:
      query && isString(query.query)
        ? { query: query.query, params: record(query.params) ?? {}, mode: query.mode === 'replace' ? 'replace' : 'add' }
        : null,
    path:
      path && isString(path.from) && isString(path.to)
        ? { from: path.from, to: path.to, types: strings(path.types), ...(path.all === true ? { all: true } : {}) }
        : null,
    filters: {
      hiddenLabels: strings(filters.hiddenLabels),
      // Absent (a hand-made link): the default, mentions off; an empty list shows every type.
      hiddenRelTypes: Array.isArray(filters.hiddenRelTypes)
        ? strings(filters.hiddenRelTypes)
        : [...DEFAULT_FILTERS.hiddenRelTypes],
      documentId: isString(filters.documentId) ? filters.documentId : null,
      dateFrom: isoDate(filters.dateFrom),
      dateTo: isoDate(filters.dateTo),
      minDegree: Math.max(0, Math.trunc(finite(filters.minDegree) ?? DEFAULT_FILTERS.minDegree)),
      attributes: decodeAttributeFilters(filters.attributes),
    },
    appearance: {
      colorMode: COLOR_MODES.find((mode) => mode === appearance.colorMode) ?? 'label',
      sizeMode: SIZE_MODES.find((mode) => mode === appearance.sizeMode) ?? 'degree',
      ...(isString(appearance.colorAttribute) && appearance.colorAttribute.length <= 200
        ? { colorAttribute: appearance.colorAttribute }
        : {}),
    },
    ...(raw.style !== undefined ? { style: decodeStyle(raw.style, notes) } : {}),
    ...(isLayoutName(raw.layout) ? { layout: raw.layout } : {}),
    camera:
      cameraValues && cameraValues.every((v) => v !== null)
        ? { x: cameraValues[0], y: cameraValues[1], ratio: cameraValues[2], angle: cameraValues[3] }
        : null,
    positions: positions
      ? Object.fromEntries(
          Object.entries(positions).flatMap(([id, value]) =>
            Array.isArray(value) && finite(value[0]) !== null && finite(value[1]) !== null
              ? [[id, [value[0] as number, value[1] as number] as [number, number]]]
              : [],
          ),
        )
      : null,
  };
}
