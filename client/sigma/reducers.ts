/**
 * What is drawn, derived from the data and the state: filters and appearance modes (through the
 * derived view), the focused node's neighbourhood (hover, else selection), selected nodes, a
 * highlighted path and the hovered edge. The graph itself never changes for them.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { ExplorerGraph } from '../graph/dataset.js';
import type { DerivedView } from '../graph/derived-view.js';
import type { Interaction } from '../state/selection.js';
import type { CanvasTheme } from './theme.js';

type NodeData = Partial<NodeDisplayData> & Record<string, unknown>;
type EdgeData = Partial<EdgeDisplayData> & Record<string, unknown>;

export interface ReducerSources {
  graph: ExplorerGraph;
  interaction: Interaction;
  view: DerivedView;
  theme: () => CanvasTheme;
  /** A large canvas: hover does not highlight (see renderer.ts). */
  large: () => boolean;
  /** While the layout moves a large canvas, only nodes are drawn (each round redraws). */
  layoutRunning: () => boolean;
}

/**
 * A Set view of a list kept in the state, made again only when the list itself is replaced (the
 * reducers run per node and edge on every refresh: a lasso selection of thousands must not be
 * searched linearly each time).
 */
function setOf(): (list: readonly string[]) => ReadonlySet<string> {
  let last: readonly string[] | null = null;
  let set: ReadonlySet<string> = new Set();
  return (list) => {
    if (list !== last) [last, set] = [list, new Set(list)];
    return set;
  };
}

/**
 * Labels forced next to a focused node's neighbours and on its relationships, up to these many;
 * past them, forced labels print over each other: the neighbours' labels are left to sigma's label
 * grid (more appear as the user zooms in) and a relationship shows its label when hovered.
 */
export const FORCED_NEIGHBOUR_LABELS_MAX = 12;
export const FORCED_EDGE_LABELS_MAX = 6;

/** A selected node while a path is shown: larger than the path's nodes, above them. */
export const SELECTED_ON_PATH_SCALE = 1.6;
const SELECTED = { highlighted: true, forceLabel: true, zIndex: 3 } as const;

/** How many relationships of a node are drawn (the filters hide some). */
function drawnDegree(graph: ExplorerGraph, view: DerivedView, node: string): number {
  let count = 0;
  graph.forEachEdge(node, (edge) => {
    if (!view.isEdgeHidden(edge)) count += 1;
  });
  return count;
}

/** The drawn degree of the focused node, counted once per focus (the reducers run per element). */
function focusDegree(graph: ExplorerGraph, view: DerivedView): (focus: string) => number {
  let last: { focus: string; order: number; size: number; degree: number } | null = null;
  return (focus) => {
    if (!last || last.focus !== focus || last.order !== graph.order || last.size !== graph.size)
      last = { focus, order: graph.order, size: graph.size, degree: drawnDegree(graph, view, focus) };
    return last.degree;
  };
}

export function nodeReducer({ graph, interaction, view, theme, large }: ReducerSources) {
  const selectionSet = setOf();
  const pathSet = setOf();
  const degreeOf = focusDegree(graph, view);
  return (node: string, data: NodeData): NodeData => {
    if (view.isNodeHidden(node)) return { ...data, hidden: true };
    const pinned = data.fixed ? ' (pinned)' : '';
    const style = view.style(node);
    // A style rule may choose another property as the caption (style.label and style.caption).
    const shown = style?.label ?? data.label;
    const styled = { ...data, ...style, label: `${String(shown ?? '')}${pinned}` };
    const full = { label: `${String(style?.caption ?? data.caption ?? shown ?? '')}${pinned}` };
    const { path, selection } = interaction.current;
    const selected = selectionSet(selection).has(node);
    if (path) {
      // The selection stays visible over a path: in its colour with its label off the path, and
      // drawn larger than the path's other nodes on it.
      if (selected) return { ...styled, ...full, size: (styled.size ?? 1) * SELECTED_ON_PATH_SCALE, ...SELECTED };
      if (pathSet(path.nodeIds).has(node))
        return { ...styled, ...full, highlighted: true, forceLabel: true, zIndex: 2 };
      return { ...styled, color: theme().dimNode, label: '', zIndex: 0 };
    }
    if (selected) return { ...styled, ...full, highlighted: true, forceLabel: true, zIndex: 2 };
    const focus = large() ? interaction.current.selected : interaction.focus;
    if (!focus || !graph.hasNode(focus)) return styled;
    if (node === focus) return { ...styled, ...full, highlighted: true, zIndex: 2 };
    if (graph.areNeighbors(node, focus))
      return { ...styled, zIndex: 1, forceLabel: degreeOf(focus) <= FORCED_NEIGHBOUR_LABELS_MAX };
    return { ...styled, color: theme().dimNode, label: '', zIndex: 0 };
  };
}

/**
 * Relationships: a relationship style (Style tab) gives a type its colour and width where the
 * theme's plain or focus colour would be; the hovered or selected relationship, a path and the
 * dimming around a focus keep their own colours, so those states read the same whatever the style.
 */
export function edgeReducer({ graph, interaction, view, theme, large, layoutRunning }: ReducerSources) {
  const pathSet = setOf();
  const degreeOf = focusDegree(graph, view);
  return (edge: string, data: EdgeData): EdgeData => {
    if (view.isEdgeHidden(edge) || (layoutRunning() && large())) return { ...data, hidden: true };
    const colors = theme();
    const style = view.edgeStyle(edge);
    const width = style?.size ?? data.size ?? 1;
    if (edge === interaction.current.hoveredEdge || edge === interaction.current.selectedEdge)
      return { ...data, color: colors.focusEdge, size: Math.max(3, width), forceLabel: true, zIndex: 2 };
    const path = interaction.current.path;
    if (path) {
      if (pathSet(path.edgeIds).has(edge))
        return { ...data, color: colors.pathEdge, size: Math.max(4, width), forceLabel: true, zIndex: 2 };
      return { ...data, color: colors.dimEdge, label: '' };
    }
    const focus = large() ? interaction.current.selected : interaction.focus;
    if (!focus || !graph.hasNode(focus)) return { ...data, color: style?.color ?? colors.edge, size: width, label: '' };
    if (graph.hasExtremity(edge, focus)) {
      const labelled = degreeOf(focus) <= FORCED_EDGE_LABELS_MAX;
      return {
        ...data,
        color: style?.color ?? colors.focusEdge,
        size: Math.max(2, width),
        forceLabel: labelled,
        label: labelled ? data.label : '',
        zIndex: 1,
      };
    }
    return { ...data, color: colors.dimEdge, label: '', hidden: graph.order > 2000 };
  };
}
