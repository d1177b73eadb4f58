/**
 * A small Cypher console: run a read-only query (Ctrl+Enter), see the rows as a table, add the
 * nodes and relationships it returns to the canvas, and export the last query's result. The
 * database's error message is shown next to the editor.
 */
import type { ApiErrorBody, CypherResponse } from '../../server/domain/api.js';
import { clear, el } from './dom.js';

export interface ConsoleActions {
  showGraph(result: CypherResponse): void;
  exportQuery(query: string): void;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  const record = value as { label?: string; type?: string; properties?: Record<string, unknown> };
  if (record.label && record.properties)
    return `(${record.label}) ${String(record.properties.name ?? record.properties.title ?? record.properties.text ?? '')}`;
  if (record.type && record.properties) return `[${record.type}]`;
  return JSON.stringify(value);
}

export async function runCypher(query: string): Promise<CypherResponse> {
  const response = await fetch('/api/cypher', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
    throw new Error(body?.error.message ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as CypherResponse;
}

export function bindConsole(root: HTMLElement, actions: ConsoleActions): void {
  const input = root.querySelector<HTMLTextAreaElement>('#cypher-input')!;
  const run = root.querySelector<HTMLButtonElement>('#cypher-run')!;
  const exportButton = root.querySelector<HTMLButtonElement>('#export-query')!;
  const error = root.querySelector<HTMLElement>('#cypher-error')!;
  const output = root.querySelector<HTMLElement>('#cypher-result')!;
  let lastQuery: string | null = null;

  const execute = async () => {
    const query = input.value.trim();
    if (query === '') return;
    error.textContent = '';
    clear(output);
    output.append(el('p', {}, 'Running…'));
    try {
      const result = await runCypher(query);
      lastQuery = query;
      exportButton.disabled = false;
      clear(output);
      const head = el('tr', {}, ...result.columns.map((column) => el('th', { scope: 'col' }, column)));
      const body = result.rows.map((row) =>
        el('tr', {}, ...result.columns.map((column) => el('td', {}, cellText(row[column])))),
      );
      output.append(
        el(
          'p',
          { class: 'meta' },
          `${result.rows.length} row(s)${result.truncated ? ' (truncated)' : ''} in ${result.elapsedMs} ms`,
        ),
        el('table', { 'data-testid': 'cypher-table' }, el('thead', {}, head), el('tbody', {}, ...body)),
      );
      actions.showGraph(result);
    } catch (failure) {
      clear(output);
      error.textContent = failure instanceof Error ? failure.message : String(failure);
    }
  };

  run.addEventListener('click', () => void execute());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void execute();
    }
  });
  exportButton.addEventListener('click', () => {
    if (lastQuery) actions.exportQuery(lastQuery);
  });
}
