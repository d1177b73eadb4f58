/**
 * Filters on any attribute (Filters tab): "Statement where confidence ≥ 0.8", "relationships where
 * rule is not surname": added to the filter state, combined with the other filters, each removable.
 */
import type { ExplorerGraph } from '../graph/dataset.js';
import { offeredKeys } from '../graph/property-values.js';
import { CONDITION_OPS, OP_NAMES, type ConditionOp } from '../state/conditions.js';
import type { AttributeFilter, Filters } from '../state/filters.js';
import { el } from './dom.js';

function describe(filter: AttributeFilter): string {
  const who = filter.label !== '' ? filter.label : filter.target === 'node' ? 'Nodes' : 'Relationships';
  return `${who} where ${filter.when.key} ${OP_NAMES[filter.when.op]} “${filter.when.value}”`;
}

function options(select: HTMLSelectElement, values: Array<[string, string]>, value: string): void {
  for (const [v, text] of values) select.append(el('option', { value: v }, text));
  select.value = values.some(([v]) => v === value) ? value : (values[0]?.[0] ?? '');
}

/** The form as the user left it: the tab is drawn again whenever the canvas or the filters change. */
const draft = { target: 'node:', key: '', op: 'equals', value: '' };

export function attributeFilterSection(graph: ExplorerGraph, filters: Filters, rerender: () => void): HTMLElement {
  const targetValue = draft.target;
  const [target, label] = targetValue.split(':') as ['node' | 'edge', string];

  const labels = new Set<string>();
  const types = new Set<string>();
  graph.forEachNode((_id, a) => labels.add(a.nodeLabel));
  graph.forEachEdge((_id, a) => types.add(a.relType));
  const targetSelect = el('select', { id: 'attr-filter-target' });
  options(
    targetSelect,
    [
      ['node:', 'Any node'],
      ...[...labels].sort().map((l) => [`node:${l}`, l] as [string, string]),
      ['edge:', 'Any relationship'],
      ...[...types].sort().map((t) => [`edge:${t}`, t] as [string, string]),
    ],
    targetValue,
  );
  targetSelect.addEventListener('change', () => {
    draft.target = targetSelect.value;
    rerender();
  });

  const propertySets: Array<Record<string, unknown>> = [];
  if (target === 'node')
    graph.forEachNode((_id, a) => (label === '' || a.nodeLabel === label) && propertySets.push(a.properties));
  else graph.forEachEdge((_id, a) => (label === '' || a.relType === label) && propertySets.push(a.properties ?? {}));
  const keySelect = el('select', { id: 'attr-filter-key' });
  options(
    keySelect,
    offeredKeys(propertySets).map((k) => [k, k]),
    draft.key,
  );
  const opSelect = el('select', { id: 'attr-filter-op' });
  options(
    opSelect,
    CONDITION_OPS.map((o) => [o, OP_NAMES[o]]),
    draft.op,
  );
  const value = el('input', { id: 'attr-filter-value', type: 'text', autocomplete: 'off' });
  value.value = draft.value;
  keySelect.addEventListener('change', () => (draft.key = keySelect.value));
  opSelect.addEventListener('change', () => (draft.op = opSelect.value));
  value.addEventListener('input', () => (draft.value = value.value));

  const add = el('button', { type: 'button', id: 'attr-filter-add' }, 'Add filter');
  add.addEventListener('click', () => {
    if (keySelect.value === '') return;
    const filter: AttributeFilter = {
      target,
      label,
      when: { key: keySelect.value, op: opSelect.value as ConditionOp, value: value.value.trim() },
    };
    filters.set({ attributes: [...filters.current.attributes, filter] });
    rerender();
  });

  const list = el('ul', { class: 'check-list', 'data-testid': 'attribute-filters' });
  filters.current.attributes.forEach((filter, index) => {
    const text = describe(filter);
    const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Remove filter: ${text}` }, 'Remove');
    remove.addEventListener('click', () => {
      filters.set({ attributes: filters.current.attributes.filter((_f, i) => i !== index) });
      rerender();
    });
    list.append(el('li', {}, el('span', {}, text), ' ', remove));
  });

  const field = (id: string, text: string, control: HTMLElement) =>
    el('div', { class: 'field' }, el('label', { for: id }, text), control);
  return el(
    'fieldset',
    { 'data-testid': 'attribute-filter-form' },
    el('legend', {}, 'Attributes'),
    field('attr-filter-target', 'Of', targetSelect),
    field('attr-filter-key', 'Property', keySelect),
    field('attr-filter-op', 'Condition', opSelect),
    field('attr-filter-value', 'Value', value),
    add,
    filters.current.attributes.length > 0 ? list : el('p', { class: 'meta' }, 'No attribute filters.'),
  );
}
