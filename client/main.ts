/**
 * The explorer's start: builds the dataset (graph/), the state (state/), the renderer (sigma/), the
 * actions (explore/actions.ts) and the panels (ui/), and connects them: the panels call the
 * actions, and follow what the actions and the state tell them. Nothing here changes the canvas
 * itself; the order below is the order of construction, each name declared before its use.
 */
import { api } from './api/client.js';
import { ExplorerActions, messageOf } from './explore/actions.js';
import { pathRelTypes } from './explore/path-types.js';
import { createStartUp } from './explore/start-up.js';
import { UrlSync } from './explore/url-sync.js';
import type { ViewSources } from './explore/view-link.js';
import { CanvasHistory } from './graph/canvas-history.js';
import { createGraph } from './graph/dataset.js';
import { DerivedView } from './graph/derived-view.js';
import { LayoutController } from './graph/layout.js';
import { MetricsCache } from './graph/metrics.js';
import { curveParallelEdges } from './sigma/curves.js';
import { bindSceneFeatures } from './scene-features.js';
import { downloadCanvasPng } from './sigma/png-export.js';
import { createRenderer, fitSettingsToSize, focusCamera, frameNodes, isLargeGraph } from './sigma/renderer.js';
import { Appearance } from './state/appearance.js';
import { CanvasState } from './state/canvas-state.js';
import { Filters } from './state/filters.js';
import { LayoutChoice } from './state/layout-choice.js';
import { Interaction } from './state/selection.js';
import { StyleRules } from './state/style-rules.js';
import { AnalysisView } from './ui/analysis-view.js';
import { bindConsole } from './ui/console/index.js';
import { markLoading, renderDetails, type Highlight } from './ui/details-panel.js';
import { renderEdgeDetails } from './ui/edge-panel.js';
import { bindExportMenu, download, viewPayload } from './ui/export-menu.js';
import { renderFilters } from './ui/filters-view.js';
import { bindKeyboard } from './ui/keyboard.js';
import { bindLasso } from './ui/lasso.js';
import { renderLegend } from './ui/legend.js';
import { hideNotice, showEmptyNotice, showErrorNotice } from './ui/notice.js';
import { bindPathView } from './ui/path-view.js';
import { TimelinePanel } from './ui/timeline-panel.js';
import { bindPlayback } from './explore/timeline-playback.js';
import { Playback } from './state/playback.js';
import { openReader } from './ui/reader-view.js';
import { bindSearch } from './ui/search-box.js';
import { renderSelectionBar } from './ui/selection-bar.js';
import { bindStatusLine } from './ui/status-line.js';
import { bindTabs } from './ui/tabs.js';
import { bindThemeToggle } from './ui/theme-toggle.js';
import { bindViewsView } from './ui/views-view.js';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
}

const statusLine = bindStatusLine(byId<HTMLParagraphElement>('status'));
function say(message: string, isError = false): void {
  statusLine.say(message, isError);
}

// ---- Dataset, state, derived view, renderer ----
const graph = createGraph();
const interaction = new Interaction();
const appearance = new Appearance();
const filters = new Filters();
const playback = new Playback();
const canvasState = new CanvasState();
const metrics = new MetricsCache(graph);
const styleRules = new StyleRules();
const layoutChoice = new LayoutChoice();
const view = new DerivedView(graph, filters, appearance, metrics, styleRules);
const layout = new LayoutController(graph);
const container = byId('graph');
const renderer = createRenderer(container, graph, interaction, view, () => layout.running);
const panel = byId<HTMLElement>('details-panel');
const undoButton = byId<HTMLButtonElement>('undo');
const history = new CanvasHistory(graph, (last) => {
  undoButton.disabled = last === null;
  undoButton.title = last ? `Undo: ${last} (Ctrl+Z)` : 'Undo (Ctrl+Z)';
});

// ---- The view in the address bar ----
const viewSources: ViewSources = {
  graph,
  camera: renderer.getCamera(),
  interaction,
  filters,
  appearance,
  style: styleRules,
  layoutChoice,
  hidden: () => [...canvasState.dismissed],
  query: () => canvasState.query,
  pathEnds: () => canvasState.pathEnds,
};
// replaceState: following the view does not fill the browser's Back list.
const urlSync = new UrlSync(viewSources, (hash) => window.history.replaceState(null, '', `#${hash}`));

// ---- The actions ----
const actions = new ExplorerActions({
  graph,
  interaction,
  state: canvasState,
  history,
  // `?maxEdges=N`: more of the relationships among the overview's nodes than the server's default.
  api: { ...api, overview: (limit: number) => api.overview(limit, wholeSearchParam('maxEdges')) },
  layout,
  camera: {
    focus: (id) => focusCamera(renderer, id),
    // Once the layout has placed the new nodes.
    framePath: (ids) => setTimeout(() => frameNodes(renderer, ids), 600),
  },
});
const select = (id: string) => void actions.select(id);

// ---- Status line and details panel ----
actions.events.on('status', ({ message, isError }) => say(message, isError));

/** The reader over the canvas: an article, the cited sentence marked; a mention selects its node. */
function openArticle(documentId: string, highlight?: Highlight): void {
  void openReader(byId('reader'), documentId, { highlight, onMention: select });
}
const panelActions = {
  select,
  expand: (id: string) => void actions.expand(id),
  close: () => actions.clearSelection(),
  openArticle,
  showEdge: (id: string) => void actions.showEdge(id),
};
actions.events.on('details', (shown) => {
  if (shown.kind === 'closed') panel.hidden = true;
  else if (shown.kind === 'loading') markLoading(panel);
  else if (shown.kind === 'failed') panel.removeAttribute('aria-busy');
  else if (shown.kind === 'node') renderDetails(panel, shown.details, panelActions);
  else renderEdgeDetails(panel, shown.details, panelActions);
});

// ---- Tools: tabs, path, legend, filters, analysis ----
const tools = byId('tools');
const toolsFilters = byId('tools-filters');
const toolsAnalysis = byId('tools-analysis');
const analysis = new AnalysisView(toolsAnalysis, graph, metrics, appearance, select);
const showLegend = () => renderLegend(byId('legend'), view.legend(), filters, view.relationshipLegend());
const filterSummary = () => {
  const hidden = view.visibility.hiddenNodes.size;
  return hidden === 0
    ? `Showing all ${graph.order} nodes.`
    : `Showing ${graph.order - hidden} of ${graph.order} nodes.`;
};
const scene = bindSceneFeatures({
  graph,
  renderer,
  interaction,
  view,
  appearance,
  style: styleRules,
  actions,
  canvasState,
  metrics,
  layout,
  layoutChoice,
  history,
  panel,
  byId,
  changed: () => urlSync.schedule(),
});
const refreshTools = () => {
  if (!toolsFilters.hidden) renderFilters(toolsFilters, graph, filters, filterSummary);
  if (!toolsAnalysis.hidden) analysis.render();
  scene.refresh();
};
const showTab = bindTabs(tools.querySelector<HTMLElement>('[role="tablist"]')!, refreshTools);
const pathView = bindPathView(byId('tools-path'), {
  find: (from, to, choice) =>
    actions.findPath(from, to, pathRelTypes(choice, filters.current.hiddenRelTypes), choice.all === true),
  clear: () => actions.clearPath(),
  select,
  selection: () => interaction.current.selection,
  caption: (id) => actions.captionOf(id),
  report: (message) => say(message, true),
});
actions.events.on('path', (path) => {
  if (path) pathView.show(path);
});

const timeline = new TimelinePanel(byId('timeline'), graph, filters, playback);
bindPlayback(playback, filters, () => timeline.histogram);

// ---- The selection bar ----
const selectionBar = byId('selection-bar');
function refreshSelectionBar(): void {
  renderSelectionBar(selectionBar, actions.selectionSummary(), {
    expand: (id, types) => void actions.expand(id, types),
    collapse: (id) => void actions.collapse(id),
    hide: (ids) => void actions.hide(ids),
    pin: (ids) => actions.pin(ids),
    path: (from, to) => {
      showTab('tab-path');
      pathView.setEnds(from, to);
      const types = pathRelTypes({ types: null }, filters.current.hiddenRelTypes);
      void actions.findPath(from, to, types).catch((error: unknown) => say(messageOf(error), true));
    },
    clear: () => actions.clearSelection(),
  });
}
actions.events.on('selectionFacts', () => {
  refreshSelectionBar();
  renderer.refresh();
});

// ---- Following the canvas and the state ----
let canvasTimer: ReturnType<typeof setTimeout> | undefined;
/** After nodes or edges came or went: curves, legend, panels, link (debounced: expansions come in bursts). */
actions.events.on('canvas', () => {
  if (canvasTimer) clearTimeout(canvasTimer);
  canvasTimer = setTimeout(() => {
    curveParallelEdges(graph, isLargeGraph(graph));
    fitSettingsToSize(renderer, graph);
    showLegend();
    refreshTools();
    timeline.render();
    refreshSelectionBar();
    renderer.refresh();
    document.body.dataset.nodeCount = String(graph.order);
    urlSync.schedule();
  }, 30);
});
// Before sigma's first frame: how a canvas of this size is drawn.
actions.events.on('overviewLoaded', () => {
  curveParallelEdges(graph, isLargeGraph(graph));
  fitSettingsToSize(renderer, graph);
});
filters.subscribe(() => {
  showLegend();
  const summary = document.getElementById('filter-summary');
  if (summary) summary.textContent = filterSummary();
  // The Table tab lists what the filters leave shown; the timeline can change them while it is open.
  scene.refresh();
  renderer.refresh();
  urlSync.schedule();
});
appearance.subscribe(() => {
  showLegend();
  renderer.refresh();
  if (!toolsAnalysis.hidden) analysis.render();
  urlSync.schedule();
});
// The legend lists the styled relationship types (the canvas and the link follow in scene-features.ts).
styleRules.subscribe(showLegend);
// Hover changes many times a second: the bar and the link follow only selection and path.
interaction.subscribeTo(['selection', 'path'], () => {
  refreshSelectionBar();
  urlSync.schedule();
});
const layoutButton = byId<HTMLButtonElement>('layout-toggle');
layout.onRunningChange((running) => {
  layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
  // A large canvas draws its edges only when the layout is not moving it.
  if (isLargeGraph(graph)) renderer.refresh({ skipIndexation: true });
  if (!running) urlSync.schedule();
});
renderer.getCamera().on('updated', () => urlSync.schedule());

// ---- Canvas events and keys ----
renderer.on('clickNode', ({ node, event }) => {
  if (event.original.shiftKey) interaction.toggleInSelection(node);
  else select(node);
});
renderer.on('clickEdge', ({ edge }) => void actions.showEdge(edge));
renderer.on('doubleClickNode', ({ node, event }) => {
  event.preventSigmaDefault();
  void actions.expand(node);
});
renderer.on('clickStage', () => actions.clearSelection());
bindLasso(container, renderer, {
  selectMany: (ids) => actions.selectMany(ids),
  toggle: (id) => interaction.toggleInSelection(id),
});
bindKeyboard(document, {
  clearSelection: () => actions.clearSelection(),
  hideSelection: () => {
    if (interaction.current.selection.length > 0) void actions.hide(interaction.current.selection);
  },
  undo: () => actions.undo(),
});

// ---- Toolbar ----
layoutButton.addEventListener('click', () => (layout.running ? layout.stop() : layout.start(8000)));
undoButton.addEventListener('click', () => actions.undo());
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
bindPanelToggle('tools-toggle', tools, ['Hide tools', 'Show tools']);
bindThemeToggle(byId('theme-toggle'));

const exportFormat = byId<HTMLSelectElement>('export-format');
bindExportMenu(
  exportFormat,
  byId<HTMLButtonElement>('export-view'),
  byId<HTMLButtonElement>('export-selection'),
  {
    view: () => viewPayload(graph, view),
    selection: () => interaction.current.selection,
    viewOf: (ids) => viewPayload(graph, view, ids),
    png: (fileName) => downloadCanvasPng(renderer, fileName),
  },
  say,
);

bindSearch(
  byId('search-input'),
  byId('search-suggestions'),
  (hit) => select(hit.id),
  (message) => say(message, true),
);

const consoleHandle = bindConsole(byId('console'), {
  showGraph: (result, mode) => actions.showQueryResult(result.graph, mode, () => consoleHandle.lastRun()),
  selectNode: select,
  exportQuery: (query, params) => {
    const format = exportFormat.value;
    void download(format === 'png' ? 'json' : format, { query, params, filename: 'actorgraph-query' }, say);
  },
});

// ---- Start-up and saved views ----
/** How many nodes the first view loads: 500, or `?limit=N` (benchmarks load 20,000). */
function overviewLimit(): number {
  return wholeSearchParam('limit') ?? 500;
}

/** A positive whole number from the page's address (`?name=N`), or undefined. */
function wholeSearchParam(name: string): number | undefined {
  const requested = Number(new URLSearchParams(location.search).get(name));
  return Number.isInteger(requested) && requested > 0 ? requested : undefined;
}

const notice = byId<HTMLElement>('notice');
const start = createStartUp({
  actions,
  sources: viewSources,
  urlSync,
  address: () => location.hash,
  overviewLimit: overviewLimit(),
  runQuery: (query, params, mode) => consoleHandle.load(query, params, true, mode),
  page: {
    loading: () => {
      hideNotice(notice);
      delete document.body.dataset.graphReady;
    },
    empty: () => showEmptyNotice(notice),
    failed: (message, retry) => showErrorNotice(notice, message, retry),
    ready: (done) => {
      renderer.refresh();
      requestAnimationFrame(() => {
        document.body.dataset.graphReady = 'true';
        document.body.dataset.nodeCount = String(graph.order);
        done();
      });
    },
  },
});

bindViewsView(byId('tools-views'), {
  currentHash: () => urlSync.currentHash(),
  open: (hash) => {
    window.history.replaceState(null, '', `#${hash}`);
    void start();
  },
  report: say,
  confirm: (message) => statusLine.confirm(message),
});

// A handle for benchmarks and browser tests (read-only use; the UI never reads it).
Object.assign(window, { actorgraph: { graph, renderer, layout, interaction, appearance, filters, styleRules } });

void start();
