/**
 * Parallel relationships (two or more between the same pair, e.g. SAID and ABOUT, or A→B and
 * B→A) are drawn as curves fanning out, so each stays visible with its own type on hover. A large
 * canvas draws every relationship as a thin line instead (curves and arrow heads cost several
 * times more per frame; see bench/explorer-scale.ts).
 */
import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from '@sigma/edge-curve';
import type { ExplorerGraph } from '../graph/dataset.js';

export function curveParallelEdges(graph: ExplorerGraph, large: boolean): void {
  if (large) {
    graph.updateEachEdgeAttributes((_edge, attributes) => ({ ...attributes, type: 'line' }), { attributes: ['type'] });
    return;
  }
  indexParallelEdgesIndex(graph, {
    edgeIndexAttribute: 'parallelIndex',
    edgeMinIndexAttribute: 'parallelMinIndex',
    edgeMaxIndexAttribute: 'parallelMaxIndex',
  });
  graph.forEachEdge((edge, attributes) => {
    const index = attributes.parallelIndex;
    const maxIndex = attributes.parallelMaxIndex;
    if (typeof index === 'number') {
      graph.mergeEdgeAttributes(edge, {
        type: 'curved',
        curvature: DEFAULT_EDGE_CURVATURE + (3 * DEFAULT_EDGE_CURVATURE * index) / (maxIndex || 1),
      });
    } else graph.setEdgeAttribute(edge, 'type', 'arrow');
  });
}
