/**
 * Each node's degree kept on the node itself, in the internal column `_degree` of every node table
 * (added on every read-write open by addMissingDegrees, not in cypher/kuzu/schema.cypher): the
 * number of relationships touching it, all types, both directions, as `OPTIONAL MATCH (n)-[e]-()`
 * counts them (a self-loop twice). The neighbours and the overview
 * rank by it, so that they read one number per node instead of every neighbour's adjacency list
 * (a hub's 27,000 relationships at 1M nodes).
 *
 * Kept true by adding, inside the write's transaction: each endpoint of a relationship the write
 * inserted gets one more (a relationship the write only updated, as on a re-import, adds nothing),
 * so a killed write leaves no wrong degree because the additions commit with the rows. Recounting
 * the endpoints instead read each one's whole adjacency list on every write: a hub touched by every
 * batch made each write cost more as the graph grew (5,000 articles: 112 s without any upkeep,
 * 132–151 s recounting). The writer is the only writer and never deletes: the console opens the
 * database read-only (console/read-only-guard.ts, a read-only child process).
 *
 * The leading underscore keeps the column out of every node's properties (kuzu-values.ts skips
 * `_` keys) and it is not in server/domain/schema.ts, so exports and the API never carry it.
 */
import type { NodeLabel } from '../../domain/graph.js';
import { NODE_LABELS } from '../../domain/graph.js';
import { groupBy } from '../../domain/group-by.js';

export const DEGREE_COLUMN = '_degree';

type Rows = (statement: string, params?: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

/** Ids per statement: one primary-key lookup each. */
const CHUNK = 2000;

/** Adds `$add` to the degree of the nodes of `label` with these ids (one primary-key lookup each). */
function addStatement(label: NodeLabel): string {
  return (
    `UNWIND $ids AS key MATCH (n:${label} {id: key}) ` +
    `SET n.${DEGREE_COLUMN} = coalesce(n.${DEGREE_COLUMN}, 0) + $add`
  );
}

/** Sets the degree of every node of `label` from a fresh count: one scan of the table and its adjacency. */
function fillStatement(label: NodeLabel): string {
  return `MATCH (n:${label}) OPTIONAL MATCH (n)-[e]-() WITH n, count(e) AS degree SET n.${DEGREE_COLUMN} = degree`;
}

/** A relationship the write inserted, by its two ends. */
export interface InsertedEnds {
  source: string;
  sourceLabel: NodeLabel;
  target: string;
  targetLabel: NodeLabel;
}

/**
 * What the relationships a write inserted add to their endpoints' degrees (a self-loop adds two,
 * as a count gives it), gathered as the write goes, then written by write() inside the write's
 * transaction, after its rows. Nodes are grouped by how much they gain, so each statement has
 * one number to add and the same plan as a lookup by key.
 */
export class DegreeGains {
  private readonly gains = new Map<string, { label: NodeLabel; add: number }>();

  add(edge: InsertedEnds): void {
    for (const [id, label] of [
      [edge.source, edge.sourceLabel],
      [edge.target, edge.targetLabel],
    ] as Array<[string, NodeLabel]>) {
      const key = `${label}|${id}`;
      const gain = this.gains.get(key) ?? { label, add: 0 };
      gain.add += 1;
      this.gains.set(key, gain);
    }
  }

  async write(rows: Rows): Promise<void> {
    const groups = groupBy([...this.gains], ([, gain]) => `${gain.label}|${gain.add}`);
    for (const [, group] of groups) {
      const { label, add } = group[0][1];
      const ids = group.map(([key]) => key.slice(label.length + 1));
      for (let i = 0; i < ids.length; i += CHUNK)
        await rows(addStatement(label), { ids: ids.slice(i, i + CHUNK), add });
    }
  }
}

/** Adds the relationships a write inserted to their endpoints' degrees (DegreeGains at once). */
export async function addInsertedToDegrees(rows: Rows, inserted: InsertedEnds[]): Promise<void> {
  const gains = new DegreeGains();
  for (const edge of inserted) gains.add(edge);
  await gains.write(rows);
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
