/**
 * Merges a new batch with what the store already holds, so a fact seen in an earlier import keeps
 * its evidence and an entity keeps the aliases it was known by: one fact, many pieces of evidence.
 */
import {
  decodeEvidence,
  encodeEvidence,
  type Evidence,
  type GraphBatch,
  type GraphEdge,
  type GraphNode,
  type PropValue,
} from '../domain/graph.js';
import type { GraphStore } from './graph-store.js';

const ENTITY_LABELS = new Set(['Actor', 'Institution', 'Place']);

function unionEvidence(a: PropValue | undefined, b: PropValue | undefined): string | null {
  const seen = new Map<string, Evidence>();
  for (const item of [...decodeEvidence(a), ...decodeEvidence(b)]) seen.set(`${item.documentId}:${item.start}`, item);
  return seen.size === 0 ? null : encodeEvidence([...seen.values()]);
}

function unionList(a: PropValue | undefined, b: PropValue | undefined): string[] {
  const list = (value: PropValue | undefined) => (Array.isArray(value) ? value : []);
  return [...new Set([...list(a), ...list(b)])];
}

function maxNumber(a: PropValue | undefined, b: PropValue | undefined): number | null {
  const numbers = [a, b].filter((value): value is number => typeof value === 'number');
  return numbers.length === 0 ? null : Math.max(...numbers);
}

export function mergeNode(existing: GraphNode, incoming: GraphNode): GraphNode {
  if (!ENTITY_LABELS.has(incoming.label)) return incoming;
  const properties = { ...existing.properties };
  for (const [key, value] of Object.entries(incoming.properties)) if (value !== null) properties[key] = value;
  const name = String(properties.name ?? '');
  const aliases = unionList(existing.properties.aliases, incoming.properties.aliases).filter((alias) => alias !== name);
  properties.aliases = aliases;
  properties.searchText = [name, ...aliases].join(' | ');
  properties.evidence = unionEvidence(existing.properties.evidence, incoming.properties.evidence);
  properties.confidence = maxNumber(existing.properties.confidence, incoming.properties.confidence);
  return { ...incoming, properties };
}

export function mergeEdge(existing: GraphEdge, incoming: GraphEdge): GraphEdge {
  const properties = { ...existing.properties };
  for (const [key, value] of Object.entries(incoming.properties)) if (value !== null) properties[key] = value;
  properties.evidence = unionEvidence(existing.properties.evidence, incoming.properties.evidence);
  properties.confidence = maxNumber(existing.properties.confidence, incoming.properties.confidence);
  return { ...incoming, properties };
}

export async function mergeWithExisting(store: GraphStore, batch: GraphBatch): Promise<GraphBatch> {
  const existingNodes = new Map(
    (await store.findNodes(batch.nodes.map((node) => node.id))).map((node) => [node.id, node]),
  );
  const existingEdges = new Map(
    (await store.findEdges(batch.edges.map((edge) => edge.id))).map((edge) => [edge.id, edge]),
  );
  return {
    nodes: batch.nodes.map((node) => {
      const existing = existingNodes.get(node.id);
      return existing ? mergeNode(existing, node) : node;
    }),
    edges: batch.edges.map((edge) => {
      const existing = existingEdges.get(edge.id);
      return existing ? mergeEdge(existing, edge) : edge;
    }),
  };
}
