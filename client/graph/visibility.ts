/**
 * Which nodes and relationships the filters hide, derived from the canvas graph and the filter
 * state. Computed once per change (of either), read by the renderer's reducers on every frame.
 */
import type { FilterState } from '../state/filters.js';
import type { ExplorerGraph } from './dataset.js';

export interface Visibility {
  hiddenNodes: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
}

function outside(date: unknown, from: string | null, to: string | null): boolean {
  if (typeof date !== 'string') return false;
  return (from !== null && date < from) || (to !== null && date > to);
}

/**
 * What the filters hide. With a date range, a node that the range left without any visible
 * relationship (it had some without the range) is hidden too, rather than left as an isolated dot
 * (Bloom dims such nodes; hidden here, so that the canvas shows only what happened in the range).
 */
export function computeVisibility(graph: ExplorerGraph, filters: FilterState): Visibility {
  const visibility = hideFiltered(graph, filters);
  if (filters.dateFrom === null && filters.dateTo === null) return visibility;
  const undated = hideFiltered(graph, { ...filters, dateFrom: null, dateTo: null });
  const hiddenNodes = new Set(visibility.hiddenNodes);
  graph.forEachNode((node) => {
    if (hiddenNodes.has(node) || !hasVisibleEdge(graph, node, undated) || hasVisibleEdge(graph, node, visibility))
      return;
    hiddenNodes.add(node);
  });
  return { hiddenNodes, hiddenEdges: visibility.hiddenEdges };
}

function hasVisibleEdge(graph: ExplorerGraph, node: string, visibility: Visibility): boolean {
  return graph.someEdge(node, (edge) => !visibility.hiddenEdges.has(edge));
}

function hideFiltered(graph: ExplorerGraph, filters: FilterState): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  const hiddenLabels = new Set(filters.hiddenLabels);
  const hiddenTypes = new Set(filters.hiddenRelTypes);
  const article = filters.documentId !== null && graph.hasNode(filters.documentId) ? filters.documentId : null;

  graph.forEachNode((node, attributes) => {
    if (
      hiddenLabels.has(attributes.nodeLabel) ||
      outside(attributes.date, filters.dateFrom, filters.dateTo) ||
      (article !== null && node !== article && !graph.areNeighbors(node, article))
    )
      hiddenNodes.add(node);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (
      hiddenTypes.has(attributes.relType) ||
      outside(attributes.date, filters.dateFrom, filters.dateTo) ||
      hiddenNodes.has(source) ||
      hiddenNodes.has(target)
    )
      hiddenEdges.add(edge);
  });
  // Minimum degree counts the relationships still shown, so it narrows what the other filters left.
  if (filters.minDegree > 0) {
    graph.forEachNode((node) => {
      if (hiddenNodes.has(node)) return;
      let degree = 0;
      graph.forEachEdge(node, (edge) => {
        if (!hiddenEdges.has(edge)) degree += 1;
      });
      if (degree < filters.minDegree) hiddenNodes.add(node);
    });
    graph.forEachEdge((edge, _attributes, source, target) => {
      if (hiddenNodes.has(source) || hiddenNodes.has(target)) hiddenEdges.add(edge);
    });
  }
  return { hiddenNodes, hiddenEdges };
}
