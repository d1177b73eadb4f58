/**
 * The Filters tab: relationship types, one article, a minimum degree. Each control changes the
 * filter state; the canvas follows live. Node labels are filtered from the legend, dates from the
 * timeline (ui/timeline-panel.ts).
 */
import { countByRelType, type ExplorerGraph } from '../graph/dataset.js';
import type { Filters } from '../state/filters.js';
import { attributeFilterSection } from './attribute-filters-view.js';
import { clear, el } from './dom.js';

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
    articleSelect(graph, filters),
    minDegreeInput(filters),
    relTypeList(graph, filters),
    attributeFilterSection(graph, filters, () => renderFilters(container, graph, filters, shown)),
    reset,
  );
  if (focused) document.getElementById(focused)?.focus();
}
