/**
 * The explorer: loads the overview, draws it with sigma, lays it out with ForceAtlas2 in a
 * worker, and wires search, selection, the details panel and neighbour expansion.
 */
import { downloadAsPNG } from '@sigma/export-image';
import { api } from './api/client.js';
import { countByLabel, createGraph, mergePayload, nodeData } from './graph/dataset.js';
import { LayoutController } from './graph/layout.js';
import { createRenderer, focusCamera } from './sigma/renderer.js';
import { Appearance } from './state/appearance.js';
import { Interaction } from './state/selection.js';
import { markLoading, renderDetails, type Highlight } from './ui/details-panel.js';
import { renderEdgeDetails } from './ui/edge-panel.js';
import { openReader } from './ui/reader-view.js';
import { renderLegend } from './ui/legend.js';
import { hideNotice, showEmptyNotice, showErrorNotice } from './ui/notice.js';
import { bindConsole } from './ui/console/index.js';
import { bindExportMenu, download, viewPayload } from './ui/export-menu.js';
import { bindSearch } from './ui/search-box.js';

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

const graph = createGraph();
const interaction = new Interaction();
const appearance = new Appearance();
const panel = byId<HTMLElement>('details-panel');
const legend = byId<HTMLElement>('legend');
const notice = byId<HTMLElement>('notice');
const layoutButton = byId<HTMLButtonElement>('layout-toggle');
const layout = new LayoutController(graph, (running) => {
  layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
});
const renderer = createRenderer(byId('graph'), graph, interaction, appearance);
const showLegend = () => renderLegend(legend, countByLabel(graph), appearance);
appearance.subscribe(showLegend);

async function ensureOnCanvas(id: string): Promise<void> {
  if (graph.hasNode(id)) return;
  const payload = await api.neighbors(id, 30);
  layout.kill();
  mergePayload(graph, payload);
  showLegend();
  layout.start(2500);
}

function clearSelection(): void {
  selectionRequest += 1;
  interaction.select(null);
  panel.hidden = true;
}

/** Counts selections, so that a slow answer for an earlier click does not replace a later one. */
let selectionRequest = 0;

async function select(id: string): Promise<void> {
  const mine = ++selectionRequest;
  try {
    markLoading(panel);
    await ensureOnCanvas(id);
    if (mine !== selectionRequest) return;
    interaction.select(id);
    focusCamera(renderer, id);
    const details = await api.node(id);
    if (mine !== selectionRequest) return;
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
    say(error instanceof Error ? error.message : String(error), true);
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
    renderEdgeDetails(panel, details, { select: (next) => void select(next), close: clearSelection, openArticle });
    say('');
  } catch (error) {
    panel.removeAttribute('aria-busy');
    say(error instanceof Error ? error.message : String(error), true);
  }
}

async function expand(id: string): Promise<void> {
  try {
    const payload = await api.neighbors(id, 30);
    layout.kill();
    const center = graph.hasNode(id) ? graph.getNodeAttributes(id) : undefined;
    const added = mergePayload(graph, payload, center ? { x: Number(center.x), y: Number(center.y) } : undefined);
    showLegend();
    say(added.length === 0 ? 'All neighbours are already shown.' : `Added ${added.length} neighbours.`);
    layout.start(2500);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), true);
  }
}

renderer.on('clickNode', ({ node }) => void select(node));
renderer.on('clickEdge', ({ edge }) => void showEdge(edge));
renderer.on('doubleClickNode', ({ node, event }) => {
  event.preventSigmaDefault();
  void expand(node);
});
renderer.on('clickStage', clearSelection);
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  const target = event.target as HTMLElement | null;
  if (target && target.closest('input, textarea, select')) return;
  clearSelection();
});

layoutButton.addEventListener('click', () => (layout.running ? layout.stop() : layout.start(8000)));
byId<HTMLButtonElement>('fit-view').addEventListener(
  'click',
  () => void renderer.getCamera().animatedReset({ duration: 300 }),
);
const panelToggle = byId<HTMLButtonElement>('panel-toggle');
panelToggle.addEventListener('click', () => {
  const collapsed = panel.classList.toggle('collapsed');
  panel.style.display = collapsed ? 'none' : '';
  panelToggle.textContent = collapsed ? 'Show panel' : 'Hide panel';
  panelToggle.setAttribute('aria-expanded', String(!collapsed));
});

bindExportMenu(
  byId<HTMLSelectElement>('export-format'),
  byId<HTMLButtonElement>('export-view'),
  byId<HTMLButtonElement>('export-selection'),
  {
    view: () => viewPayload(graph, nodeData),
    selected: () => interaction.current.selected,
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

bindConsole(byId('console'), {
  showGraph: (result, mode) => {
    layout.kill();
    if (mode === 'replace') {
      clearSelection();
      graph.clear();
      nodeData.clear();
    }
    const added = mergePayload(graph, result.graph);
    showLegend();
    if (added.length > 0) layout.start(2500);
  },
  exportQuery: (query, params) => {
    const format = byId<HTMLSelectElement>('export-format').value;
    void download(format === 'png' ? 'json' : format, { query, params, filename: 'actorgraph-query' }, say);
  },
});

/** How many nodes the first view loads: 500, or `?limit=N` (benchmarks load 20,000). */
function overviewLimit(): number {
  const requested = Number(new URLSearchParams(location.search).get('limit'));
  return Number.isInteger(requested) && requested > 0 ? requested : 500;
}

// A handle for benchmarks and browser tests (read-only use; the UI never reads it).
Object.assign(window, { actorgraph: { graph, renderer, layout, interaction, appearance } });

async function start(): Promise<void> {
  say('Loading the graph…');
  hideNotice(notice);
  try {
    const overview = await api.overview(overviewLimit());
    mergePayload(graph, overview);
    showLegend();
    say('');
    if (graph.order === 0) showEmptyNotice(notice);
    else layout.start(4000);
    renderer.refresh();
    requestAnimationFrame(() => {
      document.body.dataset.graphReady = 'true';
      document.body.dataset.nodeCount = String(graph.order);
    });
  } catch (error) {
    say('');
    showErrorNotice(notice, error instanceof Error ? error.message : String(error), () => void start());
  }
}

void start();
