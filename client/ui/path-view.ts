/**
 * The Path tab: pick two nodes by search (or take the two selected ones) and the relationship
 * types the path may follow (document hops off by default), find the shortest path between them in
 * the whole database; the path is added to the canvas and highlighted, and listed step by step here.
 */
import type { PathResponse, SearchHit } from '../../server/domain/api.js';
import { DEFAULT_PATH_TYPES, DOCUMENT_HOPS, PATH_REL_TYPES, type PathChoice } from '../explore/path-types.js';
import type { PathEnds } from '../state/canvas-state.js';
import { clear, el } from './dom.js';
import { bindSearch } from './search-box.js';

export interface PathActions {
  /** Finds the path over the chosen types, puts it on the canvas and highlights it. */
  find(from: string, to: string, choice: PathChoice): Promise<PathResponse>;
  clear(): void;
  select(id: string): void;
  /** The nodes selected on the canvas (shift-click or lasso), to fill the two ends. */
  selection(): readonly string[];
  caption(id: string): string;
  report(message: string): void;
}

function endpointField(id: string, label: string, onPick: (hit: SearchHit) => void, report: (m: string) => void) {
  const input = el('input', {
    id,
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    placeholder: 'Search a name…',
    'aria-autocomplete': 'list',
    'aria-controls': `${id}-suggestions`,
    'aria-expanded': 'false',
  });
  const list = el('ul', { id: `${id}-suggestions`, class: 'suggestions', role: 'listbox', hidden: '' });
  bindSearch(input, list, onPick, report);
  return { input, field: el('div', { class: 'field search' }, el('label', { for: id }, label), input, list) };
}

/** One checkbox per relationship type, the default ones ticked; document hops say what they mean. */
function typeChoice(): { field: HTMLElement; chosen(): string[]; tick(types: readonly string[]): void } {
  const boxes = PATH_REL_TYPES.map((type) => {
    const box = el('input', { type: 'checkbox', value: type, id: `path-type-${type}` });
    box.checked = DEFAULT_PATH_TYPES.includes(type);
    const note = DOCUMENT_HOPS.includes(type) ? ' (through an article)' : '';
    return { box, item: el('li', {}, box, el('label', { for: box.id }, ` ${type}${note}`)) };
  });
  const field = el(
    'details',
    { class: 'path-types' },
    el('summary', {}, 'Relationship types the path may follow'),
    el('p', { class: 'meta' }, 'Types hidden in the Filters tab are not followed either.'),
    el('ul', { class: 'check-list' }, ...boxes.map(({ item }) => item)),
  );
  return {
    field,
    chosen: () => boxes.filter(({ box }) => box.checked).map(({ box }) => box.value),
    // [] is how links made before types could be chosen say "every type".
    tick: (types) => boxes.forEach(({ box }) => (box.checked = types.length === 0 || types.includes(box.value))),
  };
}

export function bindPathView(
  container: HTMLElement,
  actions: PathActions,
): { setEnds(from: string, to: string): void; show(path: PathEnds): void } {
  const ends: { from: string | null; to: string | null } = { from: null, to: null };
  const from = endpointField('path-from', 'From', (hit) => pick('from', hit.id, hit.caption), actions.report);
  const to = endpointField('path-to', 'To', (hit) => pick('to', hit.id, hit.caption), actions.report);
  const findButton = el(
    'button',
    { type: 'button', class: 'primary', id: 'path-find', disabled: '' },
    'Find shortest path',
  );
  const useSelection = el('button', { type: 'button', id: 'path-from-selection' }, 'Use the two selected nodes');
  const clearButton = el('button', { type: 'button', id: 'path-clear' }, 'Clear path');
  const result = el('div', { id: 'path-result', 'aria-live': 'polite' });
  const types = typeChoice();
  const allBox = el('input', { type: 'checkbox', id: 'path-all' });
  const allField = el('div', { class: 'check' }, allBox, el('label', { for: 'path-all' }, ' All shortest paths'));

  function pick(end: 'from' | 'to', id: string, caption: string): void {
    ends[end] = id;
    (end === 'from' ? from : to).input.value = caption;
    findButton.disabled = !(ends.from && ends.to);
  }

  useSelection.addEventListener('click', () => {
    const selected = actions.selection();
    if (selected.length < 2) {
      actions.report('Select two nodes first (shift-click or shift-drag a lasso).');
      return;
    }
    pick('from', selected[0], actions.caption(selected[0]));
    pick('to', selected[1], actions.caption(selected[1]));
  });

  findButton.addEventListener('click', async () => {
    if (!ends.from || !ends.to) return;
    clear(result);
    const chosen = types.chosen();
    if (chosen.length === 0) {
      result.append(el('p', { role: 'alert' }, 'Tick at least one relationship type.'));
      return;
    }
    result.append(el('p', {}, 'Searching…'));
    try {
      const path = await actions.find(ends.from, ends.to, { types: chosen, all: allBox.checked });
      clear(result);
      if (!path.found) {
        result.append(el('p', { role: 'alert' }, 'No path within 6 steps over the relationship types chosen.'));
        return;
      }
      const steps = el('ol', { class: 'path-steps', 'data-testid': 'path-steps' });
      for (const id of path.nodeIds) {
        const node = path.graph.nodes.find((n) => n.id === id);
        const button = el('button', { type: 'button', class: 'link' }, node?.caption ?? id);
        button.addEventListener('click', () => actions.select(id));
        steps.append(el('li', {}, button, el('span', { class: 'meta' }, ` ${node?.label ?? ''}`)));
      }
      const count =
        path.paths && path.paths.length > 1 ? ` · ${path.paths.length} shortest paths (the first listed)` : '';
      result.append(el('p', { class: 'meta', 'data-testid': 'path-count' }, `${path.length} step(s)${count}`), steps);
    } catch (error) {
      clear(result);
      result.append(el('p', { role: 'alert' }, error instanceof Error ? error.message : String(error)));
    }
  });

  clearButton.addEventListener('click', () => {
    clear(result);
    actions.clear();
  });

  container.append(
    from.field,
    to.field,
    types.field,
    allField,
    el('div', { class: 'actions' }, findButton, useSelection, clearButton),
    result,
  );
  return {
    setEnds(fromId: string, toId: string) {
      pick('from', fromId, actions.caption(fromId));
      pick('to', toId, actions.caption(toId));
    },
    /** The form says how the path on the canvas was asked for (a link's path included). */
    show(path: PathEnds) {
      pick('from', path.from, actions.caption(path.from));
      pick('to', path.to, actions.caption(path.to));
      types.tick(path.types);
      allBox.checked = path.all === true;
    },
  };
}
