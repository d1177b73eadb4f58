/**
 * The sigma renderer over the dataset. Hover, selection and legend filters are drawn by reducers
 * that derive what is shown from the state; the graph itself is never changed for them.
 */
import Sigma from 'sigma';
import type { ExplorerGraph } from '../graph/dataset.js';
import type { Appearance } from '../state/appearance.js';
import type { Interaction } from '../state/selection.js';
import { edgeReducer, nodeReducer } from './reducers.js';
import { onThemeChange, readTheme, themedHoverDrawer, themedLabelDrawer } from './theme.js';

export function createRenderer(
  container: HTMLElement,
  graph: ExplorerGraph,
  interaction: Interaction,
  appearance: Appearance,
): Sigma {
  let theme = readTheme();
  const sources = { graph, interaction, appearance, theme: () => theme };
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
    container.title = String(graph.getEdgeAttribute(edge, 'label') ?? '');
  });
  renderer.on('leaveEdge', () => {
    interaction.hoverEdge(null);
    container.title = '';
  });

  const redraw = () => renderer.refresh({ skipIndexation: true });
  interaction.subscribe(redraw);
  // Hiding a label changes which nodes compete for the label grid: index again.
  appearance.subscribe(() => renderer.refresh());
  onThemeChange(() => {
    theme = readTheme();
    renderer.setSetting('labelColor', { color: theme.text });
    renderer.setSetting('edgeLabelColor', { color: theme.text });
  });
  // The canvas follows its container (the side panel opens and closes, the console grows).
  new ResizeObserver(() => renderer.refresh()).observe(container);
  return renderer;
}

/**
 * Frames a node with its neighbours: the camera centres on the box around them (sigma's framed
 * coordinates, where ratio 1 shows the whole graph), zooming in no closer than a useful level.
 */
export function focusCamera(renderer: Sigma, node: string): void {
  const display = renderer.getNodeDisplayData(node);
  if (!display) return;
  const graph = renderer.getGraph();
  let [minX, maxX, minY, maxY] = [display.x, display.x, display.y, display.y];
  graph.forEachNeighbor(node, (neighbor) => {
    const data = renderer.getNodeDisplayData(neighbor);
    if (!data || data.hidden) return;
    [minX, maxX, minY, maxY] = [
      Math.min(minX, data.x),
      Math.max(maxX, data.x),
      Math.min(minY, data.y),
      Math.max(maxY, data.y),
    ];
  });
  const extent = Math.max(maxX - minX, maxY - minY);
  const ratio = Math.min(1.1, Math.max(0.12, extent * 1.5));
  void renderer.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400 });
}
