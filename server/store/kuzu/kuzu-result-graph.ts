/**
 * Builds `{nodes, edges}` from the values of a Kuzu result (nodes, relationships, paths, and
 * lists of them), so a console query's result can be drawn. Relationships whose endpoints are
 * not in the result get them fetched by internal id.
 */
import type { Connection } from '@ladybugdb/core';
import type { GraphBatch, GraphEdge, GraphNode } from '../../domain/graph.js';
import {
  internalKey,
  isKuzuNode,
  isKuzuPath,
  isKuzuRel,
  toGraphEdge,
  toGraphNode,
  toPlain,
  type KuzuNode,
  type KuzuRel,
} from './kuzu-values.js';

export interface CollectedValues {
  nodes: Map<string, KuzuNode>;
  rels: Map<string, KuzuRel>;
}

export function collectGraphValues(value: unknown, into: CollectedValues): void {
  if (isKuzuRel(value)) {
    into.rels.set(internalKey(value._id), value);
  } else if (isKuzuNode(value)) {
    into.nodes.set(internalKey(value._id), value);
  } else if (isKuzuPath(value)) {
    value._nodes.forEach((inner) => collectGraphValues(inner, into));
    value._rels.forEach((inner) => collectGraphValues(inner, into));
  } else if (Array.isArray(value)) {
    value.forEach((inner) => collectGraphValues(inner, into));
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    Object.values(value).forEach((inner) => collectGraphValues(inner, into));
  }
}

async function fetchMissingEndpoints(connection: Connection, collected: CollectedValues): Promise<void> {
  const missing = new Map<number, Set<number>>();
  for (const rel of collected.rels.values()) {
    for (const end of [rel._src, rel._dst]) {
      if (collected.nodes.has(internalKey(end))) continue;
      const offsets = missing.get(end.table) ?? new Set<number>();
      offsets.add(Number(end.offset));
      missing.set(end.table, offsets);
    }
  }
  if (missing.size === 0) return;
  const tables = await allRows(connection, 'CALL show_tables() RETURN id, name');
  const nameById = new Map(tables.map((row) => [Number(row.id), String(row.name)]));
  for (const [tableId, offsets] of missing) {
    const name = nameById.get(tableId);
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    const prepared = await connection.prepare(`MATCH (n:${name}) WHERE offset(id(n)) IN $offsets RETURN n`);
    const result = await connection.execute(prepared, { offsets: [...offsets] });
    const single = Array.isArray(result) ? result[0] : result;
    for (const row of single.getAllSync()) collectGraphValues(row.n, collected);
    single.close();
  }
}

async function allRows(connection: Connection, statement: string): Promise<Record<string, unknown>[]> {
  const result = await connection.query(statement);
  const single = Array.isArray(result) ? result[0] : result;
  const rows = single.getAllSync();
  single.close();
  return rows;
}

export interface ResultGraph {
  graph: GraphBatch;
  /** Internal Kuzu id (`table:offset`) -> node, to render relationship cells. */
  nodeByKey: Map<string, GraphNode>;
}

export async function graphFromValues(connection: Connection, values: unknown[]): Promise<ResultGraph> {
  const collected: CollectedValues = { nodes: new Map(), rels: new Map() };
  values.forEach((value) => collectGraphValues(value, collected));
  await fetchMissingEndpoints(connection, collected);
  const nodes = new Map<string, GraphNode>();
  for (const [key, value] of collected.nodes) nodes.set(key, toGraphNode(value));
  const edges: GraphEdge[] = [];
  for (const rel of collected.rels.values()) {
    const source = nodes.get(internalKey(rel._src));
    const target = nodes.get(internalKey(rel._dst));
    if (source && target) edges.push(toGraphEdge(rel, source, target));
  }
  return { graph: { nodes: [...nodes.values()], edges }, nodeByKey: nodes };
}

/** A cell of a console result as JSON: graph values in the API's node/edge shape. */
export function plainCell(value: unknown, nodeByKey: Map<string, GraphNode>): unknown {
  if (isKuzuRel(value)) {
    const source = nodeByKey.get(internalKey(value._src));
    const target = nodeByKey.get(internalKey(value._dst));
    if (source && target) {
      const edge = toGraphEdge(value, source, target);
      return { id: edge.id, type: edge.type, source: edge.source, target: edge.target, properties: edge.properties };
    }
    return toPlain(value);
  }
  if (isKuzuNode(value)) return toGraphNode(value);
  if (isKuzuPath(value)) {
    return {
      nodes: value._nodes.map((n) => plainCell(n, nodeByKey)),
      edges: value._rels.map((r) => plainCell(r, nodeByKey)),
    };
  }
  if (Array.isArray(value)) return value.map((inner) => plainCell(inner, nodeByKey));
  return toPlain(value);
}
