/**
 * Writes a GraphBatch into LadybugDB: one `UNWIND ... MERGE` per label and per relationship table
 * and chunk, all inside one explicit transaction. The statements are generated from
 * server/domain/schema.ts so that the written columns can never drift from the declared ones.
 *
 * The values go in column by column, one list parameter per property (`$confidence[i]`), not as a
 * list of row structs: LadybugDB types a struct from its JavaScript values, so `{confidence: 1}`
 * is STRUCT(confidence INT64), `{confidence: 0.5}` STRUCT(confidence DOUBLE), and a list holding
 * both is refused. A list of plain numbers is widened to DOUBLE, and each column is cast to its
 * schema type. A column that holds nothing in a chunk (all null, or all empty lists) has no type
 * at all and stops the engine ("UNREACHABLE_CODE", measured on 0.19.1), so it is written as a
 * typed literal instead of a parameter.
 */
import type { Connection } from '@ladybugdb/core';
import type { GraphBatch, GraphEdge, GraphNode, NodeLabel, RelType } from '../../domain/graph.js';
import { NODE_PROPS, REL_PROPS, type PropType } from '../../domain/schema.js';

const CHUNK = 500;

const COLUMN_TYPE: Record<PropType, string> = {
  string: 'STRING',
  int: 'INT64',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  'string[]': 'STRING[]',
};

type Columns = Record<string, unknown[]>;

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** The columns with nothing in them: written as literals, see above. */
export function emptyColumns(columns: Columns): Set<string> {
  return new Set(Object.keys(columns).filter((key) => columns[key].every(isEmptyValue)));
}

function setClause(variable: string, props: Record<string, PropType>, empty: Set<string>, skip: string[] = []): string {
  return Object.entries(props)
    .filter(([key]) => !skip.includes(key))
    .map(([key, type]) => {
      const value = empty.has(key) ? (type === 'string[]' ? '[]' : 'NULL') : `$${key}[i]`;
      return `${variable}.${key} = CAST(${value} AS ${COLUMN_TYPE[type]})`;
    })
    .join(', ');
}

export function nodeUpsertStatement(label: NodeLabel, empty: Set<string>): string {
  return `UNWIND range(1, size($id)) AS i MERGE (n:${label} {id: $id[i]}) SET ${setClause('n', NODE_PROPS[label], empty)}`;
}

export function edgeUpsertStatement(type: RelType, from: NodeLabel, to: NodeLabel, empty: Set<string>): string {
  return (
    `UNWIND range(1, size($id)) AS i MATCH (a:${from} {id: $source[i]}), (b:${to} {id: $target[i]}) ` +
    `MERGE (a)-[e:${type} {id: $id[i]}]->(b) SET ${setClause('e', REL_PROPS[type], empty, ['id'])}`
  );
}

function nodeRow(node: GraphNode): Record<string, unknown> {
  const row: Record<string, unknown> = { id: node.id };
  for (const key of Object.keys(NODE_PROPS[node.label])) row[key] = node.properties[key] ?? null;
  return row;
}

function edgeRow(edge: GraphEdge): Record<string, unknown> {
  const row: Record<string, unknown> = { id: edge.id, source: edge.source, target: edge.target };
  for (const key of Object.keys(REL_PROPS[edge.type])) {
    if (key !== 'id') row[key] = edge.properties[key] ?? null;
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

/** Rows (all with the same keys) as one list per key. */
export function toColumns(rows: Record<string, unknown>[]): Columns {
  const columns: Columns = {};
  for (const key of Object.keys(rows[0] ?? {})) columns[key] = rows.map((row) => row[key]);
  return columns;
}

async function runChunks(
  connection: Connection,
  statementFor: (empty: Set<string>) => string,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const columns = toColumns(rows.slice(i, i + CHUNK));
    const empty = emptyColumns(columns);
    for (const key of empty) delete columns[key];
    const prepared = await connection.prepare(statementFor(empty));
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    const result = await connection.execute(prepared, columns as never);
    for (const each of Array.isArray(result) ? result : [result]) each.close();
  }
}

async function runSimple(connection: Connection, statement: string): Promise<void> {
  const result = await connection.query(statement);
  for (const each of Array.isArray(result) ? result : [result]) each.close();
}

/** All or nothing: on any error the transaction is rolled back and the error rethrown. */
export async function writeBatchInTransaction(connection: Connection, batch: GraphBatch): Promise<void> {
  await runSimple(connection, 'BEGIN TRANSACTION');
  try {
    for (const [label, nodes] of groupBy(batch.nodes, (node) => node.label)) {
      await runChunks(connection, (empty) => nodeUpsertStatement(label as NodeLabel, empty), nodes.map(nodeRow));
    }
    const byTable = groupBy(batch.edges, (edge) => `${edge.type}|${edge.sourceLabel}|${edge.targetLabel}`);
    for (const [key, edges] of byTable) {
      const [type, from, to] = key.split('|') as [RelType, NodeLabel, NodeLabel];
      await runChunks(connection, (empty) => edgeUpsertStatement(type, from, to, empty), edges.map(edgeRow));
    }
    await runSimple(connection, 'COMMIT');
  } catch (error) {
    // The engine rolls back by itself after a failed statement; ROLLBACK then fails, which is fine.
    await runSimple(connection, 'ROLLBACK').catch(() => undefined);
    throw error;
  }
}
