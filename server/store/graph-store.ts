/**
 * The one interface every store implements (embedded LadybugDB, Neo4j; the kinds are listed in
 * domain/stores.ts). It speaks domain types only (domain/graph.ts, domain/reads.ts): captions and
 * the API's shapes are made above it, in explore/. Nothing above this layer knows which database
 * answers.
 */
import type { GraphBatch, GraphEdge, GraphNode } from '../domain/graph.js';
import type { GraphCounts, GraphSchema, OverviewBatch, ReadQueryResult, SearchMatch } from '../domain/reads.js';
import type { Dialect, StoreKind } from '../domain/stores.js';

export interface WriteSummary {
  nodesWritten: number;
  edgesWritten: number;
}

/**
 * One write given in parts, made one after another as the store takes them, so that only one
 * part is held in memory at a time (a large write's nodes, relationships and their rows were held
 * whole: the import's statements, see importer/import-documents.ts). Still one write, all or
 * nothing. Parts hold different nodes and relationships; one given again in a later part
 * replaces the earlier one, as in one batch.
 */
export type GraphParts = AsyncIterable<GraphBatch>;

/** Whether a write is given in parts (GraphParts) rather than as one batch. */
export function isParts(batch: GraphBatch | GraphParts): batch is GraphParts {
  return Symbol.asyncIterator in batch;
}

/** A write's parts: a batch is one part. */
export function partsOf(batch: GraphBatch | GraphParts): GraphParts {
  if (isParts(batch)) return batch;
  return (async function* () {
    yield batch;
  })();
}

/**
 * A run of writes (an import in batches). Each write is all or nothing; work that is cheaper done
 * once after all of them (rebuilding full-text indexes) is done by finish(), which must be called
 * even when a write failed. A process killed between writes leaves every finished write in place.
 */
export interface BatchWriter {
  write(batch: GraphBatch | GraphParts): Promise<WriteSummary>;
  finish(): Promise<void>;
}

export interface IncidentEdge {
  edge: GraphEdge;
  direction: 'out' | 'in';
  other: GraphNode;
}

/** Relationships touching a node and the distinct nodes they reach: in all and per type. */
export interface IncidentCounts {
  edges: number;
  others: number;
  byType: Record<string, { edges: number; others: number }>;
}

/** What evidence shows of a document: its title and date (null when it has none). */
export interface DocumentTitle {
  title: string | null;
  published: string | null;
}

export interface NeighborOptions {
  limit: number;
  /** How many of the ranked neighbours to pass over (paging: "next 20"). */
  skip?: number;
  /** Relationship types to follow; all when empty. */
  types: string[];
}

export interface PathOptions {
  /** At most this many relationships (a whole number, 1 to 8). */
  maxLength: number;
  /** Relationship types the path may follow; all when empty. */
  types: string[];
}

/** A path's nodes and relationships in order from its first node to its last. */
export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface ReadQueryOptions {
  limit: number;
  timeoutMs: number;
}

/**
 * A page of an export's nodes or relationships: an array, or (the embedded store) the rows of one
 * query converted one by one as they are iterated, so that no page of objects outlives the
 * moment it is written. Iterate it once; how many it holds is known before.
 */
export interface Page<T> extends Iterable<T> {
  readonly length: number;
}

export interface GraphStore {
  readonly kind: StoreKind;
  readonly dialect: Dialect;
  /** Human-readable location (a path or a URI) for messages. */
  readonly location: string;

  /** Merges the batch into the graph: idempotent, all or nothing. */
  writeBatch(batch: GraphBatch): Promise<WriteSummary>;
  /** Starts a run of batch writes (see BatchWriter); one run at a time per store. */
  beginWrites(): Promise<BatchWriter>;
  /** Existing nodes and edges with these ids (used to merge evidence and aliases on re-import). */
  findNodes(ids: string[]): Promise<GraphNode[]>;
  findEdges(ids: string[]): Promise<GraphEdge[]>;

  isEmpty(): Promise<boolean>;
  stats(): Promise<GraphCounts>;
  schema(): Promise<GraphSchema>;
  /**
   * The `limit` most connected nodes (most connected first) and at most `maxEdges` of the
   * relationships among them, ordered by overviewEdgeOrder (store/overview-edges.ts).
   */
  overview(limit: number, maxEdges: number): Promise<OverviewBatch>;
  getNode(id: string): Promise<GraphNode | null>;
  degree(id: string): Promise<number>;
  /** getNode and degree together, in one read where the store keeps each node's degree. */
  nodeWithDegree(id: string): Promise<{ node: GraphNode; degree: number } | null>;
  incidentEdges(id: string, types?: string[]): Promise<IncidentEdge[]>;
  /** incidentEdges of many nodes at once (by node id; an empty list for a node without any). */
  incidentEdgesOf(nodes: GraphNode[], types?: string[]): Promise<Map<string, IncidentEdge[]>>;
  /**
   * incidentEdges of one node for its details, the node at the other end brief: its id, label and
   * only what a relation shows of it (an entity's `name`, a document's `title` and `published`, a
   * statement's `text`, `kind`, `date`, `dateSource` and `confidence`), never a document's text.
   */
  incidentBrief(node: GraphNode, types?: string[]): Promise<IncidentEdge[]>;
  /** How many relationships touch the node and how many nodes they reach, without reading them. */
  incidentCounts(node: GraphNode): Promise<IncidentCounts>;
  /**
   * At most `perType` relationships of each of these types leaving the node and as many entering
   * it, with the node at the other end: what a busy node's details show.
   */
  incidentSample(node: GraphNode, types: string[], perType: number): Promise<IncidentEdge[]>;
  /**
   * The SAID, ABOUT and REPORTED_IN relationships of these statements (by statement id), in one
   * read: what a statement's sentence is made of (explore/statement-views.ts). Brief on purpose:
   * the node at the other end has its id, label and only `name` (an entity) or `title` and
   * `published` (a document, never its text); a relationship has its id, type and ends, and a
   * REPORTED_IN its `sentence`, `startOffset` and `endOffset`.
   */
  statementParts(statements: GraphNode[]): Promise<Map<string, IncidentEdge[]>>;
  /** Title and date of each document found among these ids, in one read. */
  documentTitles(ids: string[]): Promise<Map<string, DocumentTitle>>;
  /**
   * The node (first) and its neighbours ranked by their degree (most connected first), with the
   * relationships among them; empty when there is no such node.
   */
  neighbors(id: string, options: NeighborOptions): Promise<GraphBatch>;
  /**
   * One shortest path between two nodes, ignoring direction, of at most `maxLength` relationships
   * of the given types; null when there is none (or either node does not exist).
   */
  shortestPath(from: string, to: string, options: PathOptions): Promise<GraphPath | null>;
  /** Every shortest path between two nodes, at most `limit` of them; [] when there is none. */
  allShortestPaths(from: string, to: string, options: PathOptions, limit: number): Promise<GraphPath[]>;
  /** Nodes whose names, aliases or text match, best first. */
  search(query: string, limit: number): Promise<SearchMatch[]>;
  /** The whole graph (for export). */
  exportAll(): Promise<GraphBatch>;
  /**
   * The whole graph page by page (table by table; the order within a table is the store's), so
   * that large exports stream. A page may be read once only (see Page).
   */
  nodePages(pageSize: number): AsyncIterable<Page<GraphNode>>;
  edgePages(pageSize: number): AsyncIterable<Page<GraphEdge>>;
  /** A node, the nodes within `depth` steps (at most `limit`), and the edges among them. */
  neighborhood(id: string, depth: number, limit: number): Promise<GraphBatch>;
  /** A user's Cypher, read-only, with a timeout and a row limit. */
  runReadQuery(query: string, params: Record<string, unknown>, options: ReadQueryOptions): Promise<ReadQueryResult>;

  /**
   * Why the store's full-text search is damaged (an index missing after an interrupted import),
   * or null when it is whole. Optional: only the embedded store rebuilds its indexes itself.
   */
  fullTextDamage?(): Promise<string | null>;

  close(): Promise<void>;
}
