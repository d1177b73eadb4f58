/**
 * The bar over the canvas for what is selected: for one node, expand its neighbours ranked and
 * paged by relationship type ("next 20"), collapse, hide, pin; for several, hide, pin, and the
 * shortest path between the first two. Every action is a button (keyboard reachable).
 */
import type { ExpansionState } from '../explore/expansion.js';
import { PAGE_SIZE } from '../explore/expansion.js';
import { clear, el } from './dom.js';

export interface SelectionBarModel {
  selection: Array<{ id: string; caption: string }>;
  /** The single selected node's expansion so far. */
  expansion: ExpansionState | null;
  /** Distinct neighbours by relationship type ('' = all), when known. */
  neighbourCounts: Map<string, number> | null;
  pinned: boolean;
}

export interface SelectionBarActions {
  expand(id: string, types: string[]): void;
  collapse(id: string): void;
  hide(ids: string[]): void;
  pin(ids: string[]): void;
  path(from: string, to: string): void;
  clear(): void;
}

export function renderSelectionBar(
  container: HTMLElement,
  model: SelectionBarModel,
  actions: SelectionBarActions,
): void {
  const focused = document.activeElement?.id;
  const chosenType = container.querySelector<HTMLSelectElement>('#expand-type')?.value ?? '';
  clear(container);
  container.hidden = model.selection.length === 0;
  if (model.selection.length === 0) return;
  const ids = model.selection.map((s) => s.id);
  const button = (id: string, text: string, onClick: () => void, extra: Record<string, string> = {}) => {
    const b = el('button', { type: 'button', id, ...extra }, text);
    b.addEventListener('click', onClick);
    return b;
  };
  const hide = button('selection-hide', 'Hide', () => actions.hide(ids), { title: 'Take off the canvas (Delete)' });
  const pin = button('selection-pin', model.pinned ? 'Unpin' : 'Pin', () => actions.pin(ids), {
    title: 'Keep in place during layout',
  });

  if (model.selection.length > 1) {
    container.append(
      el('span', { class: 'bar-title' }, `${model.selection.length} selected`),
      hide,
      pin,
      button('selection-path', 'Shortest path between the first two', () => actions.path(ids[0], ids[1])),
      button('selection-clear', 'Clear selection', () => actions.clear()),
    );
  } else {
    const [node] = model.selection as [{ id: string; caption: string }];
    const counts = model.neighbourCounts;
    const types = el('select', { id: 'expand-type', 'aria-label': 'Relationship type to expand' });
    types.append(el('option', { value: '' }, `All types${counts?.has('') ? ` (${counts.get('')})` : ''}`));
    for (const [type, count] of [...(counts ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1])) {
      if (type !== '') types.append(el('option', { value: type }, `${type} (${count})`));
    }
    types.value = [...types.options].some((o) => o.value === chosenType) ? chosenType : '';
    const expansion = model.expansion;
    const sameType = expansion !== null && (expansion.types[0] ?? '') === types.value;
    const label = !sameType
      ? `Expand ${PAGE_SIZE} most connected`
      : expansion.complete
        ? 'All shown'
        : `Next ${PAGE_SIZE}`;
    const expand = button('expand-next', label, () => actions.expand(node.id, types.value ? [types.value] : []), {
      'data-testid': 'expand-next',
    });
    if (sameType && expansion.complete) expand.setAttribute('disabled', '');
    types.addEventListener('change', () => renderSelectionBar(container, model, actions));
    const total = counts?.get(types.value);
    const progress = expansion
      ? `${expansion.shown}${total !== undefined ? ` of ${total}` : ''} neighbours brought in`
      : total !== undefined
        ? `${total} neighbours`
        : '';
    container.append(
      el('span', { class: 'bar-title' }, node.caption),
      types,
      expand,
      ...(expansion ? [button('expand-collapse', 'Collapse', () => actions.collapse(node.id))] : []),
      hide,
      pin,
      el('span', { class: 'meta', 'data-testid': 'expand-progress' }, progress),
    );
  }
  if (focused) document.getElementById(focused)?.focus();
}
