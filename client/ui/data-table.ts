/**
 * The Table tab: every node or relationship on the canvas (graph/table-rows.ts), filtered by a
 * text, sorted by any column (header buttons, aria-sort), a row's first cell selects the node or
 * shows the relationship's evidence. Rows the filters hide on the canvas are marked.
 */
import type { ExplorerGraph } from '../graph/dataset.js';
import { EDGE_COLUMNS, filterRows, NODE_COLUMNS, sortRows, tableRows, type TableKind } from '../graph/table-rows.js';
import type { Visibility } from '../graph/visibility.js';
import { clear, el } from './dom.js';

/** At most this many rows are drawn (after filtering and sorting), so a large canvas stays quick. */
const MAX_ROWS = 500;

export interface DataTableActions {
  selectNode(id: string): void;
  showEdge(id: string): void;
}

export class DataTable {
  private kind: TableKind = 'nodes';
  private sortKey = 'degree';
  private descending = true;
  private text = '';

  constructor(
    private readonly container: HTMLElement,
    private readonly graph: ExplorerGraph,
    private readonly visibility: () => Visibility,
    private readonly actions: DataTableActions,
  ) {}

  render(): void {
    const focused = document.activeElement?.id;
    clear(this.container);
    const columns = this.kind === 'nodes' ? NODE_COLUMNS : EDGE_COLUMNS;
    const { hiddenNodes, hiddenEdges } = this.visibility();
    const all = tableRows(this.graph, this.kind, { nodes: hiddenNodes, edges: hiddenEdges });
    const rows = sortRows(filterRows(all, this.text), this.sortKey, this.descending);

    const kind = el('select', { id: 'table-kind' });
    kind.append(el('option', { value: 'nodes' }, 'Nodes'), el('option', { value: 'edges' }, 'Relationships'));
    kind.value = this.kind;
    kind.addEventListener('change', () => {
      this.kind = kind.value === 'edges' ? 'edges' : 'nodes';
      this.sortKey = this.kind === 'nodes' ? 'degree' : 'type';
      this.descending = this.kind === 'nodes';
      this.render();
    });
    const filter = el('input', { id: 'table-filter', type: 'search', autocomplete: 'off' });
    filter.value = this.text;
    filter.addEventListener('input', () => {
      this.text = filter.value;
      this.render();
    });

    this.container.append(
      el('div', { class: 'field' }, el('label', { for: 'table-kind' }, 'Show'), kind),
      el('div', { class: 'field' }, el('label', { for: 'table-filter' }, 'Filter rows'), filter),
      el(
        'p',
        { class: 'meta', id: 'table-summary' },
        `${rows.length} of ${all.length} ${this.kind === 'nodes' ? 'nodes' : 'relationships'}` +
          (rows.length > MAX_ROWS ? ` (the first ${MAX_ROWS} shown)` : ''),
      ),
      this.table(columns, rows.slice(0, MAX_ROWS)),
    );
    if (focused) {
      const again = document.getElementById(focused);
      again?.focus();
      if (again instanceof HTMLInputElement && again.type === 'search')
        again.setSelectionRange(again.value.length, again.value.length);
    }
  }

  private table(columns: typeof NODE_COLUMNS, rows: ReturnType<typeof tableRows>): HTMLElement {
    const header = (key: string, title: string) => {
      const active = this.sortKey === key;
      const button = el(
        'button',
        { type: 'button', class: 'sort', id: `table-sort-${key}` },
        title,
        active ? (this.descending ? ' ▼' : ' ▲') : '',
      );
      button.addEventListener('click', () => {
        this.descending = active ? !this.descending : false;
        this.sortKey = key;
        this.render();
      });
      return el(
        'th',
        { scope: 'col', 'aria-sort': active ? (this.descending ? 'descending' : 'ascending') : 'none' },
        button,
      );
    };
    const body = rows.map((row) => {
      const [first, ...rest] = columns;
      const open = el('button', { type: 'button', class: 'link' }, row.cells[first.key] || row.id);
      open.addEventListener('click', () =>
        this.kind === 'nodes' ? this.actions.selectNode(row.id) : this.actions.showEdge(row.id),
      );
      return el(
        'tr',
        { 'data-row-id': row.id, ...(row.hidden ? { class: 'filtered-out', title: 'Hidden by the filters' } : {}) },
        el('td', {}, open),
        ...rest.map((column) => el('td', {}, row.cells[column.key] ?? '')),
      );
    });
    return el(
      'div',
      { class: 'data-table' },
      el(
        'table',
        { 'data-testid': 'data-table' },
        el('thead', {}, el('tr', {}, ...columns.map((c) => header(c.key, c.title)))),
        el('tbody', {}, ...body),
      ),
    );
  }
}
