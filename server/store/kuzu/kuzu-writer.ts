/**
 * Writes a GraphBatch into Kuzu: `UNWIND $rows ... MERGE` per label and per relationship table,
 * all inside one explicit transaction. The statements are generated from server/domain/schema.ts
 * so that the written columns can never drift from the declared ones.
 */
import type kuzu from 'kuzu';
import type { GraphBatch, GraphEdge, GraphNode, NodeLabel, RelType } from '../../domain/graph.js';
import { NODE_PROPS, REL_PROPS, type PropType } from '../../domain/schema.js';

const CHUNK = 500;

const KUZU_TYPE: Record<PropType, string> = {
  string: 'STRING',
  int: 'INT64',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  'string[]': 'STRING[]',
};

/**
 * Kuzu types `$rows` from the values: a column that is null (or an empty list) in every row of a
 * chunk has no type and fails ("vector with ANY type"). Such columns are written as typed literals.
 */
function untypedColumns(rows: Record<string, unknown>[], props: Record<string, PropType>): Set<string> {
  const untyped = new Set<string>();
  for (const key of Object.keys(props)) {
    const typed = rows.some((row) => {
      const value = row[key];
      return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
    });
    if (!typed) untyped.add(key);
  }
  return untyped;
}

function setClause(
  variable: string,
  props: Record<string, PropType>,
  rows: Record<string, unknown>[],
  skip: string[] = [],
): string {
  const untyped = untypedColumns(rows, props);
  return Object.entries(props)
    .filter(([key]) => !skip.includes(key))
    .map(([key, type]) => {
      const kuzuType = KUZU_TYPE[type];
      if (!untyped.has(key)) return `${variable}.${key} = CAST(r.${key} AS ${kuzuType})`;
      return `${variable}.${key} = CAST(${type === 'string[]' ? '[]' : 'NULL'} AS ${kuzuType})`;
    })
    .join(', ');
}

export function nodeUpsertStatement(label: NodeLabel, rows: Record<string, unknown>[]): string {
  return `UNWIND $rows AS r MERGE (n:${label} {id: r.id}) SET ${setClause('n', NODE_PROPS[label], rows)}`;
}

export function edgeUpsertStatement(
  type: RelType,
  from: NodeLabel,
  to: NodeLabel,
  rows: Record<string, unknown>[],
): string {
  return (
    `UNWIND $rows AS r MATCH (a:${from} {id: r.source}), (b:${to} {id: r.target}) ` +
    `MERGE (a)-[e:${type} {id: r.id}]->(b) SET ${setClause('e', REL_PROPS[type], rows, ['id'])}`
  );
}

function nodeRow(node: GraphNode): Record<string, unknown> {
  const row: Record<string, unknown> = { id: node.id };
  for (const [key, type] of Object.entries(NODE_PROPS[node.label])) {
    row[key] = node.properties[key] ?? (type === 'string[]' ? [] : null);
  }
  return row;
}

function edgeRow(edge: GraphEdge): Record<string, unknown> {
  const row: Record<string, unknown> = { id: edge.id, source: edge.source, target: edge.target };
  for (const [key, type] of Object.entries(REL_PROPS[edge.type])) {
    if (key === 'id') continue;
    row[key] = edge.properties[key] ?? (type === 'string[]' ? [] : null);
  }
  return row;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Drops untyped (all-null) keys from the rows: their values are literals in the statement. */
function withoutKeys(rows: Record<string, unknown>[], keys: Set<string>): Record<string, unknown>[] {
  if (keys.size === 0) return rows;
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.has(key))));
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/**
 * Kuzu types a list parameter from its first element: a row whose list is empty (or null) first
 * gives "ANY" and fails. Rows are therefore written in groups of the same shape, where each column
 * is either empty in every row (a typed literal) or filled in every row.
 */
async function runChunks(
  connection: kuzu.Connection,
  statementFor: (chunk: Record<string, unknown>[]) => string,
  props: Record<string, PropType>,
  rows: Record<string, unknown>[],
): Promise<void> {
  const keys = Object.keys(props);
  const shapes = groupBy(rows, (row) => keys.map((key) => (isEmptyValue(row[key]) ? '0' : '1')).join(''));
  for (const shaped of shapes.values()) await runShapedChunks(connection, statementFor, props, shaped);
}

async function runShapedChunks(
  connection: kuzu.Connection,
  statementFor: (chunk: Record<string, unknown>[]) => string,
  props: Record<string, PropType>,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const prepared = await connection.prepare(statementFor(chunk));
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    const result = await connection.execute(prepared, {
      rows: withoutKeys(chunk, untypedColumns(chunk, props)),
    } as never);
    for (const each of Array.isArray(result) ? result : [result]) each.close();
  }
}

async function runSimple(connection: kuzu.Connection, statement: string): Promise<void> {
  const result = await connection.query(statement);
  for (const each of Array.isArray(result) ? result : [result]) each.close();
}

/** All or nothing: on any error the transaction is rolled back and the error rethrown. */
export async function writeBatchInTransaction(connection: kuzu.Connection, batch: GraphBatch): Promise<void> {
  await runSimple(connection, 'BEGIN TRANSACTION');
  try {
    for (const [label, nodes] of groupBy(batch.nodes, (node) => node.label)) {
      const nodeLabel = label as NodeLabel;
      await runChunks(
        connection,
        (rows) => nodeUpsertStatement(nodeLabel, rows),
        NODE_PROPS[nodeLabel],
        nodes.map(nodeRow),
      );
    }
    const byTable = groupBy(batch.edges, (edge) => `${edge.type}|${edge.sourceLabel}|${edge.targetLabel}`);
    for (const [key, edges] of byTable) {
      const [type, from, to] = key.split('|') as [RelType, NodeLabel, NodeLabel];
      await runChunks(
        connection,
        (rows) => edgeUpsertStatement(type, from, to, rows),
        REL_PROPS[type],
        edges.map(edgeRow),
      );
    }
    await runSimple(connection, 'COMMIT');
  } catch (error) {
    // Kuzu rolls back by itself after a failed statement; ROLLBACK then fails, which is fine.
    await runSimple(connection, 'ROLLBACK').catch(() => undefined);
    throw error;
  }
}
