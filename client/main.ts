/**
 * The explorer: wires the dataset (graph/), the state (state/), the renderer (sigma/) and the
 * panels (ui/). Each action that changes the canvas goes through here, so that undo, the link in
 * the address bar and the panels follow it.
 */
import { downloadAsPNG } from '@sigma/export-image';
import type { PathResponse } from '../server/domain/api.js';
import { api } from './api/client.js';
import { collapse, expandNext, expansionOf, hideNodes, togglePins } from './explore/expansion.js';
import { captureView, replayView, type ViewSources } from './explore/view-link.js';
import { CanvasHistory } from './graph/canvas-history.js';
import { countByLabel, createGraph, mergePayload, nodeData } from './graph/dataset.js';
import { DerivedView } from './graph/derived-view.js';
import { LayoutController } from './graph/layout.js';
import { MetricsCache } from './graph/metrics.js';
import { curveParallelEdges } from './sigma/curves.js';
import { createRenderer, fitSettingsToSize, focusCamera, frameNodes, isLargeGraph } from './sigma/renderer.js';
import { Appearance } from './state/appearance.js';
import { Filters } from './state/filters.js';
import { Interaction } from './state/selection.js';
import { decodeView, encodeView } from './state/view-state.js';
import { AnalysisView } from './ui/analysis-view.js';
import { bindConsole } from './ui/console/index.js';
import { markLoading, renderDetails, type Highlight } from './ui/details-panel.js';
import { renderEdgeDetails } from './ui/edge-panel.js';
import { bindExportMenu, download, viewPayload } from './ui/export-menu.js';
import { renderFilters } from './ui/filters-view.js';
import { bindLasso } from './ui/lasso.js';
import { renderLegend } from './ui/legend.js';
import { hideNotice, showEmptyNotice, showErrorNotice } from './ui/notice.js';
import { bindPathView } from './ui/path-view.js';
import { openReader } from './ui/reader-view.js';
import { bindSearch } from './ui/search-box.js';
import { renderSelectionBar } from './ui/selection-bar.js';
import { bindTabs } from './ui/tabs.js';
import { bindThemeToggle } from './ui/theme-toggle.js';
import { bindViewsView } from './ui/views-view.js';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

const status = byId<HTMLParagraphElement>('status');
function say(message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

// ---- Dataset, state, derived view, renderer ----
const graph = createGraph();
const interaction = new Interaction();
const appearance = new Appearance();
const filters = new Filters();
const metrics = new MetricsCache(graph);
const view = new DerivedView(graph, filters, appearance, metrics);
const panel = byId<HTMLElement>('details-panel');
const notice = byId<HTMLElement>('notice');
const layoutButton = byId<HTMLButtonElement>('layout-toggle');
const undoButton = byId<HTMLButtonElement>('undo');
const layout = new LayoutController(graph, (running) => {
  layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
  // A large canvas draws its edges only when the layout is not moving it.
  if (isLargeGraph(graph)) renderer.refresh({ skipIndexation: true });
  if (!running) scheduleUrlUpdate();
});
const history = new CanvasHistory(graph, (last) => {
  undoButton.disabled = last === null;
  undoButton.title = last ? `Undo: ${last} (Ctrl+Z)` : 'Undo (Ctrl+Z)';
});
const container = byId('graph');
const renderer = createRenderer(container, graph, interaction, view, () => layout.running);

/** Nodes the user dismissed (kept for links: a replayed view dismisses them again). */
const dismissed = new Set<string>();
/** The query whose result is on the canvas, and the path shown, for links. */
let canvasQuery: { query: string; params: Record<string, unknown> } | null = null;
let pathEnds: { from: string; to: string } | null = null;
/** Distinct neighbours by relationship type of the node whose details were loaded. */
const neighbourCounts = new Map<string, Map<string, number>>();

// ---- Panels that follow the canvas ----
const toolsFilters = byId('tools-filters');
const analysis = new AnalysisView(byId('tools-analysis'), graph, metrics, appearance, (id) => void select(id));
const showLegend = () => renderLegend(byId('legend'), countByLabel(graph), filters);
const filterSummary = () => {
  const hidden = view.visibility.hiddenNodes.size;
  return hidden === 0
    ? `Showing all ${graph.order} nodes.`
    : `Showing ${graph.order - hidden} of ${graph.order} nodes.`;
};
const refreshTools = () => {
  if (!toolsFilters.hidden) renderFilters(toolsFilters, graph, filters, filterSummary);
  if (!byId('tools-analysis').hidden) analysis.render();
};

let canvasTimer: ReturnType<typeof setTimeout> | undefined;
/** After nodes or edges came or went: curves, legend, panels, link (debounced: expansions come in bursts). */
function canvasChanged(): void {
  if (canvasTimer) clearTimeout(canvasTimer);
  canvasTimer = setTimeout(() => {
    curveParallelEdges(graph, isLargeGraph(graph));
    fitSettingsToSize(renderer, graph);
    showLegend();
    refreshTools();
    refreshSelectionBar();
    renderer.refresh();
    document.body.dataset.nodeCount = String(graph.order);
    scheduleUrlUpdate();
  }, 30);
}
filters.subscribe(() => {
  showLegend();
  const summary = document.getElementById('filter-summary');
  if (summary) summary.textContent = filterSummary();
  renderer.refresh();
  scheduleUrlUpdate();
});
appearance.subscribe(() => {
  renderer.refresh();
  if (!byId('tools-analysis').hidden) analysis.render();
  scheduleUrlUpdate();
});
// Hover changes many times a second: the bar and the link follow only selection and path.
interaction.subscribeTo(['selection', 'path'], () => {
  refreshSelectionBar();
  scheduleUrlUpdate();
});

// ---- Selection and details ----
function clearSelection(): void {
  selectionRequest += 1;
  interaction.select(null);
  panel.hidden = true;
}

/** Counts selections, so that a slow answer for an earlier click does not replace a later one. */
let selectionRequest = 0;

/** Selects a node and shows its details; `frame` moves the camera to it (not when a link sets the camera). */
async function select(id: string, frame = true): Promise<void> {
  const mine = ++selectionRequest;
  try {
    markLoading(panel);
    if (!graph.hasNode(id)) await changeCanvas(`show ${id}`, () => expandNext(graph, id));
    if (mine !== selectionRequest) return;
    interaction.select(id);
    if (frame) focusCamera(renderer, id);
    const details = await api.node(id);
    if (mine !== selectionRequest) return;
    neighbourCounts.set(id, new Map([['', details.neighbours.total], ...Object.entries(details.neighbours.byType)]));
    refreshSelectionBar();
    renderDetails(panel, details, {
      select: (next) => void select(next),
      expand: (next) => void expand(next),
      close: clearSelection,
      openArticle,
      showEdge: (edge) => void showEdge(edge),
    });
    say('');
  } catch (error) {
    panel.removeAttribute('aria-busy');
    say(messageOf(error), true);
  }
}

/** The reader over the canvas: an article, the cited sentence marked; a mention selects its node. */
function openArticle(documentId: string, highlight?: Highlight): void {
  void openReader(byId('reader'), documentId, { highlight, onMention: (id) => void select(id) });
}

/** A relationship and every sentence that states it, in the details panel's place. */
async function showEdge(id: string): Promise<void> {
  const mine = ++selectionRequest;
  try {
    markLoading(panel);
    const details = await api.edge(id);
    if (mine !== selectionRequest) return;
    if (graph.hasEdge(id)) interaction.selectEdge(id);
    renderEdgeDetails(panel, details, { select: (next) => void select(next), close: clearSelection, openArticle });
    say('');
  } catch (error) {
    panel.removeAttribute('aria-busy');
    say(messageOf(error), true);
  }
}

// ---- Changing the canvas (each step can be undone) ----
/** Records the canvas for undo, stops the layout worker (it holds a copy), runs the change. */
async function changeCanvas<T>(label: string, change: () => T | Promise<T>, relayout = true): Promise<T> {
  history.record(label);
  layout.kill();
  const result = await change();
  canvasChanged();
  if (relayout && graph.order > 0) layout.start(2500);
  return result;
}

const captionOf = (id: string) =>
  graph.hasNode(id)
    ? String(graph.getNodeAttribute(id, 'caption'))
    : ((nodeData.get(id)?.properties.name as string) ?? id);

async function expand(id: string, types: string[] = []): Promise<void> {
  try {
    const result = await changeCanvas(`expand ${captionOf(id)}`, () => expandNext(graph, id, types));
    say(
      result.added.length === 0
        ? 'No further neighbours to bring in.'
        : `Added ${result.added.length} neighbours of ${captionOf(id)}${result.complete ? ' (all shown)' : ''}.`,
    );
  } catch (error) {
    say(messageOf(error), true);
  }
}

async function collapseNode(id: string): Promise<void> {
  const removed = await changeCanvas(`collapse ${captionOf(id)}`, () => collapse(graph, id), false);
  say(`Collapsed ${captionOf(id)}: ${removed} node(s) left the canvas.`);
}

async function hide(ids: readonly string[]): Promise<void> {
  const label = ids.length === 1 ? `hide ${captionOf(ids[0])}` : `hide ${ids.length} nodes`;
  for (const id of ids) dismissed.add(id);
  if (ids.includes(interaction.current.selected ?? '')) panel.hidden = true;
  interaction.selectMany(
    interaction.current.selection.filter((id) => !ids.includes(id)),
    false,
  );
  const removed = await changeCanvas(label, () => hideNodes(graph, ids), false);
  say(`${removed} node(s) hidden. Undo (Ctrl+Z) brings them back.`);
}

function pin(ids: readonly string[]): void {
  const pinned = togglePins(graph, ids);
  if (layout.running) layout.start(2500);
  refreshSelectionBar();
  renderer.refresh();
  say(pinned ? 'Pinned: the layout leaves them in place.' : 'Unpinned.');
}

async function findPath(from: string, to: string): Promise<PathResponse> {
  const path = await api.shortestPath(from, to);
  if (!path.found) {
    interaction.showPath(null);
    pathEnds = null;
    say(`No path between ${captionOf(from)} and ${captionOf(to)} within 6 steps.`, true);
    return path;
  }
  await changeCanvas(`path ${captionOf(from)} – ${captionOf(to)}`, () => mergePayload(graph, path.graph, 'path'));
  pathEnds = { from, to };
  interaction.showPath({ nodeIds: path.nodeIds, edgeIds: path.edgeIds });
  // Show it once the layout has placed the new nodes.
  setTimeout(() => frameNodes(renderer, path.nodeIds), 600);
  say(`Shortest path: ${path.length} step(s).`);
  return path;
}

function clearPath(): void {
  pathEnds = null;
  interaction.showPath(null);
}

function undo(): void {
  layout.kill();
  const label = history.undo();
  if (!label) {
    say('Nothing to undo.');
    return;
  }
  for (const id of [...dismissed]) if (graph.hasNode(id)) dismissed.delete(id);
  const { selection, path } = interaction.current;
  interaction.selectMany(
    selection.filter((id) => graph.hasNode(id)),
    false,
  );
  if (path && !path.nodeIds.every((id) => graph.hasNode(id))) clearPath();
  canvasChanged();
  say(`Undone: ${label}.`);
}

function refreshSelectionBar(): void {
  const selection = interaction.current.selection.filter((id) => graph.hasNode(id));
  const single = selection.length === 1 ? selection[0] : null;
  renderSelectionBar(
    byId('selection-bar'),
    {
      selection: selection.map((id) => ({ id, caption: captionOf(id) })),
      expansion: single ? expansionOf(graph, single) : null,
      neighbourCounts: single ? (neighbourCounts.get(single) ?? null) : null,
      pinned: selection.length > 0 && selection.every((id) => graph.getNodeAttribute(id, 'fixed') === true),
    },
    {
      expand: (id, types) => void expand(id, types),
      collapse: (id) => void collapseNode(id),
      hide: (ids) => void hide(ids),
      pin,
      path: (from, to) => {
        showTab('tab-path');
        pathView.setEnds(from, to);
        void findPath(from, to).catch((error: unknown) => say(messageOf(error), true));
      },
      clear: clearSelection,
    },
  );
}

// ---- Canvas events and keys ----
renderer.on('clickNode', ({ node, event }) => {
  if (event.original.shiftKey) interaction.toggleInSelection(node);
  else void select(node);
});
renderer.on('clickEdge', ({ edge }) => void showEdge(edge));
renderer.on('doubleClickNode', ({ node, event }) => {
  event.preventSigmaDefault();
  void expand(node);
});
renderer.on('clickStage', clearSelection);
renderer.getCamera().on('updated', () => scheduleUrlUpdate());
bindLasso(container, renderer, {
  selectMany: (ids) => {
    interaction.selectMany(ids, true);
    say(`${interaction.current.selection.length} node(s) selected.`);
  },
  toggle: (id) => interaction.toggleInSelection(id),
});

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || typing(event.target)) return;
  if (event.key === 'Escape') clearSelection();
  else if ((event.key === 'Delete' || event.key === 'Backspace') && interaction.current.selection.length > 0)
    void hide(interaction.current.selection);
  else if (event.key.toLowerCase() === 'z' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    undo();
  }
});

// ---- Toolbar ----
layoutButton.addEventListener('click', () => (layout.running ? layout.stop() : layout.start(8000)));
undoButton.addEventListener('click', undo);
byId<HTMLButtonElement>('fit-view').addEventListener(
  'click',
  () => void renderer.getCamera().animatedReset({ duration: 300 }),
);
function bindPanelToggle(buttonId: string, target: HTMLElement, names: [string, string]): void {
  const button = byId<HTMLButtonElement>(buttonId);
  button.addEventListener('click', () => {
    const collapsed = target.classList.toggle('collapsed');
    button.textContent = collapsed ? names[1] : names[0];
    button.setAttribute('aria-expanded', String(!collapsed));
  });
}
bindPanelToggle('panel-toggle', panel, ['Hide panel', 'Show panel']);
bindPanelToggle('tools-toggle', byId('tools'), ['Hide tools', 'Show tools']);
bindThemeToggle(byId('theme-toggle'));

const showTab = bindTabs(byId('tools').querySelector<HTMLElement>('[role="tablist"]')!, () => refreshTools());

bindExportMenu(
  byId<HTMLSelectElement>('export-format'),
  byId<HTMLButtonElement>('export-view'),
  byId<HTMLButtonElement>('export-selection'),
  {
    view: () => viewPayload(graph, nodeData, view),
    selection: () => interaction.current.selection,
    viewOf: (ids) => viewPayload(graph, nodeData, view, ids),
    png: (fileName) => downloadAsPNG(renderer, { fileName, backgroundColor: '#ffffff' }),
  },
  say,
);

bindSearch(
  byId('search-input'),
  byId('search-suggestions'),
  (hit) => void select(hit.id),
  (message) => say(message, true),
);

const pathView = bindPathView(byId('tools-path'), {
  find: findPath,
  clear: clearPath,
  select: (id) => void select(id),
  selection: () => interaction.current.selection,
  caption: captionOf,
  report: (message) => say(message, true),
});

const consoleHandle = bindConsole(byId('console'), {
  showGraph: (result, mode) => {
    void changeCanvas('query result', () => {
      if (mode === 'replace') {
        clearSelection();
        clearPath();
        graph.clear();
      }
      return mergePayload(graph, result.graph, 'query');
    }).then(() => {
      canvasQuery = consoleHandle.lastRun();
    });
  },
  exportQuery: (query, params) => {
    const format = byId<HTMLSelectElement>('export-format').value;
    void download(format === 'png' ? 'json' : format, { query, params, filename: 'actorgraph-query' }, say);
  },
});

// ---- The view in the address bar, saved views ----
const viewSources: ViewSources = {
  graph,
  renderer,
  interaction,
  filters,
  appearance,
  hidden: () => [...dismissed],
  query: () => canvasQuery,
  pathEnds: () => pathEnds,
};
let restoring = false;
let urlTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleUrlUpdate(): void {
  if (restoring) return;
  if (urlTimer) clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    // replaceState: following the view does not fill the browser's Back list.
    window.history.replaceState(null, '', `#${encodeView(captureView(viewSources))}`);
  }, 400);
}

bindViewsView(byId('tools-views'), {
  currentHash: () => encodeView(captureView(viewSources)),
  open: (hash) => {
    window.history.replaceState(null, '', `#${hash}`);
    void start();
  },
  report: say,
});

/** How many nodes the first view loads: 500, or `?limit=N` (benchmarks load 20,000). */
function overviewLimit(): number {
  const requested = Number(new URLSearchParams(location.search).get('limit'));
  return Number.isInteger(requested) && requested > 0 ? requested : 500;
}

async function loadOverview(): Promise<void> {
  const overview = await api.overview(overviewLimit());
  mergePayload(graph, overview, 'overview');
  // Before sigma's first frame: how a canvas of this size is drawn.
  curveParallelEdges(graph, isLargeGraph(graph));
  fitSettingsToSize(renderer, graph);
}

// A handle for benchmarks and browser tests (read-only use; the UI never reads it).
Object.assign(window, { actorgraph: { graph, renderer, layout, interaction, appearance, filters } });

/** Opens the view in the address bar (a shared link, a saved view), else the overview. */
async function start(): Promise<void> {
  say('Loading the graph…');
  hideNotice(notice);
  delete document.body.dataset.graphReady;
  restoring = true;
  try {
    let linked = null;
    let brokenLink: string | null = null;
    try {
      linked = decodeView(location.hash);
    } catch (error) {
      brokenLink = messageOf(error);
    }
    layout.kill();
    clearSelection();
    clearPath();
    graph.clear();
    dismissed.clear();
    canvasQuery = null;
    if (linked) {
      const problems = await replayView(linked, viewSources, {
        loadOverview,
        runQuery: (query, params) => consoleHandle.load(query, params, true),
        findPath: async (from, to) => void (await findPath(from, to)),
        hide: (ids) => {
          for (const id of ids) dismissed.add(id);
          hideNodes(graph, ids);
        },
        select: async (ids) => {
          if (ids[0]) await select(ids[0], false);
          interaction.selectMany(ids, false);
        },
        // Curves, panels and the redraw follow in canvasChanged() below.
        settle: async (hasPositions) => {
          layout.kill();
          if (!hasPositions) layout.start(3000);
        },
      });
      say(
        problems.length > 0 ? `Parts of the linked view could not be opened: ${problems.join('; ')}` : '',
        problems.length > 0,
      );
    } else {
      await loadOverview();
      say(brokenLink ?? '', brokenLink !== null);
      if (graph.order > 0) layout.start(4000);
    }
    if (graph.order === 0) showEmptyNotice(notice);
    canvasChanged();
    renderer.refresh();
    requestAnimationFrame(() => {
      document.body.dataset.graphReady = 'true';
      document.body.dataset.nodeCount = String(graph.order);
      restoring = false;
    });
  } catch (error) {
    restoring = false;
    say('');
    showErrorNotice(notice, messageOf(error), () => void start());
  }
}

void start();
