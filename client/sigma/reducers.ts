/**
 * What is drawn, derived from the data and the state: hidden labels (legend), the focused node's
 * neighbourhood (hover, else selection) and the hovered edge. The graph itself never changes.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ExplorerGraph } from '../graph/dataset.js';
import type { Appearance } from '../state/appearance.js';
import type { Interaction } from '../state/selection.js';
import type { CanvasTheme } from './theme.js';

type NodeData = Partial<NodeDisplayData> & Record<string, unknown>;
type EdgeData = Partial<EdgeDisplayData> & Record<string, unknown>;

export interface ReducerSources {
  graph: ExplorerGraph;
  interaction: Interaction;
  appearance: Appearance;
  theme: () => CanvasTheme;
}

export function nodeReducer({ graph, interaction, appearance, theme }: ReducerSources) {
  return (node: string, data: NodeData): NodeData => {
    if (appearance.isHidden(String(data.nodeLabel))) return { ...data, hidden: true };
    const focus = interaction.focus;
    const selected = interaction.current.selected;
    const full = { label: String(data.caption ?? data.label ?? '') };
    if (!focus || !graph.hasNode(focus)) {
      return node === selected ? { ...data, ...full, highlighted: true, zIndex: 2 } : data;
    }
    if (node === focus || node === selected) return { ...data, ...full, highlighted: true, zIndex: 2 };
    if (graph.areNeighbors(node, focus)) return { ...data, zIndex: 1, forceLabel: true };
    return { ...data, color: theme().dimNode, label: '', zIndex: 0 };
  };
}

export function edgeReducer({ graph, interaction, theme }: ReducerSources) {
  return (edge: string, data: EdgeData): EdgeData => {
    const colors = theme();
    if (edge === interaction.current.hoveredEdge)
      return { ...data, color: colors.focusEdge, size: 3, forceLabel: true, zIndex: 2 };
    const focus = interaction.focus;
    if (!focus || !graph.hasNode(focus)) return { ...data, color: colors.edge, label: '' };
    if (graph.hasExtremity(edge, focus))
      return { ...data, color: colors.focusEdge, size: 2, forceLabel: true, zIndex: 1 };
    return { ...data, color: colors.dimEdge, label: '', hidden: graph.order > 2000 };
  };
}
