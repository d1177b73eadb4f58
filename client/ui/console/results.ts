/**
 * A query's result as a table or as JSON text (tabs), with a line saying how many rows came back.
 * The table sorts by a column (click its header again to reverse) and a node in it is a button
 * that selects the node on the canvas; clicking elsewhere in a row picks the row's first node.
 * Everything goes in as text.
 */
import type { CypherResponse } from '../../../server/domain/api.js';
import { clear, el } from '../dom.js';

export type ResultTab = 'table' | 'json';

/** A cell as one line of text: a node as `(Label) name`, a relationship as `[TYPE]`. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const record = value as { label?: string; type?: string; properties?: Record<string, unknown> };
  if (record.label && record.properties)
    return `(${record.label}) ${String(record.properties.name ?? record.properties.title ?? record.properties.text ?? '')}`;
  if (record.type && record.properties) return `[${record.type}]`;
  return JSON.stringify(value);
}

/** A node in a result row: what the console's table lets the user pick. */
export function nodeIdOf(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const record = value as { id?: unknown; label?: unknown; properties?: unknown };
  return typeof record.id === 'string' && typeof record.label === 'string' && record.properties ? record.id : null;
}

/** Rows ordered by one column: numbers as numbers, everything else by its text; the rest keep their order. */
export function sortRows(
  rows: ReadonlyArray<Record<string, unknown>>,
  column: string,
  descending: boolean,
): Array<Record<string, unknown>> {
  const sign = descending ? -1 : 1;
  const compare = (a: unknown, b: unknown) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : cellText(a).localeCompare(cellText(b), undefined, { numeric: true });
  return [...rows].sort((a, b) => sign * compare(a[column], b[column]));
}

export function resultJson(result: CypherResponse): string {
  return JSON.stringify({ columns: result.columns, rows: result.rows, truncated: result.truncated }, null, 2);
}

export class ResultsView {
  private tab: ResultTab = 'table';
  private result: CypherResponse | null = null;
  private sort: { column: string; descending: boolean } | null = null;
  private readonly tabs: Record<ResultTab, HTMLButtonElement>;

  constructor(
    private readonly meta: HTMLElement,
    tableTab: HTMLButtonElement,
    jsonTab: HTMLButtonElement,
    private readonly panel: HTMLElement,
    /** Selects a node of the result on the canvas. */
    private readonly pickNode: (id: string) => void = () => {},
  ) {
    this.tabs = { table: tableTab, json: jsonTab };
    for (const [name, button] of Object.entries(this.tabs) as Array<[ResultTab, HTMLButtonElement]>) {
      button.addEventListener('click', () => this.show(name));
      button.addEventListener('keydown', (event) => {
        if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
        event.preventDefault();
        const next = name === 'table' ? 'json' : 'table';
        this.show(next);
        this.tabs[next].focus();
      });
    }
    this.show('table');
  }

  running(): void {
    this.meta.textContent = 'Running…';
  }

  failed(): void {
    this.meta.textContent = '';
    this.result = null;
    clear(this.panel);
  }

  render(result: CypherResponse, graphNote: string): void {
    this.result = result;
    this.sort = null;
    const rows = `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}`;
    this.meta.textContent = `${rows}${result.truncated ? ' (truncated)' : ''} in ${result.elapsedMs} ms${graphNote}`;
    this.draw();
    // The table opens in view: the console's body scrolls to it instead of leaving it below.
    this.panel.parentElement?.scrollIntoView({ block: 'nearest' });
  }

  show(tab: ResultTab): void {
    this.tab = tab;
    for (const [name, button] of Object.entries(this.tabs) as Array<[ResultTab, HTMLButtonElement]>) {
      const selected = name === tab;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    }
    this.panel.setAttribute('aria-labelledby', this.tabs[tab].id);
    this.draw();
  }

  private draw(): void {
    clear(this.panel);
    const result = this.result;
    if (!result) return;
    if (this.tab === 'json') {
      this.panel.append(el('pre', { class: 'console-json', 'data-testid': 'cypher-json' }, resultJson(result)));
      return;
    }
    if (result.columns.length === 0) {
      this.panel.append(el('p', {}, 'The query returned no columns.'));
      return;
    }
    const head = el('tr', {}, ...result.columns.map((column) => this.header(column)));
    const rows = this.sort ? sortRows(result.rows, this.sort.column, this.sort.descending) : result.rows;
    const body = rows.map((row) => this.row(result.columns, row));
    this.panel.append(el('table', { 'data-testid': 'cypher-table' }, el('thead', {}, head), el('tbody', {}, ...body)));
  }

  /** A column header: a button that sorts by the column, ascending first, then reversed. */
  private header(column: string): HTMLElement {
    const active = this.sort?.column === column;
    const descending = active && this.sort!.descending;
    const button = el('button', { type: 'button', class: 'sort' }, column, active ? (descending ? ' ▼' : ' ▲') : '');
    button.addEventListener('click', () => {
      this.sort = { column, descending: active ? !descending : false };
      this.draw();
      this.panel
        .querySelector<HTMLButtonElement>(`th:nth-child(${this.result!.columns.indexOf(column) + 1}) button`)
        ?.focus();
    });
    const sorted = active ? (descending ? 'descending' : 'ascending') : 'none';
    return el('th', { scope: 'col', 'aria-sort': sorted }, button);
  }

  /** A row; its nodes are buttons that select them, a click elsewhere picks its first node. */
  private row(columns: string[], row: Record<string, unknown>): HTMLElement {
    const cells = columns.map((column) => {
      const value = row[column];
      const id = nodeIdOf(value);
      if (!id) return el('td', {}, cellText(value));
      const button = el('button', { type: 'button', class: 'link', 'data-node-id': id }, cellText(value));
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        this.pickNode(id);
      });
      return el('td', {}, button);
    });
    const tr = el('tr', {}, ...cells);
    const first = columns.map((column) => nodeIdOf(row[column])).find((id) => id !== null);
    if (first) {
      tr.classList.add('pickable');
      tr.addEventListener('click', () => this.pickNode(first));
    }
    return tr;
  }
}
