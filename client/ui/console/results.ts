/**
 * A query's result as a table or as JSON text (tabs), with a line saying how many rows came back.
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

export function resultJson(result: CypherResponse): string {
  return JSON.stringify({ columns: result.columns, rows: result.rows, truncated: result.truncated }, null, 2);
}

export class ResultsView {
  private tab: ResultTab = 'table';
  private result: CypherResponse | null = null;
  private readonly tabs: Record<ResultTab, HTMLButtonElement>;

  constructor(
    private readonly meta: HTMLElement,
    tableTab: HTMLButtonElement,
    jsonTab: HTMLButtonElement,
    private readonly panel: HTMLElement,
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
    const rows = `${result.rows.length} row${result.rows.length === 1 ? '' : 's'}`;
    this.meta.textContent = `${rows}${result.truncated ? ' (truncated)' : ''} in ${result.elapsedMs} ms${graphNote}`;
    this.draw();
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
    const head = el('tr', {}, ...result.columns.map((column) => el('th', { scope: 'col' }, column)));
    const body = result.rows.map((row) =>
      el('tr', {}, ...result.columns.map((column) => el('td', {}, cellText(row[column])))),
    );
    this.panel.append(el('table', { 'data-testid': 'cypher-table' }, el('thead', {}, head), el('tbody', {}, ...body)));
  }
}
