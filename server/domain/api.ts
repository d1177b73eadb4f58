/**
 * Shapes of the HTTP API's JSON answers. The client imports these types, so keep this file free
 * of runtime dependencies on server code.
 */
import type { NodeLabel, Properties, RelType } from './graph.js';
import type { Dialect, StoreKind } from './stores.js';

/** The relationship types, for the client's own lists of them (it imports types from this file only). */
export type { RelType };

export interface ApiNode {
  id: string;
  label: NodeLabel;
  /** What to show on the canvas: name, title or shortened statement text. */
  caption: string;
  properties: Properties;
}

export interface ApiEdge {
  id: string;
  type: RelType | string;
  source: string;
  target: string;
  properties: Properties;
}

export interface GraphPayload {
  nodes: ApiNode[];
  edges: ApiEdge[];
}

/** GET /api/graph/overview: the most connected nodes and, at most `maxEdges`, the relationships among them. */
export interface OverviewResponse extends GraphPayload {
  /** How many relationships there are among the nodes: more than `edges` holds when capped. */
  totalEdges: number;
}

/** GET /api/health: the process answers (no database call). */
export interface HealthResponse {
  status: 'ok';
  /** `ladybug`: the embedded LadybugDB store (called `kuzu` before 0.2); its dialect is Kuzu's Cypher. */
  store: StoreKind;
  dialect: Dialect;
  version: string;
}

/** GET /api/ready: 200 when the store answers, 503 with the reason when not (or shutting down). */
export interface ReadyResponse {
  ready: boolean;
  store: StoreKind;
  reason?: string;
}

export interface StatsResponse {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  totalNodes: number;
  totalRelationships: number;
}

export interface SchemaResponse {
  labels: Array<{ label: string; properties: string[] }>;
  relationshipTypes: Array<{ type: string; properties: string[]; endpoints: Array<[string, string]> }>;
  propertyKeys: string[];
}

/** A source sentence in an article: the evidence a person reads. */
export interface SourceRef {
  documentId: string;
  documentTitle: string;
  published: string | null;
  sentence: string;
  start: number;
  end: number;
}

/** A node a statement names: who said it, or whom and what it is about. */
export interface NodeRef {
  id: string;
  label: NodeLabel;
  caption: string;
}

/**
 * A statement as listed everywhere (details, edge panel, reader, search): read as the sentence
 * "speaker — said — "text" — about X, Y — date — source".
 */
export interface StatementView {
  id: string;
  text: string;
  kind: string;
  date: string | null;
  dateSource: string | null;
  confidence: number | null;
  /** The first speaker (kept for older clients; `speakers` lists them all). */
  speaker: { id: string; caption: string } | null;
  /** Everyone the graph says said it (its SAID relations), by name. */
  speakers: NodeRef[];
  /** Whom and what it is about (its ABOUT relations), by name. */
  about: NodeRef[];
  sources: SourceRef[];
  /** The statement read as a sentence, part by part (server/domain/statement-sentence.ts). */
  sentence: SentencePart[];
}

/**
 * One part of a statement read as a sentence: speaker — said — "text" — about X, Y — date — source.
 * `text` is the part as shown (the quote's words without their marks); the client draws names and
 * the source as links, the rest as text.
 */
export type SentencePart =
  /** Who said it (`nodes` empty when the graph does not know: `text` says so). */
  | { kind: 'speakers'; text: string; nodes: NodeRef[] }
  | { kind: 'verb'; text: string }
  | { kind: 'quote'; text: string }
  /** Whom and what it is about; left out when the statement is about no one. */
  | { kind: 'about'; text: string; nodes: NodeRef[] }
  | { kind: 'date'; text: string; date: string }
  /** The first article it was reported in (`text` adds how many more). */
  | { kind: 'source'; text: string; source: SourceRef };

export interface RelationView {
  edge: ApiEdge;
  direction: 'out' | 'in';
  other: ApiNode;
  /** The sentences that state this relation (decoded from the edge's evidence). */
  evidence: SourceRef[];
  /** When the other end is a statement (an actor's ABOUT list): that statement as a sentence. */
  statement?: StatementView;
}

export interface NodeDetailsResponse {
  node: ApiNode;
  degree: number;
  /** Distinct neighbours in all (`total`) and by relationship type: what "expand" can bring. */
  neighbours: { total: number; byType: Record<string, number> };
  /** For a node with many relationships, the first few of each type and direction (see relationCounts). */
  relations: RelationView[];
  /** How many relationships of each type touch the node: all of them, listed in `relations` or not. */
  relationCounts: Record<string, number>;
  statements: StatementView[];
}

export interface SearchHit {
  id: string;
  label: NodeLabel;
  caption: string;
  score: number;
  /** For statements: the text that matched. */
  snippet?: string;
  /** For statements: the statement as a sentence (who said it, about whom, when, where). */
  statement?: StatementView;
}

export interface SearchResponse {
  results: SearchHit[];
}

export interface MentionSpan {
  start: number;
  end: number;
  nodeId: string;
  label: NodeLabel;
  caption: string;
}

export interface DocumentResponse {
  document: ApiNode;
  mentions: MentionSpan[];
  /** The statements this article reports, as sentences, in the order of their sentence in the text. */
  statements: StatementView[];
}

export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
  limit?: number;
}

export interface CypherResponse {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  graph: GraphPayload;
  truncated: boolean;
  elapsedMs: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** An edge with its two ends and every sentence that states it (GET /api/edges/:id). */
export interface EdgeDetailsResponse {
  edge: ApiEdge;
  source: ApiNode;
  target: ApiNode;
  evidence: SourceRef[];
  /** When one end is a statement (SAID, ABOUT, REPORTED_IN): that statement as a sentence. */
  statement?: StatementView;
}

/** GET /api/paths/shortest: one shortest path, ignoring direction, and its nodes and edges. */
export interface PathResponse {
  found: boolean;
  /** Relationships on the path; null when none was found. */
  length: number | null;
  /** In path order, from `from` to `to`. */
  nodeIds: string[];
  edgeIds: string[];
  graph: GraphPayload;
  /** With `all=true`: every shortest path (at most ALL_PATHS_MAX), the first being nodeIds/edgeIds. */
  paths?: Array<{ nodeIds: string[]; edgeIds: string[] }>;
}
