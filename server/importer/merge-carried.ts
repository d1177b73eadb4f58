/**
 * Merges a batch with what the store already holds the way one big import merges within itself,
 * so that a corpus written in batches (one run, or several imports) gives the graph of one import:
 *
 * - an edge keeps the properties of its first sighting (as EdgeCollector does within a batch):
 *   existing properties win, the confidence is the highest, a missing date is filled, and the
 *   evidence lists every sentence, existing ones first;
 * - an entity keeps its first properties (rule, kind), takes the fuller display name, the sorted
 *   union of its aliases (and the search text of both), and the first MAX_ENTITY_EVIDENCE
 *   evidence sentences, existing ones first;
 * - a statement keeps its first properties but is a quote if either says so, takes the highest
 *   confidence and a date the text gives over the article's date.
 *
 * (Letting the incoming batch win instead, as an earlier store-side merge did, made the graph
 * depend on where batches begin and end.)
 */
import {
  decodeEvidence,
  encodeEvidence,
  type Evidence,
  type GraphBatch,
  type GraphEdge,
  type GraphNode,
  type Properties,
  type PropValue,
} from '../domain/graph.js';
import { searchTextOf } from '../domain/search-text.js';
import type { GraphStore } from '../store/graph-store.js';
import { MAX_ENTITY_EVIDENCE } from './build-graph.js';

const ENTITY_LABELS = new Set(['Actor', 'Institution', 'Place']);

function unionEvidence(a: PropValue | undefined, b: PropValue | undefined, limit = Infinity): string | null {
  const seen = new Map<string, Evidence>();
  for (const item of [...decodeEvidence(a), ...decodeEvidence(b)]) {
    const key = `${item.documentId}:${item.start}`;
    if (!seen.has(key) && seen.size < limit) seen.set(key, item);
  }
  return seen.size === 0 ? null : encodeEvidence([...seen.values()]);
}

function maxNumber(a: PropValue | undefined, b: PropValue | undefined): number | null {
  const numbers = [a, b].filter((value): value is number => typeof value === 'number');
  return numbers.length === 0 ? null : Math.max(...numbers);
}

/** The incoming properties under the existing ones: what was there first stays. */
function firstWins(existing: Properties, incoming: Properties): Properties {
  const properties: Properties = { ...incoming };
  for (const [key, value] of Object.entries(existing))
    if (value !== null || !(key in incoming)) properties[key] = value;
  return properties;
}

function words(name: PropValue | undefined): number {
  return String(name ?? '')
    .split(' ')
    .filter(Boolean).length;
}

export function mergeEntity(existing: GraphNode, incoming: GraphNode): GraphNode {
  const properties = firstWins(existing.properties, incoming.properties);
  const name = String(
    words(incoming.properties.name) > words(existing.properties.name)
      ? incoming.properties.name
      : existing.properties.name,
  );
  const list = (value: PropValue | undefined) => (Array.isArray(value) ? value : []);
  const names = new Set([
    ...list(existing.properties.aliases),
    ...list(incoming.properties.aliases),
    String(existing.properties.name),
    String(incoming.properties.name),
  ]);
  names.delete(name);
  const aliases = [...names].sort();
  properties.name = name;
  properties.aliases = aliases;
  properties.searchText = searchTextOf(name, aliases);
  properties.evidence = unionEvidence(existing.properties.evidence, incoming.properties.evidence, MAX_ENTITY_EVIDENCE);
  properties.confidence = maxNumber(existing.properties.confidence, incoming.properties.confidence);
  return { ...incoming, properties };
}

export function mergeStatementNode(existing: GraphNode, incoming: GraphNode): GraphNode {
  const properties = firstWins(existing.properties, incoming.properties);
  if (incoming.properties.kind === 'quote') properties.kind = 'quote';
  properties.confidence = maxNumber(existing.properties.confidence, incoming.properties.confidence);
  if (existing.properties.dateSource !== 'text' && incoming.properties.dateSource === 'text') {
    properties.date = incoming.properties.date;
    properties.dateSource = 'text';
  }
  return { ...incoming, properties };
}

export function mergeCarriedEdge(existing: GraphEdge, incoming: GraphEdge): GraphEdge {
  const properties = firstWins(existing.properties, incoming.properties);
  if (!properties.date && incoming.properties.date) properties.date = incoming.properties.date;
  properties.evidence = unionEvidence(existing.properties.evidence, incoming.properties.evidence);
  properties.confidence = maxNumber(existing.properties.confidence, incoming.properties.confidence);
  return { ...incoming, properties };
}

function mergeNodeCarried(existing: GraphNode, incoming: GraphNode): GraphNode {
  if (ENTITY_LABELS.has(incoming.label)) return mergeEntity(existing, incoming);
  if (incoming.label === 'Statement') return mergeStatementNode(existing, incoming);
  return incoming;
}

/**
 * The store's nodes among a batch's nodes and edge endpoints (and `also`), in one lookup by primary
 * key: the importer's already-imported check, dangling-edge check and merge share it.
 *
 * Endpoints in `known` (ids the caller knows the store holds, and that are not nodes of the batch)
 * are not read: they are in the answer as the bare node, with no properties. A statements write
 * has a REPORTED_IN edge to nearly every document of the corpus; read, each came with its article's
 * text, only to learn that it exists.
 */
export async function storedNodes(
  store: GraphStore,
  batch: GraphBatch,
  also: string[] = [],
  known: ReadonlySet<string> = new Set(),
): Promise<Map<string, GraphNode>> {
  const ids = new Set(also);
  const bare = new Map<string, GraphNode>();
  for (const node of batch.nodes) ids.add(node.id);
  for (const edge of batch.edges)
    for (const [id, label] of [
      [edge.source, edge.sourceLabel],
      [edge.target, edge.targetLabel],
    ] as const) {
      if (ids.has(id)) continue;
      if (known.has(id)) bare.set(id, { id, label, properties: {} });
      else ids.add(id);
    }
  for (const node of batch.nodes) bare.delete(node.id);
  const found = await store.findNodes([...ids]);
  return new Map([...bare, ...found.map((node) => [node.id, node] as const)]);
}

/**
 * The batch, merged with the nodes and edges of the same ids that the store holds. `stored` is
 * storedNodes' answer for this batch, when the caller already has it. An edge can only be stored
 * when both its endpoints are, so only those edges are looked up.
 */
export async function mergeCarried(
  store: GraphStore,
  batch: GraphBatch,
  given?: Map<string, GraphNode>,
): Promise<GraphBatch> {
  const stored = given ?? (await storedNodes(store, batch));
  const candidates = batch.edges.filter((edge) => stored.has(edge.source) && stored.has(edge.target));
  const existingEdges = new Map(
    (await store.findEdges(candidates.map((edge) => edge.id))).map((edge) => [edge.id, edge]),
  );
  return {
    nodes: batch.nodes.map((node) => {
      const existing = stored.get(node.id);
      return existing ? mergeNodeCarried(existing, node) : node;
    }),
    edges: batch.edges.map((edge) => {
      const existing = existingEdges.get(edge.id);
      return existing ? mergeCarriedEdge(existing, edge) : edge;
    }),
  };
}
