/**
 * The sigma renderer over the dataset. Filters, appearance modes, hover, selection and paths are
 * drawn by reducers that derive what is shown from the state; the graph is never changed for them.
 */
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram } from 'sigma/rendering';
import type { ExplorerGraph } from '../graph/dataset.js';
import type { DerivedView } from '../graph/derived-view.js';
import type { Interaction } from '../state/selection.js';
import { edgeReducer, nodeReducer } from './reducers.js';
import { onThemeChange, readTheme, themedHoverDrawer, themedLabelDrawer } from './theme.js';

/**
 * Above this many nodes or edges the canvas draws less so that it stays responsive (measured with
 * bench/explorer-scale.ts): no edges and labels while the camera moves, no edge picking or edge
 * labels, and hovering does not re-derive the whole graph (sigma still draws the hovered node).
 */
const LARGE_NODES = 3000;
const LARGE_EDGES = 8000;
export const isLargeGraph = (graph: ExplorerGraph) => graph.order > LARGE_NODES || graph.size > LARGE_EDGES;

/** Clears sigma's own record of the hovered node and edge (private in its typings, kept across a leaveStage). */
function forgetHovered(renderer: Sigma): void {
  const hover = renderer as unknown as { hoveredNode: string | null; hoveredEdge: string | null };
  hover.hoveredNode = null;
  hover.hoveredEdge = null;
}

/** Switches the settings above when the canvas crosses the size (call after it changed). */
export function fitSettingsToSize(renderer: Sigma, graph: ExplorerGraph): void {
  const large = isLargeGraph(graph);
  if (renderer.getSetting('hideEdgesOnMove') === large) return;
  renderer.setSetting('hideEdgesOnMove', large);
  renderer.setSetting('hideLabelsOnMove', large);
  renderer.setSetting('enableEdgeEvents', !large);
  renderer.setSetting('renderEdgeLabels', !large);
}

export function createRenderer(
  container: HTMLElement,
  graph: ExplorerGraph,
  interaction: Interaction,
  view: DerivedView,
  layoutRunning: () => boolean,
): Sigma {
  let theme = readTheme();
  const sources = {
    graph,
    interaction,
    view,
    theme: () => theme,
    large: () => isLargeGraph(graph),
    layoutRunning,
  };
  const renderer = new Sigma(graph, container, {
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    labelRenderedSizeThreshold: 6,
    labelDensity: 1,
    labelGridCellSize: 70,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelColor: { color: theme.text },
    edgeLabelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    edgeLabelSize: 11,
    edgeLabelColor: { color: theme.text },
    defaultEdgeType: 'arrow',
    edgeProgramClasses: { arrow: EdgeArrowProgram, curved: EdgeCurvedArrowProgram, line: EdgeLineProgram },
    defaultDrawNodeLabel: themedLabelDrawer(() => theme),
    defaultDrawNodeHover: themedHoverDrawer(() => theme),
    zIndex: true,
    stagePadding: 40,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    allowInvalidContainer: true,
    nodeReducer: nodeReducer(sources),
    edgeReducer: edgeReducer(sources),
  });

  renderer.on('enterNode', ({ node }) => {
    interaction.hover(node);
    container.style.cursor = 'pointer';
  });
  renderer.on('leaveNode', () => {
    interaction.hover(null);
    container.style.cursor = '';
  });
  // The hovered edge is drawn with its type (edgeReducer); the tooltip says it too.
  renderer.on('enterEdge', ({ edge }) => {
    interaction.hoverEdge(edge);
    container.style.cursor = 'pointer';
    container.title = graph.getEdgeAttribute(edge, 'label');
  });
  renderer.on('leaveEdge', () => {
    interaction.hoverEdge(null);
    container.style.cursor = '';
    container.title = '';
  });
  // Leaving the canvas (onto the node menu, a card, a panel), sigma 3.0.3 sends leaveNode/leaveEdge
  // but keeps the node as its hovered one: coming back onto that node then sends no enterNode,
  // and the app's hover stays empty. Sigma forgets it too, so both say "nothing hovered".
  renderer.on('leaveStage', () => forgetHovered(renderer));

  // A change of the graph is derived anew once the batch is over: draw with the new derivation.
  view.onRederived(() => renderer.refresh());
  const redraw = () => renderer.refresh({ skipIndexation: true });
  interaction.subscribeTo(['selection', 'path', 'selectedEdge'], redraw);
  // On a large canvas a hover would re-derive every node and edge: the reducers ignore it there.
  interaction.subscribeTo(['hovered', 'hoveredEdge'], () => {
    if (!isLargeGraph(graph)) redraw();
  });
  onThemeChange(() => {
    theme = readTheme();
    renderer.setSetting('labelColor', { color: theme.text });
    renderer.setSetting('edgeLabelColor', { color: theme.text });
  });
  // The canvas follows its container (the side panels open and close, the console grows).
  new ResizeObserver(() => renderer.refresh()).observe(container);
  return renderer;
}

/**
 * Frames a node with its neighbours: the camera centres on the box around them (sigma's framed
 * coordinates, where ratio 1 shows the whole graph), zooming in no closer than a useful level.
 */
export function focusCamera(renderer: Sigma, node: string): void {
  frameNodes(renderer, [node, ...renderer.getGraph().neighbors(node)]);
}

/** Centres the camera on the box around these nodes (those drawn), zoomed to hold them. */
export function frameNodes(renderer: Sigma, nodes: readonly string[]): void {
  let box: [number, number, number, number] | null = null;
  for (const node of nodes) {
    const data = renderer.getNodeDisplayData(node);
    if (!data || data.hidden) continue;
    box = box
      ? [Math.min(box[0], data.x), Math.max(box[1], data.x), Math.min(box[2], data.y), Math.max(box[3], data.y)]
      : [data.x, data.x, data.y, data.y];
  }
  if (!box) return;
  const [minX, maxX, minY, maxY] = box;
  const extent = Math.max(maxX - minX, maxY - minY);
  const ratio = Math.min(1.1, Math.max(0.12, extent * 1.5));
  void renderer.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400 });
}
