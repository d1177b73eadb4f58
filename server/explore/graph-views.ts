/**
 * The API's answers made from the store's reads: the overview, a node's neighbours, search hits,
 * a path and a console query's result, with captions and in the API's shapes (domain/api.ts).
 */
import type { CypherResponse, GraphPayload, OverviewResponse, PathResponse, SearchHit } from '../domain/api.js';
import { captionOf } from '../domain/graph.js';
import { uniqueById, type ReadQueryResult, type SearchMatch } from '../domain/reads.js';
import type { GraphPath, GraphStore, NeighborOptions } from '../store/graph-store.js';
import { toApiPayload } from './payload.js';

/** The most connected nodes, at most `maxEdges` relationships among them, and how many there are. */
export async function overviewView(store: GraphStore, limit: number, maxEdges: number): Promise<OverviewResponse> {
  const { nodes, edges, totalEdges } = await store.overview(limit, maxEdges);
  return { ...toApiPayload(nodes, edges), totalEdges };
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

/**
 * The first path in path order (`found: false` when the store found none); with `all`, every path
 * in `paths` and their union in `graph` (paths share their ends and often more).
 */
export function pathView(paths: GraphPath[], all = false): PathResponse {
  const every = all ? { paths: paths.map((p) => ({ nodeIds: ids(p.nodes), edgeIds: ids(p.edges) })) } : {};
  const [path] = paths;
  if (!path) return { found: false, length: null, nodeIds: [], edgeIds: [], graph: { nodes: [], edges: [] }, ...every };
  return {
    found: true,
    length: path.edges.length,
    nodeIds: ids(path.nodes),
    edgeIds: ids(path.edges),
    graph: toApiPayload(uniqueById(paths.flatMap((p) => p.nodes)), uniqueById(paths.flatMap((p) => p.edges))),
    ...every,
  };
}

function ids(items: Array<{ id: string }>): string[] {
  return items.map((item) => item.id);
}
