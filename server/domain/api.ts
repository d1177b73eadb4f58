/**
 * Shapes of the HTTP API's JSON answers. The client imports these types, so keep this file free
 * of runtime dependencies on server code.
 */
import type { NodeLabel, Properties, RelType } from './graph.js';

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

/** GET /api/health: the process answers (no database call). */
export interface HealthResponse {
  status: 'ok';
  /** `ladybug`: the embedded LadybugDB store (called `kuzu` before 0.2); its dialect is Kuzu's Cypher. */
  store: 'ladybug' | 'neo4j';
  dialect: 'kuzu' | 'neo4j';
  version: string;
}

/** GET /api/ready: 200 when the store answers, 503 with the reason when not (or shutting down). */
export interface ReadyResponse {
  ready: boolean;
  store: 'ladybug' | 'neo4j';
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

export interface StatementView {
  id: string;
  text: string;
  kind: string;
  date: string | null;
  dateSource: string | null;
  confidence: number | null;
  speaker: { id: string; caption: string } | null;
  sources: SourceRef[];
}

export interface RelationView {
  edge: ApiEdge;
  direction: 'out' | 'in';
  other: ApiNode;
  /** The sentences that state this relation (decoded from the edge's evidence). */
  evidence: SourceRef[];
}

export interface NodeDetailsResponse {
  node: ApiNode;
  degree: number;
  /** Distinct neighbours in all (`total`) and by relationship type: what "expand" can bring. */
  neighbours: { total: number; byType: Record<string, number> };
  relations: RelationView[];
  statements: StatementView[];
}

export interface SearchHit {
  id: string;
  label: NodeLabel;
  caption: string;
  score: number;
  /** For statements: the text that matched. */
  snippet?: string;
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
}

/** GET /api/paths/shortest: one shortest path, ignoring direction, and its nodes and edges. */
/** The longest path the API looks for (`shortestPath` in the stores). */
export const MAX_PATH_LENGTH = 8;

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

/** The most shortest paths `all=true` returns. */
export const ALL_PATHS_MAX = 25;
