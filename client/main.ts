/**
 * The explorer: loads the overview, draws it with sigma, lays it out with ForceAtlas2 in a
 * worker, and wires search, selection, the details panel and neighbour expansion.
 */
import { downloadAsPNG } from '@sigma/export-image';
import { api } from './api/client.js';
import { countByLabel, createGraph, mergePayload, nodeData } from './graph/dataset.js';
import { LayoutController } from './graph/layout.js';
import { createRenderer, focusCamera } from './sigma/renderer.js';
import { Interaction } from './state/selection.js';
import { renderDetails } from './ui/details-panel.js';
import { renderLegend } from './ui/legend.js';
import { bindConsole } from './ui/console-panel.js';
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
const panel = byId<HTMLElement>('details-panel');
const legend = byId<HTMLElement>('legend');
const layoutButton = byId<HTMLButtonElement>('layout-toggle');
const layout = new LayoutController(graph, (running) => {
  layoutButton.textContent = running ? 'Stop layout' : 'Run layout';
});
const renderer = createRenderer(byId('graph'), graph, interaction);

async function ensureOnCanvas(id: string): Promise<void> {
  if (graph.hasNode(id)) return;
  const payload = await api.neighbors(id, 30);
  layout.kill();
  mergePayload(graph, payload);
  renderLegend(legend, countByLabel(graph));
  layout.start(2500);
}

async function select(id: string): Promise<void> {
  try {
    await ensureOnCanvas(id);
    interaction.select(id);
    focusCamera(renderer, id);
    renderDetails(panel, await api.node(id), {
      select: (next) => void select(next),
      expand: (next) => void expand(next),
    });
    say('');
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), true);
  }
}

async function expand(id: string): Promise<void> {
  try {
    const payload = await api.neighbors(id, 30);
    layout.kill();
    const center = graph.hasNode(id) ? graph.getNodeAttributes(id) : undefined;
    const added = mergePayload(graph, payload, center ? { x: Number(center.x), y: Number(center.y) } : undefined);
    renderLegend(legend, countByLabel(graph));
    say(added.length === 0 ? 'All neighbours are already shown.' : `Added ${added.length} neighbours.`);
    layout.start(2500);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), true);
  }
}

renderer.on('clickNode', ({ node }) => void select(node));
renderer.on('doubleClickNode', ({ node, event }) => {
  event.preventSigmaDefault();
  void expand(node);
});
renderer.on('clickStage', () => {
  interaction.select(null);
  panel.hidden = true;
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
  showGraph: (result) => {
    layout.kill();
    const added = mergePayload(graph, result.graph);
    renderLegend(legend, countByLabel(graph));
    if (added.length > 0) layout.start(2500);
  },
  exportQuery: (query) => {
    const format = byId<HTMLSelectElement>('export-format').value;
    void download(format === 'png' ? 'json' : format, { query, filename: 'actorgraph-query' }, say);
  },
});

async function start(): Promise<void> {
  say('Loading the graph…');
  try {
    const overview = await api.overview(500);
    mergePayload(graph, overview);
    renderLegend(legend, countByLabel(graph));
    if (graph.order === 0) {
      say('The graph is empty. Import articles with: npx actorgraph import <folder>', false);
    } else {
      say('');
      layout.start(4000);
    }
    renderer.refresh();
    requestAnimationFrame(() => {
      document.body.dataset.graphReady = 'true';
      document.body.dataset.nodeCount = String(graph.order);
    });
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), true);
  }
}

void start();
