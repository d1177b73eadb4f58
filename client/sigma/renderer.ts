/**
 * The sigma renderer over the dataset. Hover and selection are drawn by reducers that derive
 * what is shown from the interaction state; the graph itself is never changed for them.
 */
import Sigma from 'sigma';
import type { ExplorerGraph } from '../graph/dataset.js';
import type { Interaction } from '../state/selection.js';

const DIM_NODE = '#d9d9d9';
const DIM_EDGE = '#eeeeee';

export function createRenderer(container: HTMLElement, graph: ExplorerGraph, interaction: Interaction): Sigma {
  const renderer = new Sigma(graph, container, {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 7,
    labelDensity: 0.6,
    labelGridCellSize: 90,
    defaultEdgeType: 'arrow',
    zIndex: true,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
  });

  const focusOf = () => interaction.current.hovered ?? interaction.current.selected;

  renderer.setSetting('nodeReducer', (node, data) => {
    const focus = focusOf();
    if (!focus || !graph.hasNode(focus)) return data;
    if (node === focus) return { ...data, highlighted: true, zIndex: 2, forceLabel: true };
    if (graph.areNeighbors(node, focus)) return { ...data, zIndex: 1, forceLabel: true };
    return { ...data, color: DIM_NODE, label: '', zIndex: 0 };
  });

  renderer.setSetting('edgeReducer', (edge, data) => {
    const focus = focusOf();
    if (!focus || !graph.hasNode(focus)) return data;
    if (graph.hasExtremity(edge, focus)) return { ...data, color: '#5f6b7a', size: 2, forceLabel: true, zIndex: 1 };
    return { ...data, color: DIM_EDGE, hidden: graph.order > 2000 };
  });

  renderer.on('enterNode', ({ node }) => interaction.hover(node));
  renderer.on('leaveNode', () => interaction.hover(null));
  renderer.on('enterEdge', ({ edge }) => {
    container.title = String(graph.getEdgeAttribute(edge, 'relType'));
  });
  renderer.on('leaveEdge', () => {
    container.title = '';
  });
  interaction.subscribe(() => renderer.refresh({ skipIndexation: true }));
  return renderer;
}

export function focusCamera(renderer: Sigma, node: string): void {
  const display = renderer.getNodeDisplayData(node);
  if (!display) return;
  void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.5 }, { duration: 400 });
}
