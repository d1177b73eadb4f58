/**
 * Named views kept in the browser (localStorage): a name and the view's link fragment. Reading
 * tolerates a damaged store (it starts empty rather than failing the page).
 */
export interface SavedView {
  name: string;
  hash: string;
  savedAt: string;
}

const STORAGE_KEY = 'actorgraph.savedViews';
const MAX_VIEWS = 100;

export function listViews(storage: Storage = localStorage): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (v): v is SavedView =>
        typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.hash === 'string',
    );
  } catch {
    return [];
  }
}

/** Saves under `name` (replacing a view of the same name); newest first. */
export function saveView(name: string, hash: string, storage: Storage = localStorage): SavedView[] {
  const view: SavedView = { name: name.trim(), hash, savedAt: new Date().toISOString() };
  if (view.name === '') throw new Error('Give the view a name.');
  const views = [view, ...listViews(storage).filter((v) => v.name !== view.name)].slice(0, MAX_VIEWS);
  storage.setItem(STORAGE_KEY, JSON.stringify(views));
  return views;
}

export function deleteView(name: string, storage: Storage = localStorage): SavedView[] {
  const views = listViews(storage).filter((v) => v.name !== name);
  storage.setItem(STORAGE_KEY, JSON.stringify(views));
  return views;
}
