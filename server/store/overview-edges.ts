/**
 * Which relationships among the overview's nodes are drawn when there are more than asked for:
 * those of the most connected nodes first. The order is the greater degree of the two ends
 * (descending), then the lesser (descending), then the relationship's id: the busiest node's
 * relationships to the others come first, then the next one's, so that the hubs, which the
 * overview is for, keep their links, and a node among the 500 is seldom left without any
 * (it is there for its degree, mostly to the hubs). LadybugDB orders and caps in its query
 * (cypher/kuzu/overview-edges.cypher) in the same order; this is the same for a store that reads
 * them all.
 */
import type { GraphEdge } from '../domain/graph.js';

/** Sorts the edges in the overview's order (see above), by the degrees of their ends. */
export function overviewEdgeOrder(degreeOf: Map<string, number>): (a: GraphEdge, b: GraphEdge) => number {
  const ends = (edge: GraphEdge): [number, number] => {
    const source = degreeOf.get(edge.source) ?? 0;
    const target = degreeOf.get(edge.target) ?? 0;
    return source > target ? [source, target] : [target, source];
  };
  return (a, b) => {
    const [aHigh, aLow] = ends(a);
    const [bHigh, bLow] = ends(b);
    if (aHigh !== bHigh) return bHigh - aHigh;
    if (aLow !== bLow) return bLow - aLow;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** The first `maxEdges` of the edges in the overview's order, and how many there were in all. */
export function capOverviewEdges(
  edges: GraphEdge[],
  degreeOf: Map<string, number>,
  maxEdges: number,
): { edges: GraphEdge[]; totalEdges: number } {
  return { edges: [...edges].sort(overviewEdgeOrder(degreeOf)).slice(0, maxEdges), totalEdges: edges.length };
}
