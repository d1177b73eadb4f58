/**
 * Which nodes and relationships the filters hide, derived from the canvas graph and the filter
 * state. Computed once per change (of either), read by the renderer's reducers on every frame.
 */
import type { AttributeFilter, FilterState } from '../state/filters.js';
import { conditionHolds } from './conditions.js';
import type { ExplorerGraph } from './dataset.js';

export interface Visibility {
  hiddenNodes: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
}

/** Whether a node (its label) or relationship (its type) passes every attribute filter aimed at it. */
export function passesAttributeFilters(
  filters: readonly AttributeFilter[],
  target: 'node' | 'edge',
  label: string,
  properties: Record<string, unknown>,
): boolean {
  return filters.every(
    (filter) =>
      filter.target !== target ||
      (filter.label !== '' && filter.label !== label) ||
      conditionHolds(filter.when, properties),
  );
}

function outside(date: unknown, from: string | null, to: string | null): boolean {
  if (typeof date !== 'string') return false;
  return (from !== null && date < from) || (to !== null && date > to);
}

export function computeVisibility(graph: ExplorerGraph, filters: FilterState): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  const hiddenLabels = new Set(filters.hiddenLabels);
  const hiddenTypes = new Set(filters.hiddenRelTypes);
  const article = filters.documentId !== null && graph.hasNode(filters.documentId) ? filters.documentId : null;

  graph.forEachNode((node, attributes) => {
    if (
      hiddenLabels.has(attributes.nodeLabel) ||
      outside(attributes.date, filters.dateFrom, filters.dateTo) ||
      !passesAttributeFilters(filters.attributes, 'node', attributes.nodeLabel, attributes.properties) ||
      (article !== null && node !== article && !graph.areNeighbors(node, article))
    )
      hiddenNodes.add(node);
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (
      hiddenTypes.has(attributes.relType) ||
      outside(attributes.date, filters.dateFrom, filters.dateTo) ||
      !passesAttributeFilters(filters.attributes, 'edge', attributes.relType, attributes.properties ?? {}) ||
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
