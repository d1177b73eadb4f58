/**
 * Turns neo4j-driver values into plain JSON and graph elements. Properties a label declares but
 * Neo4j does not store (Neo4j drops nulls) come back as null or [], exactly as from Kuzu.
 */
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { GraphEdge, GraphNode, NodeLabel, Properties, PropValue, RelType } from '../../domain/graph.js';
import { NODE_PROPS, REL_PROPS, type PropType } from '../../domain/schema.js';

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isNode(value)) return toGraphNode(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  ) {
    return String(value);
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}

function propertiesOf(raw: Record<string, unknown>, declared: Record<string, PropType> | undefined): Properties {
  const properties: Properties = {};
  for (const [key, type] of Object.entries(declared ?? {})) {
    if (key !== 'id') properties[key] = type === 'string[]' ? [] : null;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'id') continue;
    properties[key] = toPlain(value) as PropValue;
  }
  return properties;
}

export function toGraphNode(node: Node): GraphNode {
  const label = (node.labels[0] ?? 'Node') as NodeLabel;
  const raw = node.properties as Record<string, unknown>;
  const id = typeof raw.id === 'string' ? raw.id : `_${node.elementId}`;
  return { id, label, properties: propertiesOf(raw, NODE_PROPS[label]) };
}

export function toGraphEdge(rel: Relationship, source: GraphNode, target: GraphNode): GraphEdge {
  const raw = rel.properties as Record<string, unknown>;
  const id = typeof raw.id === 'string' ? raw.id : `_${rel.elementId}`;
  return {
    id,
    type: rel.type as RelType,
    source: source.id,
    target: target.id,
    sourceLabel: source.label,
    targetLabel: target.label,
    properties: propertiesOf(raw, REL_PROPS[rel.type as RelType]),
  };
}

/** Parameters for Neo4j: whole numbers become Integers (LIMIT, SKIP and int columns need them). */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toNeo4jParams(inner);
    return out;
  }
  return value;
}
