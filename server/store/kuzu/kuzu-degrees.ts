/**
 * Each node's degree kept on the node itself, in the internal column `_degree` of every node table
 * (added on every read-write open by addMissingDegrees, not in cypher/kuzu/schema.cypher): the number of relationships touching it, all types, both directions,
 * as `OPTIONAL MATCH (n)-[e]-()` counts them (a self-loop twice). The neighbours and the overview
 * rank by it, so that they read one number per node instead of every neighbour's adjacency list
 * (a hub's 27,000 relationships at 1M nodes).
 *
 * Kept true by recounting, not by adding: after a write, inside its transaction, the endpoints of
 * the batch's relationships are counted again from their adjacency lists. A relationship the
 * write only updated (a re-import) is counted once as before, and a killed write leaves no wrong
 * degree because the recount commits with the rows. The writer is the only writer: the console
 * opens the database read-only (console/read-only-guard.ts, a read-only child process).
 *
 * The leading underscore keeps the column out of every node's properties (kuzu-values.ts skips
 * `_` keys) and it is not in server/domain/schema.ts, so exports and the API never carry it.
 */
import type { GraphEdge, NodeLabel } from '../../domain/graph.js';
import { NODE_LABELS } from '../../domain/graph.js';

export const DEGREE_COLUMN = '_degree';

type Rows = (statement: string, params?: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

/** Ids per statement: one primary-key lookup and one adjacency count each. */
const CHUNK = 2000;

/** Sets the degree of the nodes of `label` with these ids from a fresh count. */
function recountStatement(label: NodeLabel): string {
  return (
    `UNWIND $ids AS key MATCH (n:${label} {id: key}) OPTIONAL MATCH (n)-[e]-() ` +
    `WITH n, count(e) AS degree SET n.${DEGREE_COLUMN} = degree`
  );
}

/** Sets the degree of every node of `label` from a fresh count: one scan of the table and its adjacency. */
function fillStatement(label: NodeLabel): string {
  return `MATCH (n:${label}) OPTIONAL MATCH (n)-[e]-() WITH n, count(e) AS degree SET n.${DEGREE_COLUMN} = degree`;
}

/**
 * Recounts the degree of both endpoints of every relationship in `edges` (those that exist: an
 * endpoint the write left out matches nothing). Run inside the write's transaction, after its rows.
 */
export async function recountDegrees(rows: Rows, edges: GraphEdge[]): Promise<void> {
  const byLabel = new Map<NodeLabel, Set<string>>();
  for (const edge of edges) {
    for (const [id, label] of [
      [edge.source, edge.sourceLabel],
      [edge.target, edge.targetLabel],
    ] as Array<[string, NodeLabel]>) {
      if (!byLabel.has(label)) byLabel.set(label, new Set());
      byLabel.get(label)!.add(id);
    }
  }
  for (const [label, idSet] of byLabel) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += CHUNK) await rows(recountStatement(label), { ids: ids.slice(i, i + CHUNK) });
  }
}

/** The node tables that have the degree column. */
async function tablesWithDegree(rows: Rows): Promise<Set<NodeLabel>> {
  const found = new Set<NodeLabel>();
  for (const label of NODE_LABELS) {
    const columns = await rows(`CALL table_info('${label}') RETURN name`);
    if (columns.some((row) => row.name === DEGREE_COLUMN)) found.add(label);
  }
  return found;
}

/** Whether every node table has the degree column (a database made before it was added has none). */
export async function hasStoredDegrees(rows: Rows): Promise<boolean> {
  return (await tablesWithDegree(rows)).size === NODE_LABELS.length;
}

/**
 * Gives a database made before the degree column existed its column, filled from a count: each
 * table's column is added and filled in one transaction, so a process killed half-way leaves
 * tables either without the column (done on the next open) or with true degrees. Returns the
 * tables filled. Needs a read-write connection with no transaction open.
 */
export async function addMissingDegrees(rows: Rows): Promise<NodeLabel[]> {
  const present = await tablesWithDegree(rows);
  const missing = NODE_LABELS.filter((label) => !present.has(label));
  for (const label of missing) {
    await rows('BEGIN TRANSACTION');
    try {
      await rows(`ALTER TABLE ${label} ADD ${DEGREE_COLUMN} INT64 DEFAULT 0`);
      await rows(fillStatement(label));
      await rows('COMMIT');
    } catch (error) {
      await rows('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  return missing;
}

/** Counts every node's degree again (after a bulk load that bypassed the writer). */
export async function fillAllDegrees(rows: Rows): Promise<void> {
  for (const label of NODE_LABELS) await rows(fillStatement(label));
}
