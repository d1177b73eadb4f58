/**
 * The graph model shared by the importer, the stores, the HTTP API and the client.
 * Pure types and constants: no I/O here.
 */

export const NODE_LABELS = ['Document', 'Actor', 'Institution', 'Statement', 'Place'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Fixed relationship vocabulary (DESIGN.md). Extend with care: both stores declare it. */
export const REL_TYPES = [
  'SAID',
  'ABOUT',
  'REPORTED_IN',
  'MENTIONED_IN',
  'HOLDS_ROLE',
  'MEMBER_OF',
  'AFFILIATED_WITH',
  'LEADS',
  'WROTE',
  'CONTACTED',
  'MET',
  'CRITICIZED',
  'URGED',
  'WARNED',
  'SUPPORTS',
  'OPPOSES',
] as const;
export type RelType = (typeof REL_TYPES)[number];

/** Interactions and stances between actors (all share one shape: who -> whom, with a date). */
export const INTERACTION_TYPES = [
  'CONTACTED',
  'MET',
  'CRITICIZED',
  'URGED',
  'WARNED',
  'SUPPORTS',
  'OPPOSES',
] as const satisfies readonly RelType[];

/** The kinds of actor and of institution (DESIGN.md); places take their kind from the gazetteer freely. */
export const ACTOR_KINDS = ['person', 'state', 'group'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const INSTITUTION_KINDS = [
  'intergovernmental',
  'government',
  'think_tank',
  'military',
  'media',
  'other',
] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export type StatementKind = 'quote' | 'reported';

/** Property values both Kuzu and Neo4j can store. Nested objects are stored as JSON strings. */
export type PropValue = string | number | boolean | null | string[];
export type Properties = Record<string, PropValue>;

export interface GraphNode {
  id: string;
  label: NodeLabel;
  properties: Properties;
}

export interface GraphEdge {
  id: string;
  type: RelType;
  source: string;
  target: string;
  /** Endpoint labels: Kuzu rel tables are typed by (from, to) pairs. */
  sourceLabel: NodeLabel;
  targetLabel: NodeLabel;
  properties: Properties;
}

/** What the importer hands to a store, and what a store returns for a subgraph. */
export interface GraphBatch {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * One sentence that justifies a fact. Stored on nodes and relationships as a JSON string
 * (property `evidence`), because neither store can hold a list of maps portably.
 */
export interface Evidence {
  documentId: string;
  sentence: string;
  /** Character offsets of the sentence in the document text. */
  start: number;
  end: number;
}

export function encodeEvidence(items: Evidence[]): string {
  return JSON.stringify(items);
}

export function decodeEvidence(value: PropValue | undefined): Evidence[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as Evidence[]) : [];
  } catch {
    return [];
  }
}

/** The text a node is shown by: name, title or (shortened) statement text. */
export function captionOf(node: Pick<GraphNode, 'label' | 'properties'>): string {
  const p = node.properties;
  const text =
    (typeof p.name === 'string' && p.name) ||
    (typeof p.title === 'string' && p.title) ||
    (typeof p.text === 'string' && p.text) ||
    '';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
