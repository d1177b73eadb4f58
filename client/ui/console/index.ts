/**
 * The Cypher console: a CodeMirror editor with Cypher highlighting and completion from
 * /api/schema, JSON parameters, Ctrl/Cmd+Enter runs the query (read-only on the server), the
 * result as a table or JSON and as a graph added to the canvas or replacing it; history and named
 * queries kept in localStorage; starter queries for the store's dialect (/api/health). A failed
 * query shows the database's message next to the editor.
 */
import type { CypherResponse, SchemaResponse } from '../../../server/domain/api.js';
import { fetchHealth, fetchSchema, runCypher } from './api.js';
import { createEditor, setDoc } from './editor.js';
import {
  HISTORY_KEY,
  loadList,
  pushHistory,
  removeSaved,
  SAVED_KEY,
  storeList,
  upsertSaved,
  type HistoryEntry,
  type QueryEntry,
  type SavedQuery,
} from './history.js';
import { renderHistory, renderSaved, renderStarters } from './library.js';
import { formatParams, paramsUsedBy, parseParams } from './params.js';
import { el } from '../dom.js';
import { queryHints } from './query-hints.js';
import { ResultsView } from './results.js';
import { starterQueries, type Dialect } from './starters.js';
import './console.css';

export interface ConsoleActions {
  /** Resolves to how many of the result's nodes were not on the canvas before. */
  showGraph(result: CypherResponse, mode: 'add' | 'replace'): Promise<number>;
  /** Selects a node of the result table and brings it into view. */
  selectNode(id: string): void;
  exportQuery(query: string, params: Record<string, unknown>): void;
}

export interface ConsoleHandle {
  /** The query in the editor and its params (for URL state). */
  current(): { query: string; params: Record<string, unknown> };
  /** Puts a query (and params) in the editor and, if run is true, runs it. */
  /** `mode`: whether a run's result is added to the canvas or replaces it (else the mode chosen in the console). */
  load(query: string, params?: Record<string, unknown>, run?: boolean, mode?: 'add' | 'replace'): Promise<void>;
  /** The last query that ran successfully, or null. */
  lastRun(): { query: string; params: Record<string, unknown> } | null;
  /** Opens the console (the <details> element) and focuses the editor. */
  open(): void;
}

const DEFAULT_QUERY = 'MATCH (a:Actor)-[r:HOLDS_ROLE]->(b) RETURN a, r, b LIMIT 25';

export function bindConsole(root: HTMLElement, actions: ConsoleActions): ConsoleHandle {
  const find = <T extends HTMLElement>(selector: string): T => {
    const element = root.querySelector<T>(selector);
    if (!element) throw new Error(`${selector} is missing from the console`);
    return element;
  };
  const details = root as HTMLDetailsElement;
  const paramsInput = find<HTMLTextAreaElement>('#cypher-params');
  const paramsError = find<HTMLElement>('#cypher-params-error');
  const runButton = find<HTMLButtonElement>('#cypher-run');
  const modeSelect = find<HTMLSelectElement>('#cypher-graph-mode');
  const exportButton = find<HTMLButtonElement>('#export-query');
  const error = find<HTMLElement>('#cypher-error');
  const saveName = find<HTMLInputElement>('#cypher-save-name');
  const saveForm = find<HTMLFormElement>('#cypher-save');
  const startersList = find<HTMLElement>('#cypher-starters');
  const savedList = find<HTMLElement>('#cypher-saved');
  const historyList = find<HTMLElement>('#cypher-history');
  const results = new ResultsView(
    find('#cypher-meta'),
    find('#cypher-tab-table'),
    find('#cypher-tab-json'),
    find('#cypher-result'),
    (id) => actions.selectNode(id),
  );
  const hint = el('p', { id: 'cypher-hint', class: 'console-hint', role: 'status' });
  error.after(hint);

  let schema: SchemaResponse | null = null;
  let dialect: Dialect | null = null;
  let last: QueryEntry | null = null;
  let history = loadList<HistoryEntry>(HISTORY_KEY, ['ranAt']);
  let saved = loadList<SavedQuery>(SAVED_KEY, ['name']);

  const view = createEditor({
    parent: find('#cypher-editor'),
    doc: DEFAULT_QUERY,
    label: 'Cypher query (read-only; Ctrl+Enter runs it)',
    completion: { schema: () => schema, dialect: () => dialect },
    onRun: () => void execute(),
  });

  const readParams = (): Record<string, unknown> | null => {
    const parsed = parseParams(paramsInput.value);
    paramsError.textContent = parsed.ok ? '' : parsed.message;
    paramsInput.setAttribute('aria-invalid', String(!parsed.ok));
    return parsed.ok ? parsed.params : null;
  };

  const library = {
    load: (entry: QueryEntry, run: boolean) => void handle.load(entry.query, entry.params, run),
    remove: (name: string) => {
      saved = removeSaved(saved, name);
      storeList(SAVED_KEY, saved);
      renderSaved(savedList, saved, library);
    },
  };

  async function execute(): Promise<void> {
    const query = view.state.doc.toString().trim();
    if (query === '') return;
    const typed = readParams();
    if (!typed) {
      paramsInput.focus();
      return;
    }
    const params = paramsUsedBy(query, typed);
    error.textContent = '';
    hint.textContent = queryHints(query, dialect).join(' ');
    results.running();
    runButton.disabled = true;
    root.setAttribute('aria-busy', 'true');
    try {
      const result = await runCypher(query, params);
      last = { query, params };
      exportButton.disabled = false;
      history = pushHistory(history, { query, params, ranAt: new Date().toISOString() });
      storeList(HISTORY_KEY, history);
      renderHistory(historyList, history, library);
      const mode = modeSelect.value === 'replace' ? 'replace' : 'add';
      const drawn = result.graph.nodes.length > 0;
      // Awaited: a linked view's next steps (expansions, a path) build on the result.
      const added = drawn ? await actions.showGraph(result, mode) : 0;
      // Counts only the nodes that are new to the canvas ("17 added" when none were new misled).
      const note = !drawn
        ? ''
        : mode === 'replace'
          ? `; ${result.graph.nodes.length} node(s) replace the canvas`
          : `; ${added} new node(s) added to the canvas`;
      results.render(result, note);
    } catch (failure) {
      results.failed();
      error.textContent = failure instanceof Error ? failure.message : String(failure);
    } finally {
      runButton.disabled = false;
      root.removeAttribute('aria-busy');
    }
  }

  const handle: ConsoleHandle = {
    current: () => {
      const parsed = parseParams(paramsInput.value);
      return { query: view.state.doc.toString(), params: parsed.ok ? parsed.params : {} };
    },
    load: async (query, params = {}, run = false, mode) => {
      setDoc(view, query);
      if (mode) modeSelect.value = mode;
      paramsInput.value = formatParams(params);
      readParams();
      if (run) await execute();
    },
    lastRun: () => (last ? { query: last.query, params: { ...last.params } } : null),
    open: () => {
      details.open = true;
      view.focus();
    },
  };

  runButton.addEventListener('click', () => void execute());
  paramsInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void execute();
    }
  });
  paramsInput.addEventListener('input', () => {
    if (paramsError.textContent) readParams();
  });
  exportButton.addEventListener('click', () => {
    if (last) actions.exportQuery(last.query, last.params);
  });
  saveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = saveName.value.trim();
    const params = readParams();
    if (name === '' || !params) {
      if (name === '') saveName.focus();
      return;
    }
    saved = upsertSaved(saved, { name, query: view.state.doc.toString().trim(), params });
    storeList(SAVED_KEY, saved);
    renderSaved(savedList, saved, library);
    saveName.value = '';
  });

  renderHistory(historyList, history, library);
  renderSaved(savedList, saved, library);
  void fetchSchema().then((answer) => {
    schema = answer;
  });
  void fetchHealth().then((health) => {
    dialect = health?.dialect ?? null;
    if (dialect) {
      root.dataset.dialect = dialect;
      renderStarters(startersList, starterQueries(dialect), library);
    }
  });
  return handle;
}
