/**
 * The API's answers made from the store's reads: the overview, a node's neighbours, search hits,
 * a path and a console query's result, with captions and in the API's shapes (domain/api.ts).
 */
import type { CypherResponse, GraphPayload, PathResponse, SearchHit } from '../domain/api.js';
import { captionOf } from '../domain/graph.js';
import type { ReadQueryResult, SearchMatch } from '../domain/reads.js';
import type { GraphPath, GraphStore, NeighborOptions } from '../store/graph-store.js';
import { toApiPayload } from './payload.js';

export async function overviewView(store: GraphStore, limit: number): Promise<GraphPayload> {
  const { nodes, edges } = await store.overview(limit);
  return toApiPayload(nodes, edges);
}

/** The node and its ranked neighbours; empty when there is no such node. */
export async function neighborsView(store: GraphStore, id: string, options: NeighborOptions): Promise<GraphPayload> {
  const { nodes, edges } = await store.neighbors(id, options);
  return toApiPayload(nodes, edges);
}

export function toSearchHit({ node, score }: SearchMatch): SearchHit {
  // A statement has no name: the text that matched is shown under its caption.
  const snippet = node.label === 'Statement' ? String(node.properties.text ?? '') : undefined;
  return { id: node.id, label: node.label, caption: captionOf(node), score, ...(snippet ? { snippet } : {}) };
}

export async function searchHits(store: GraphStore, query: string, limit: number): Promise<SearchHit[]> {
  return (await store.search(query, limit)).map(toSearchHit);
}

export function toCypherResponse(result: ReadQueryResult): CypherResponse {
  return { ...result, graph: toApiPayload(result.graph.nodes, result.graph.edges) };
}

/** A path in path order, or `found: false` when the store found none. */
export function pathView(path: GraphPath | null): PathResponse {
  if (!path) return { found: false, length: null, nodeIds: [], edgeIds: [], graph: { nodes: [], edges: [] } };
  return {
    found: true,
    length: path.edges.length,
    nodeIds: path.nodes.map((node) => node.id),
    edgeIds: path.edges.map((edge) => edge.id),
    graph: toApiPayload(path.nodes, path.edges),
  };
}
