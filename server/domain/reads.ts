/**
 * What a store's reads answer, in domain terms (nodes and edges as the graph holds them). The API's
 * shapes (captions, payloads) are made from these in server/explore/, never by a store.
 */
import type { GraphBatch, GraphNode } from './graph.js';

/** The longest path a store looks for (`shortestPath`), and so the most the API accepts. */
export const MAX_PATH_LENGTH = 8;

/**
 * Relationship properties that hold the sentences behind a fact: the bulk of a relationship's
 * bytes. The overview leaves them out (thousands of relationships to draw; the explorer shows them
 * only when a relationship is opened, from GET /api/edges/:id).
 */
export const EVIDENCE_PROPERTIES: readonly string[] = ['evidence', 'spans', 'sentence'];

/**
 * The most relationships the overview draws among its nodes unless asked for more: 500 nodes of a
 * large graph hold tens of thousands among them (36,536 at 100k nodes / 500k relationships), more
 * than a force layout untangles or a reader follows (Neo4j Browser caps its first display the same
 * way: `initialNodeDisplay`, `maxNeighbours`). Those of the most connected nodes come first.
 */
export const OVERVIEW_MAX_EDGES = 2000;

/** The overview's nodes and the relationships kept among them, with how many there are in all. */
export interface OverviewBatch extends GraphBatch {
  /** Every relationship among the nodes, of which `edges` holds the first `maxEdges`. */
  totalEdges: number;
}

/** The most shortest paths one request for all of them returns. */
export const ALL_PATHS_MAX = 25;

/** Nodes by label and relationships by type, and their totals. */
export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  totalNodes: number;
  totalRelationships: number;
}

/** The database's schema as the console's completion needs it. */
export interface GraphSchema {
  labels: Array<{ label: string; properties: string[] }>;
  relationshipTypes: Array<{ type: string; properties: string[]; endpoints: Array<[string, string]> }>;
  propertyKeys: string[];
}

/** A node the search found, with how well it matched (higher first; see store/search-hits.ts). */
export interface SearchMatch {
  node: GraphNode;
  score: number;
}

/** A user's read-only query: its columns and rows, and the nodes and relationships among its values. */
export interface ReadQueryResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  /** Each node and relationship once. */
  graph: GraphBatch;
  truncated: boolean;
  elapsedMs: number;
}

/** Each item once (the first with its id), in order. */
export function uniqueById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}
