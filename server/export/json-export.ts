/** The JSON export shape: `{nodes: [{id, label, properties}], edges: [{id, type, source, target, properties}]}`. */
import type { GraphBatch } from '../domain/graph.js';

export interface JsonExport {
  nodes: Array<{ id: string; label: string; properties: Record<string, unknown> }>;
  edges: Array<{ id: string; type: string; source: string; target: string; properties: Record<string, unknown> }>;
}

export function toJsonExport(
  graph: Pick<GraphBatch, 'nodes'> & {
    edges: Array<{ id: string; type: string; source: string; target: string; properties: Record<string, unknown> }>;
  },
): JsonExport {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    nodes: graph.nodes.map(({ id, label, properties }) => ({ id, label, properties })).sort(byId),
    edges: graph.edges
      .map(({ id, type, source, target, properties }) => ({ id, type, source, target, properties }))
      .sort(byId),
  };
}
