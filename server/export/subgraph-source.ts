/**
 * Chooses what to export: the whole graph (streamed page by page from the store), a node's
 * neighbourhood, the nodes and relationships a read-only query returns, or what the explorer
 * shows (sent by the client, with positions and colours).
 */
import type { GraphStore } from '../store/graph-store.js';
import { NotFoundError } from '../domain/errors.js';
import {
  sourceFromBatch,
  sourceFromGraph,
  type ExportEdge,
  type ExportNode,
  type ExportSource,
} from './export-graph.js';

export type Selection =
  | { kind: 'all' }
  | { kind: 'node'; id: string; depth: number }
  | { kind: 'query'; query: string; params: Record<string, unknown> }
  | { kind: 'view'; nodes: ExportNode[]; edges: ExportEdge[] };

const PAGE_SIZE = 2000;
/**
 * Relationships per page of a whole-graph export: more than nodes, since a relationship page's
 * query costs the engine more for itself whatever its rows (see nextWidth in kuzu-pages.ts). On
 * LadybugDB a page's rows wait in the engine's result, in its compact form, and are made into JS
 * objects one by one as they are written.
 */
const EDGE_PAGE_SIZE = 10_000;
const NEIGHBORHOOD_LIMIT = 5000;
const QUERY_ROW_LIMIT = 100_000;

function streamedFromStore(store: GraphStore): ExportSource {
  return {
    async *nodes() {
      // Item by item, not `yield* page.map(…)`: a copy of the whole page lived as long as the
      // page was written, long enough for the collector to move it to the old generation.
      for await (const page of store.nodePages(PAGE_SIZE))
        for (const { id, label, properties } of page) yield { id, label, properties };
    },
    async *edges() {
      for await (const page of store.edgePages(EDGE_PAGE_SIZE))
        for (const { id, type, source, target, properties } of page) yield { id, type, source, target, properties };
    },
  };
}

export async function selectSubgraph(
  store: GraphStore,
  selection: Selection,
  timeoutMs: number,
): Promise<ExportSource> {
  switch (selection.kind) {
    case 'all':
      return streamedFromStore(store);
    case 'node': {
      const batch = await store.neighborhood(selection.id, selection.depth, NEIGHBORHOOD_LIMIT);
      if (batch.nodes.length === 0) throw new NotFoundError(`No node with id "${selection.id}"`);
      return sourceFromBatch(batch);
    }
    case 'query': {
      const result = await store.runReadQuery(selection.query, selection.params, { limit: QUERY_ROW_LIMIT, timeoutMs });
      return sourceFromBatch(result.graph);
    }
    case 'view': {
      // Only edges whose both ends were sent: the view is exported as it is, nothing invented.
      const ids = new Set(selection.nodes.map((node) => node.id));
      return sourceFromGraph({
        nodes: selection.nodes,
        edges: selection.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)),
      });
    }
  }
}
