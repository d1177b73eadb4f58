/**
 * The Filters tab: relationship types, one article, a time slider over the dates of statements and
 * relations, a minimum degree. Each control changes the filter state; the canvas follows live.
 * Node labels are filtered from the legend.
 */
import { countByRelType, dateExtent, type ExplorerGraph } from '../graph/dataset.js';
import type { Filters } from '../state/filters.js';
import { attributeFilterSection } from './attribute-filters-view.js';
import { clear, el } from './dom.js';

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const toIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function timeSlider(graph: ExplorerGraph, filters: Filters): HTMLElement {
  const extent = dateExtent(graph);
  if (!extent) return el('p', { class: 'meta' }, 'No dated statements or relations on the canvas.');
  const [min, max] = [toDay(extent.min), toDay(extent.max)];
  const state = filters.current;
  const from = state.dateFrom ? Math.max(min, Math.min(max, toDay(state.dateFrom))) : min;
  const to = state.dateTo ? Math.max(min, Math.min(max, toDay(state.dateTo))) : max;
  const range = (id: string, label: string, value: number) =>
    el('input', {
      id,
      type: 'range',
      min: String(min),
      max: String(max),
      step: '1',
      value: String(value),
      'aria-label': label,
      'aria-valuetext': toIso(value),
    });
  const fromInput = range('date-from', 'Earliest date shown', from);
  const toInput = range('date-to', 'Latest date shown', to);
  const readout = el('output', { id: 'date-readout', for: 'date-from date-to' }, `${toIso(from)} – ${toIso(to)}`);
  const apply = (moved: HTMLInputElement) => {
    let [a, b] = [Number(fromInput.value), Number(toInput.value)];
    // The handles do not cross: the one being moved pushes the other.
    if (a > b) {
      if (moved === fromInput) b = a;
      else a = b;
      fromInput.value = String(a);
      toInput.value = String(b);
    }
    fromInput.setAttribute('aria-valuetext', toIso(a));
    toInput.setAttribute('aria-valuetext', toIso(b));
    readout.textContent = `${toIso(a)} – ${toIso(b)}`;
    filters.set({ dateFrom: a > min ? toIso(a) : null, dateTo: b < max ? toIso(b) : null });
  };
  fromInput.addEventListener('input', () => apply(fromInput));
  toInput.addEventListener('input', () => apply(toInput));
  return el(
    'fieldset',
    { class: 'time-slider', 'data-testid': 'time-slider' },
    el('legend', {}, 'Dates of statements and relations'),
    readout,
    el('label', { for: 'date-from' }, 'From'),
    fromInput,
    el('label', { for: 'date-to' }, 'To'),
    toInput,
  );
}

function relTypeList(graph: ExplorerGraph, filters: Filters): HTMLElement {
  const counts = [...countByRelType(graph).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const hidden = new Set(filters.current.hiddenRelTypes);
  const list = el('ul', { class: 'check-list' });
  for (const [type, count] of counts) {
    const id = `rel-type-${type}`;
    const box = el('input', { type: 'checkbox', id, 'data-rel-type': type });
    box.checked = !hidden.has(type);
    box.addEventListener('change', () => filters.toggleRelType(type));
    list.append(el('li', {}, box, el('label', { for: id }, `${type} `, el('span', { class: 'meta' }, String(count)))));
  }
  return el('fieldset', {}, el('legend', {}, 'Relationship types'), counts.length > 0 ? list : el('p', {}, '—'));
}

function articleSelect(graph: ExplorerGraph, filters: Filters): HTMLElement {
  const select = el('select', { id: 'filter-article' }, el('option', { value: '' }, 'All articles'));
  const documents: Array<[string, string]> = [];
  graph.forEachNode((id, attributes) => {
    if (attributes.nodeLabel === 'Document') documents.push([id, attributes.caption]);
  });
  documents.sort((a, b) => a[1].localeCompare(b[1]));
  for (const [id, caption] of documents) select.append(el('option', { value: id }, caption));
  select.value = filters.current.documentId ?? '';
  select.addEventListener('change', () => filters.set({ documentId: select.value || null }));
  return el('div', { class: 'field' }, el('label', { for: 'filter-article' }, 'Article'), select);
}

function minDegreeInput(filters: Filters): HTMLElement {
  const input = el('input', { id: 'filter-min-degree', type: 'number', min: '0', max: '999', step: '1' });
  input.value = String(filters.current.minDegree);
  input.addEventListener('input', () => {
    const value = Number(input.value);
    if (Number.isInteger(value) && value >= 0) filters.set({ minDegree: value });
  });
  return el('div', { class: 'field' }, el('label', { for: 'filter-min-degree' }, 'Minimum degree'), input);
}

/** Draws the tab from the canvas and the filter state; call again when either changed from elsewhere. */
export function renderFilters(
  container: HTMLElement,
  graph: ExplorerGraph,
  filters: Filters,
  shown: () => string,
): void {
  const focused = document.activeElement?.id;
  clear(container);
  const reset = el('button', { type: 'button', id: 'filter-reset' }, 'Reset filters');
  reset.addEventListener('click', () => {
    filters.reset();
    renderFilters(container, graph, filters, shown);
  });
  container.append(
    el('p', { class: 'meta', id: 'filter-summary', 'aria-live': 'polite' }, shown()),
    timeSlider(graph, filters),
    articleSelect(graph, filters),
    minDegreeInput(filters),
    relTypeList(graph, filters),
    attributeFilterSection(graph, filters, () => renderFilters(container, graph, filters, shown)),
    reset,
  );
  if (focused) document.getElementById(focused)?.focus();
}
