/** Small explorer canvases for the client's unit tests: API nodes and edges, merged as the overview. */
import type { ApiEdge, ApiNode } from '../../server/domain/api.js';
import { createGraph, mergePayload } from '../../client/graph/dataset.js';

export function node(id: string, label: ApiNode['label'], properties: Record<string, unknown> = {}): ApiNode {
  return { id, label, caption: id, properties: properties as ApiNode['properties'] };
}

export function edge(id: string, type: string, source: string, target: string, date?: string): ApiEdge {
  return { id, type, source, target, properties: date ? { date } : {} };
}

/**
 * Two people, a statement each (2020 and 2021), one article that reports both, a criticism dated
 * 2021-03-01 and a loner. The 2021 statement's date is a month unless a test needs a whole day.
 */
export function sampleCanvas(statement2021Date = '2021-01') {
  const graph = createGraph();
  mergePayload(
    graph,
    {
      nodes: [
        node('a', 'Actor'),
        node('b', 'Actor'),
        node('s2020', 'Statement', { date: '2020-10-23' }),
        node('s2021', 'Statement', { date: statement2021Date }),
        node('doc', 'Document'),
        node('lonely', 'Actor'),
      ],
      edges: [
        edge('e1', 'SAID', 'a', 's2020'),
        edge('e2', 'SAID', 'b', 's2021'),
        edge('e3', 'ABOUT', 's2021', 'a'),
        edge('e4', 'REPORTED_IN', 's2020', 'doc'),
        edge('e5', 'REPORTED_IN', 's2021', 'doc'),
        edge('e6', 'CRITICIZED', 'b', 'a', '2021-03-01'),
      ],
    },
    'overview',
  );
  return graph;
}
