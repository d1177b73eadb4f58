/**
 * Query history and saved queries, kept in localStorage so that they survive a reload. The list
 * logic is pure (no DOM, no storage) so that it can be tested on its own.
 */

export interface QueryEntry {
  query: string;
  params: Record<string, unknown>;
}

export interface HistoryEntry extends QueryEntry {
  /** When the query last ran (ISO 8601). */
  ranAt: string;
}

export interface SavedQuery extends QueryEntry {
  name: string;
}

export const HISTORY_CAP = 100;
export const HISTORY_KEY = 'actorgraph.console.history';
export const SAVED_KEY = 'actorgraph.console.saved';

/** Same query text (ignoring surrounding whitespace) and same params. */
function sameEntry(a: QueryEntry, b: QueryEntry): boolean {
  return a.query.trim() === b.query.trim() && JSON.stringify(a.params) === JSON.stringify(b.params);
}

/** The history with `entry` first: an older copy of it is removed, the list is cut at `cap`. */
export function pushHistory(
  history: readonly HistoryEntry[],
  entry: HistoryEntry,
  cap: number = HISTORY_CAP,
): HistoryEntry[] {
  const trimmed = { ...entry, query: entry.query.trim() };
  return [trimmed, ...history.filter((old) => !sameEntry(old, trimmed))].slice(0, Math.max(0, cap));
}

/** Saved queries by name: saving under an existing name replaces it; sorted by name. */
export function upsertSaved(saved: readonly SavedQuery[], entry: SavedQuery): SavedQuery[] {
  const name = entry.name.trim();
  return [...saved.filter((old) => old.name !== name), { ...entry, name }].sort((a, b) => a.name.localeCompare(b.name));
}

export function removeSaved(saved: readonly SavedQuery[], name: string): SavedQuery[] {
  return saved.filter((old) => old.name !== name);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a stored list, dropping anything that is not a well-formed entry (storage is user-editable). */
export function parseStored<T extends QueryEntry>(text: string | null, extra: (keyof T & string)[]): T[] {
  if (!text) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is T =>
      isRecord(item) &&
      typeof item.query === 'string' &&
      isRecord(item.params) &&
      extra.every((key) => typeof item[key] === 'string'),
  );
}

/** localStorage, or nothing when it is unavailable (private mode, storage disabled). */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadList<T extends QueryEntry>(key: string, extra: (keyof T & string)[]): T[] {
  return parseStored<T>(storage()?.getItem(key) ?? null, extra);
}

export function storeList(key: string, list: readonly QueryEntry[]): void {
  try {
    storage()?.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the list lives for this page only.
  }
}
