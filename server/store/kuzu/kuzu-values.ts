/**
 * Turns Kuzu result values into plain JSON and into graph elements. Kuzu returns nodes as
 * `{_id: {table, offset}, _label, ...properties}`, relationships with `_src`/`_dst` internal ids,
 * and paths as `{_nodes, _rels}`.
 */
import type { GraphEdge, GraphNode, NodeLabel, Properties, PropValue, RelType } from '../../domain/graph.js';
import { NODE_PROPS, REL_PROPS } from '../../domain/schema.js';

interface InternalId {
  table: number;
  offset: number;
}

export interface KuzuNode {
  _id: InternalId;
  _label: string;
  [key: string]: unknown;
}

export interface KuzuRel {
  _id: InternalId;
  _src: InternalId;
  _dst: InternalId;
  _label: string;
  [key: string]: unknown;
}

export function internalKey(id: InternalId): string {
  return `${id.table}:${id.offset}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isInternalId(value: unknown): value is InternalId {
  return isRecord(value) && typeof value.table === 'number' && typeof value.offset === 'number';
}

export function isKuzuNode(value: unknown): value is KuzuNode {
  return isRecord(value) && isInternalId(value._id) && typeof value._label === 'string' && !('_src' in value);
}

export function isKuzuRel(value: unknown): value is KuzuRel {
  return isRecord(value) && isInternalId(value._id) && isInternalId(value._src) && isInternalId(value._dst);
}

export function isKuzuPath(value: unknown): value is { _nodes: unknown[]; _rels: unknown[] } {
  return isRecord(value) && Array.isArray(value._nodes) && Array.isArray(value._rels);
}

/** Any Kuzu value as JSON: bigints become numbers (or strings when too large), dates ISO strings. */
export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}

/**
 * A node's or relationship's properties, less its id (read apart) and the engine's own fields
 * (`_id`, `_label`, …). A match over several tables (`MATCH (n)`) returns the union of their
 * columns, null where a table lacks one: keep only the columns the label declares (all non-null
 * ones for unknown labels). Built by `for…in`, with no `delete` of the id after: the `delete` turned
 * every node and relationship of an export into a slow dictionary object, and Object.entries'
 * array of pairs per row was most of the conversion's garbage.
 */
function propertiesOf(value: Record<string, unknown>, declared: Record<string, unknown> | undefined): Properties {
  const properties: Properties = {};
  for (const key in value) {
    if (key === 'id' || key.startsWith('_')) continue;
    const inner = value[key];
    if (declared ? !(key in declared) : inner === null) continue;
    // Kuzu stores an empty list as null; the model says "no aliases" with [].
    properties[key] = (inner === null && declared?.[key] === 'string[]' ? [] : toPlain(inner)) as PropValue;
  }
  return properties;
}

export function toGraphNode(value: KuzuNode): GraphNode {
  const id = typeof value.id === 'string' ? value.id : `_${internalKey(value._id)}`;
  return {
    id,
    label: value._label as NodeLabel,
    properties: propertiesOf(value, NODE_PROPS[value._label as NodeLabel]),
  };
}

/** Needs the endpoints' ids and labels, which a rel value only knows as internal ids. */
export function toGraphEdge(value: KuzuRel, source: GraphNode, target: GraphNode): GraphEdge {
  return {
    id: typeof value.id === 'string' ? value.id : `_${internalKey(value._id)}`,
    type: value._label as RelType,
    source: source.id,
    target: target.id,
    sourceLabel: source.label,
    targetLabel: target.label,
    properties: propertiesOf(value, REL_PROPS[value._label as RelType]),
  };
}

/**
 * A node read as columns, one per property (`n.id AS id, n.name AS name, …`: see kuzu-pages.ts).
 * The same properties as toGraphNode, without the engine building a struct per row first.
 */
export function nodeFromColumns(label: NodeLabel, row: Record<string, unknown>): GraphNode {
  return { id: String(row.id), label, properties: propertiesOf(row, NODE_PROPS[label]) };
}

/** A relationship read as columns: its ends' ids (`source`, `target`) and one column per property. */
export function edgeFromColumns(
  type: RelType,
  sourceLabel: NodeLabel,
  targetLabel: NodeLabel,
  row: Record<string, unknown>,
): GraphEdge {
  return {
    id: String(row.id),
    type,
    source: String(row.source),
    target: String(row.target),
    sourceLabel,
    targetLabel,
    properties: propertiesOf(row, REL_PROPS[type]),
  };
}
