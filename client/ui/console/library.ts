/** The lists beside the editor: starter queries, saved queries and the history, each item a button. */
import { clear, el } from '../dom.js';
import type { HistoryEntry, QueryEntry, SavedQuery } from './history.js';

export interface LibraryActions {
  load(entry: QueryEntry, run: boolean): void;
  remove?(name: string): void;
}

function firstLine(query: string): string {
  const line = query.trim().split('\n').join(' ').replace(/\s+/g, ' ');
  return line.length > 90 ? `${line.slice(0, 89)}…` : line;
}

function paramsNote(params: Record<string, unknown>): string {
  return Object.keys(params).length === 0 ? '' : ` ${JSON.stringify(params)}`;
}

export function renderStarters(list: HTMLElement, starters: SavedQuery[], actions: LibraryActions): void {
  clear(list);
  for (const starter of starters) {
    list.append(
      el(
        'li',
        {},
        el('button', { type: 'button', class: 'console-item', title: starter.query }, starter.name),
        el('button', { type: 'button', class: 'console-run-item', 'aria-label': `Run: ${starter.name}` }, 'Run'),
      ),
    );
    const [load, run] = list.lastElementChild!.querySelectorAll('button');
    load.addEventListener('click', () => actions.load(starter, false));
    run.addEventListener('click', () => actions.load(starter, true));
  }
}

export function renderSaved(list: HTMLElement, saved: SavedQuery[], actions: LibraryActions): void {
  clear(list);
  if (saved.length === 0) list.append(el('li', { class: 'console-empty' }, 'No saved queries yet.'));
  for (const entry of saved) {
    const load = el('button', { type: 'button', class: 'console-item', title: entry.query }, entry.name);
    const run = el('button', { type: 'button', class: 'console-run-item', 'aria-label': `Run: ${entry.name}` }, 'Run');
    const remove = el(
      'button',
      { type: 'button', class: 'console-delete-item', 'aria-label': `Delete saved query ${entry.name}` },
      'Delete',
    );
    load.addEventListener('click', () => actions.load(entry, false));
    run.addEventListener('click', () => actions.load(entry, true));
    remove.addEventListener('click', () => actions.remove?.(entry.name));
    list.append(el('li', {}, load, run, remove));
  }
}

export function renderHistory(list: HTMLElement, history: HistoryEntry[], actions: LibraryActions): void {
  clear(list);
  if (history.length === 0) list.append(el('li', { class: 'console-empty' }, 'Queries you run appear here.'));
  for (const entry of history) {
    const text = firstLine(entry.query) + paramsNote(entry.params);
    const load = el(
      'button',
      { type: 'button', class: 'console-item console-history-item', title: `${entry.query}\n${entry.ranAt}` },
      text,
    );
    const run = el('button', { type: 'button', class: 'console-run-item', 'aria-label': `Run again: ${text}` }, 'Run');
    load.addEventListener('click', () => actions.load(entry, false));
    run.addEventListener('click', () => actions.load(entry, true));
    list.append(el('li', {}, load, run));
  }
}
