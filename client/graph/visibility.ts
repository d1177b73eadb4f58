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

/**
 * What the filters hide. With a date range, a node that the range left without any visible
 * relationship (it had some without the range) is hidden too, rather than left as an isolated dot
 * (Bloom dims such nodes; hidden here, so that the canvas shows only what happened in the range).
 * One pass over the nodes and one over the relationships (then one more for a minimum degree).
 */
export function computeVisibility(graph: ExplorerGraph, filters: FilterState): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  const hiddenLabels = new Set(filters.hiddenLabels);
  const hiddenTypes = new Set(filters.hiddenRelTypes);
  const article = filters.documentId !== null && graph.hasNode(filters.documentId) ? filters.documentId : null;
  const dating = filters.dateFrom !== null || filters.dateTo !== null;
  /** Nodes hidden by their own date alone (statements outside the range). */
  const outOfRange = new Set<string>();

  graph.forEachNode((node, attributes) => {
    if (
      hiddenLabels.has(attributes.nodeLabel) ||
      !passesAttributeFilters(filters.attributes, 'node', attributes.nodeLabel, attributes.properties) ||
      (article !== null && node !== article && !graph.areNeighbors(node, article))
    )
      hiddenNodes.add(node);
    else if (outside(attributes.date, filters.dateFrom, filters.dateTo)) outOfRange.add(node);
  });
  // Nodes with a relationship shown were there no date range, and with the range.
  const connectedWithout = new Set<string>();
  const connectedWith = new Set<string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    const hiddenOtherwise =
      hiddenTypes.has(attributes.relType) ||
      !passesAttributeFilters(filters.attributes, 'edge', attributes.relType, attributes.properties ?? {}) ||
      hiddenNodes.has(source) ||
      hiddenNodes.has(target);
    const hiddenByRange =
      outside(attributes.date, filters.dateFrom, filters.dateTo) || outOfRange.has(source) || outOfRange.has(target);
    if (hiddenOtherwise || hiddenByRange) hiddenEdges.add(edge);
    if (!dating || hiddenOtherwise) return;
    connectedWithout.add(source).add(target);
    if (!hiddenByRange) connectedWith.add(source).add(target);
  });
  for (const node of outOfRange) hiddenNodes.add(node);
  for (const node of connectedWithout) if (!connectedWith.has(node)) hiddenNodes.add(node);

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
