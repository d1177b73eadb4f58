/**
 * Console queries on Neo4j: the guards (neo4j-console-guard.ts), a READ session (the database itself
 * refuses writes), a plan of type read, a transaction timeout, a row limit while streaming, and EXPLAIN first so that an unknown label or
 * relationship type is reported as Kuzu reports it (Neo4j only warns), and a byte cap counted
 * row by row (ResponseBudget).
 */
import type { Driver, Node, Relationship } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { QueryError } from '../../domain/errors.js';
import type { GraphEdge, GraphNode } from '../../domain/graph.js';
import { checkConsoleQuery } from '../console/read-only-guard.js';
import { ResponseBudget } from '../console/response-budget.js';
import { checkNeo4jConsoleQuery, checkPlanIsRead } from './neo4j-console-guard.js';
import { toGraphEdge, toGraphNode, toNeo4jParams, toPlain } from './neo4j-values.js';

const UNKNOWN_SCHEMA = /UnknownLabelWarning|UnknownRelationshipTypeWarning/;

export interface ConsoleOutcome {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  truncated: boolean;
}

function collect(value: unknown, nodes: Map<string, Node>, rels: Map<string, Relationship>): void {
  if (value === null || typeof value !== 'object') return;
  if (neo4j.isNode(value)) nodes.set(value.elementId, value);
  else if (neo4j.isRelationship(value)) rels.set(value.elementId, value);
  else if (neo4j.isPath(value)) {
    nodes.set(value.start.elementId, value.start);
    nodes.set(value.end.elementId, value.end);
    for (const segment of value.segments) {
      nodes.set(segment.start.elementId, segment.start);
      nodes.set(segment.end.elementId, segment.end);
      rels.set(segment.relationship.elementId, segment.relationship);
    }
  } else if (Array.isArray(value)) value.forEach((inner) => collect(inner, nodes, rels));
  else if (!neo4j.isInt(value)) Object.values(value).forEach((inner) => collect(inner, nodes, rels));
}

function cell(value: unknown, byElementId: Map<string, GraphNode>): unknown {
  if (value !== null && typeof value === 'object') {
    if (neo4j.isNode(value)) return byElementId.get(value.elementId) ?? toGraphNode(value);
    if (neo4j.isRelationship(value)) {
      const source = byElementId.get(value.startNodeElementId);
      const target = byElementId.get(value.endNodeElementId);
      if (source && target) {
        const edge = toGraphEdge(value, source, target);
        return { id: edge.id, type: edge.type, source: edge.source, target: edge.target, properties: edge.properties };
      }
    }
    if (neo4j.isPath(value)) {
      return {
        nodes: [value.start, ...value.segments.map((s) => s.end)].map((n) => cell(n, byElementId)),
        edges: value.segments.map((s) => cell(s.relationship, byElementId)),
      };
    }
    if (Array.isArray(value)) return value.map((inner) => cell(inner, byElementId));
  }
  return toPlain(value);
}

export async function runConsoleQuery(
  driver: Driver,
  database: string | undefined,
  query: string,
  params: Record<string, unknown>,
  options: { limit: number; timeoutMs: number; maxResponseBytes: number },
): Promise<ConsoleOutcome> {
  checkConsoleQuery(query, params);
  checkNeo4jConsoleQuery(query);
  const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...(database ? { database } : {}) });
  try {
    const neo4jParams = toNeo4jParams(params) as Record<string, unknown>;
    const explained = await session.run(`EXPLAIN ${query}`, neo4jParams, { timeout: options.timeoutMs });
    const unknown = explained.summary.notifications.find((n) => UNKNOWN_SCHEMA.test(n.code));
    if (unknown) throw new QueryError(`${unknown.title}: ${unknown.description}`);
    checkPlanIsRead(explained.summary.queryType);

    const result = session.run(query, neo4jParams, { timeout: options.timeoutMs });
    const columns = [...(await result.keys())];
    const records: Array<Record<string, unknown>> = [];
    const budget = new ResponseBudget(options.maxResponseBytes);
    let truncated = false;
    for await (const record of result) {
      if (records.length === options.limit) {
        truncated = true;
        break;
      }
      const row = record.toObject();
      budget.add(row);
      records.push(row);
    }
    const nodes = new Map<string, Node>();
    const rels = new Map<string, Relationship>();
    records.forEach((record) => collect(record, nodes, rels));
    const missing = [...rels.values()]
      .flatMap((r) => [r.startNodeElementId, r.endNodeElementId])
      .filter((id) => !nodes.has(id));
    if (missing.length > 0) {
      const found = await session.run('MATCH (n) WHERE elementId(n) IN $ids RETURN n', { ids: [...new Set(missing)] });
      for (const record of found.records) collect(record.get('n'), nodes, rels);
    }
    const byElementId = new Map([...nodes].map(([elementId, node]) => [elementId, toGraphNode(node)]));
    const edges: GraphEdge[] = [];
    for (const rel of rels.values()) {
      const source = byElementId.get(rel.startNodeElementId);
      const target = byElementId.get(rel.endNodeElementId);
      if (source && target) edges.push(toGraphEdge(rel, source, target));
    }
    const rows = records.map((record) =>
      Object.fromEntries(columns.map((column) => [column, cell(record[column], byElementId)])),
    );
    return { columns, rows, graph: { nodes: [...byElementId.values()], edges }, truncated };
  } finally {
    await session.close();
  }
}
