/**
 * Writes a GraphBatch into LadybugDB inside one explicit transaction (all or nothing), generated
 * from server/domain/schema.ts so that the written columns can never drift from the declared ones.
 *
 * How, and why so (measured on 0.19.1, bench/write-throughput.ts):
 * - Rows are split into new and existing first, by primary-key lookups (`MATCH (n:Label {id: x})`
 *   planned as QUERY_PRIMARY_KEY_LOOKUP). A relationship can only exist already when both its
 *   endpoints did, so only those are looked up, through the source node's adjacency.
 * - New rows of a table go in by the engine's bulk path, `COPY table FROM 'file.csv'` (files in a
 *   temporary directory named after the process, see kuzu-csv.ts; a killed write's directory is
 *   removed by the next write), when there are at least BULK_MIN_ROWS of them, else by
 *   `UNWIND ... CREATE`. COPY runs inside the explicit transaction and is undone by ROLLBACK,
 *   into empty and non-empty tables alike.
 * - Existing rows are updated by `UNWIND ... MATCH (n:Label {id}) SET`.
 * - A write may come in parts (GraphParts, the import's statements): the new rows of every part go
 *   into one CSV file per table, copied once at the end (RowsAtEnd), or, fewer than BULK_MIN_ROWS,
 *   created by UNWIND at the end.
 * - Endpoints are matched in two MATCH clauses: written as one comma-separated pattern
 *   `MATCH (a:From {id: ..}), (b:To {id: ..})` the planner scans both node tables and builds their
 *   cross product (quadratic in the table sizes), whereas two clauses give two primary-key lookups.
 *   MERGE on a relationship is avoided altogether: its plan scans the whole relationship table.
 *
 * The values of the UNWIND statements go in column by column, one list parameter per property
 * (`$confidence[i]`), not as a list of row structs: LadybugDB types a struct from its JavaScript
 * values, so `{confidence: 1}` is STRUCT(confidence INT64), `{confidence: 0.5}`
 * STRUCT(confidence DOUBLE), and a list holding both is refused. A list of plain numbers is widened
 * to DOUBLE, and each column is cast to its schema type. A column that holds nothing in a chunk (all
 * null, or all empty lists) has no type at all and stops the engine ("UNREACHABLE_CODE"), so it is
 * written as a typed literal instead of a parameter.
 */
import type { Connection, QueryResult } from '@ladybugdb/core';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphBatch, GraphEdge, GraphNode, NodeLabel, RelType } from '../../domain/graph.js';
import { NODE_PROPS, REL_PROPS, type PropType } from '../../domain/schema.js';
import { COPY_CSV_OPTIONS, CsvAppender, isPlainList, writeCsv } from './kuzu-csv.js';
import { madeByDeadProcess, removeFolders } from '../../process-folders.js';
import { oldestPossibleWriter } from './writer-processes.js';
import { groupBy } from '../../domain/group-by.js';
import { DegreeGains } from './kuzu-degrees.js';
import { isParts, type GraphParts, type WriteSummary } from '../graph-store.js';

/** Rows per UNWIND statement. */
const CHUNK = 2000;
/** Below this many new rows in a table, a COPY's fixed cost is more than UNWIND ... CREATE's. */
export const BULK_MIN_ROWS = 200;

export interface WriteOptions {
  /** New rows per table from which COPY FROM is used (Infinity: never, 0: always). */
  bulkMinRows?: number;
}

const COLUMN_TYPE: Record<PropType, string> = {
  string: 'STRING',
  int: 'INT64',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  'string[]': 'STRING[]',
};

type Columns = Record<string, unknown[]>;
type Row = Record<string, unknown>;

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** The columns with nothing in them: written as literals, see above. */
export function emptyColumns(columns: Columns): Set<string> {
  return new Set(Object.keys(columns).filter((key) => columns[key].every(isEmptyValue)));
}

function setClause(variable: string, props: Record<string, PropType>, empty: Set<string>): string {
  return Object.entries(props)
    .filter(([key]) => key !== 'id')
    .map(([key, type]) => {
      const value = empty.has(key) ? (type === 'string[]' ? '[]' : 'NULL') : `$${key}[i]`;
      return `${variable}.${key} = CAST(${value} AS ${COLUMN_TYPE[type]})`;
    })
    .join(', ');
}

const ROWS = 'UNWIND range(1, size($id)) AS i';

/**
 * The rows with their keys bound first: a MATCH on `{id: $id[i]}` is not planned as a primary-key
 * lookup but as a scan of the table per row (2,000 lookups in a 50,000-node table: 11-21 s, against
 * 12-36 ms once the key is bound by WITH, measured on 0.19.1), which made every update and every
 * relationship written by UNWIND cost more the larger the database. A relationship's second
 * endpoint is matched after a WITH too: two MATCH clauses in a row were planned as a hash join of
 * two table scans.
 */
const KEYED_ROWS = `${ROWS} WITH i, $id[i] AS key`;
const EDGE_ROWS = `${ROWS} WITH i, $id[i] AS key, $source[i] AS source, $target[i] AS target`;

function nodeCreateStatement(label: NodeLabel, empty: Set<string>): string {
  return `${ROWS} CREATE (n:${label} {id: $id[i]}) SET ${setClause('n', NODE_PROPS[label], empty)}`;
}

export function nodeUpdateStatement(label: NodeLabel, empty: Set<string>): string {
  return `${KEYED_ROWS} MATCH (n:${label} {id: key}) SET ${setClause('n', NODE_PROPS[label], empty)}`;
}

/** Sets only the list columns (after a COPY that could not carry them). */
export function nodeListStatement(label: NodeLabel, keys: string[], empty: Set<string>): string {
  const lists = Object.fromEntries(keys.map((key) => [key, NODE_PROPS[label][key]]));
  return `${KEYED_ROWS} MATCH (n:${label} {id: key}) SET ${setClause('n', lists, empty)}`;
}

export function edgeCreateStatement(type: RelType, from: NodeLabel, to: NodeLabel, empty: Set<string>): string {
  return (
    `${EDGE_ROWS} MATCH (a:${from} {id: source}) WITH a, i, key, target MATCH (b:${to} {id: target}) ` +
    `CREATE (a)-[e:${type} {id: key}]->(b) SET ${setClause('e', REL_PROPS[type], empty)}`
  );
}

// Its source is a primary-key lookup; the relationship table is still scanned. The form with a WITH
// before the second MATCH (as edgeCreateStatement) wrote an empty string as NULL in the SET that
// follows (0.19.1, test/contract/kuzu-bulk-write.test.ts), so it is not used here. Every UNWIND
// form tried (a WITH, one pattern, a HINT) is planned as a hash join over scans. A statement per
// source node (`MATCH (a {id: $source})-[e]->() WITH e, list_position($id, e.id) AS i WHERE i > 0
// SET ...`), planned as a primary-key scan and the node's adjacency list, was slower: a batch of 100
// articles written again took 14 s against 3.4 s at 1,000 articles and 26.9 s against 4.5 s at
// 4,000 (bench/write-throughput.ts (d), loaded machine): the scans grow slowly, a statement per
// source costs milliseconds each.
const EDGE_MATCH = (type: RelType, from: NodeLabel, to: NodeLabel) =>
  `${EDGE_ROWS} MATCH (a:${from} {id: source}) MATCH (a)-[e:${type}]->(b:${to}) WHERE b.id = target AND e.id = key`;

function edgeUpdateStatement(type: RelType, from: NodeLabel, to: NodeLabel, empty: Set<string>): string {
  return `${EDGE_MATCH(type, from, to)} SET ${setClause('e', REL_PROPS[type], empty)}`;
}

function nodeRow(node: GraphNode): Row {
  const row: Row = { id: node.id };
  for (const key of Object.keys(NODE_PROPS[node.label])) row[key] = node.properties[key] ?? null;
  return row;
}

function edgeRow(edge: GraphEdge): Row {
  const row: Row = { id: edge.id, source: edge.source, target: edge.target };
  for (const key of Object.keys(REL_PROPS[edge.type])) {
    if (key !== 'id') row[key] = edge.properties[key] ?? null;
  }
  return row;
}

/** One item per id, the last one given (as successive MERGEs of the same id would leave it). */
function lastById<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

/** Rows (all with the same keys) as one list per key. */
export function toColumns(rows: Row[]): Columns {
  const columns: Columns = {};
  for (const key of Object.keys(rows[0] ?? {})) columns[key] = rows.map((row) => row[key]);
  return columns;
}

function closeAll(result: QueryResult | QueryResult[]): void {
  for (const each of Array.isArray(result) ? result : [result]) each.close();
}

async function runSimple(connection: Connection, statement: string): Promise<void> {
  closeAll(await connection.query(statement));
}

/** Runs a statement per chunk of rows; returns the `id` column of what the statement returns. */
async function runChunks(
  connection: Connection,
  statementFor: (empty: Set<string>) => string,
  rows: Row[],
): Promise<string[]> {
  const returned: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const columns = toColumns(rows.slice(i, i + CHUNK));
    const empty = emptyColumns(columns);
    for (const key of empty) delete columns[key];
    const prepared = await connection.prepare(statementFor(empty));
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    const result = await connection.execute(prepared, columns as never);
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    for (const row of last.getAllSync() as Row[]) if (row.id !== undefined) returned.push(String(row.id));
    closeAll(result);
  }
  return returned;
}

/** Runs one parameterised statement at a time on `connection`, returning its rows (for kuzu-degrees.ts). */
function rowsOn(connection: Connection) {
  return async (statement: string, params: Record<string, unknown> = {}): Promise<Row[]> => {
    const prepared = await connection.prepare(statement);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    const result = await connection.execute(prepared, params as never);
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    const rows = last.getAllSync() as Row[];
    closeAll(result);
    return rows;
  };
}

/** Which of the rows' ids are nodes of the label: one primary-key lookup each. */
export function existingNodesStatement(label: NodeLabel): string {
  return `UNWIND $id AS i MATCH (n:${label} {id: i}) RETURN n.id AS id`;
}

/** The ones of these ids that are nodes of the label. */
async function existingNodeIds(connection: Connection, label: NodeLabel, ids: string[]): Promise<Set<string>> {
  return new Set(
    await runChunks(
      connection,
      () => existingNodesStatement(label),
      ids.map((id) => ({ id })),
    ),
  );
}

/** A write's CSV folders: this prefix, the writing process's id, a dash, random characters. */
const COPY_PREFIX = 'actorgraph-copy';
/** The form before the process id was in the name: the prefix and mkdtemp's six random characters. */
const OLD_COPY_FOLDER = /^actorgraph-copy-[A-Za-z0-9]{6}$/;

/**
 * Whether the folder `name` is a CSV folder whose writing process cannot be alive. The new form
 * names its process. The old form does not: only a folder unchanged since before every live
 * process that may write started is surely a dead process's (its writer made it before that).
 */
function abandoned(parent: string, name: string, writersSince: number): boolean {
  const dead = madeByDeadProcess(name, COPY_PREFIX);
  if (dead !== null) return dead;
  if (!OLD_COPY_FOLDER.test(name)) return false;
  try {
    return statSync(join(parent, name)).mtimeMs < writersSince;
  } catch {
    return false; // gone already, or not ours to read
  }
}

/**
 * Removes the CSV folders that writes killed mid-way (kill -9, power loss) left in `parent`: those
 * whose process cannot be alive. A live process's folder, this one's included, is left alone.
 * `writersSince`: when the oldest live process that may write began (writer-processes.ts).
 */
export function removeAbandonedCopyFolders(parent = tmpdir(), writersSince = oldestPossibleWriter()): string[] {
  return removeFolders(parent, (name) => abandoned(parent, name, writersSince));
}

/** Whether this process has swept the abandoned folders yet (once is enough). */
let swept = false;

/** A temporary directory for one write's CSV files, created on first use. */
class CsvFiles {
  private dir: string | null = null;
  private count = 0;

  path(): string {
    if (!this.dir && !swept) {
      swept = true;
      removeAbandonedCopyFolders();
    }
    this.dir ??= mkdtempSync(join(tmpdir(), `${COPY_PREFIX}-${process.pid}-`));
    this.count += 1;
    return join(this.dir, `rows-${this.count}.csv`);
  }

  remove(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

function csvValue(value: unknown, type: PropType | undefined): unknown {
  if (type === 'int' && typeof value === 'number') return Math.round(value);
  if (type === 'string[]' && !isPlainList(value)) return [];
  return value;
}

/** A node table's CSV columns: named in the COPY, as the table also has the internal degree (kuzu-degrees.ts). */
function nodeHeader(label: NodeLabel): string[] {
  return ['id', ...Object.keys(NODE_PROPS[label])];
}

function edgeHeader(type: RelType): string[] {
  return ['source', 'target', ...Object.keys(REL_PROPS[type])];
}

/** A row's values in the header's order, as the CSV file carries them. */
function csvRow(row: Row, header: string[], types: Record<string, PropType>): unknown[] {
  return header.map((key) => csvValue(row[key], types[key]));
}

/** Writes the rows to a new CSV file of the write and returns its path. */
function csvFileOf(files: CsvFiles, header: string[], types: Record<string, PropType>, rows: Row[]): string {
  const path = files.path();
  // Each row's values are made as the file is written, not all first.
  writeCsv(
    path,
    header,
    (function* () {
      for (const row of rows) yield csvRow(row, header, types);
    })(),
  );
  return path;
}

async function copyFrom(connection: Connection, table: string, path: string, copyOptions = ''): Promise<void> {
  const options = COPY_CSV_OPTIONS.replace(/\)$/, `${copyOptions})`);
  await runSimple(connection, `COPY ${table} FROM '${path.replaceAll("'", "\\'")}' ${options}`);
}

async function copyNodes(connection: Connection, label: NodeLabel, path: string): Promise<void> {
  await copyFrom(connection, `${label}(${nodeHeader(label).join(', ')})`, path);
}

async function copyEdges(connection: Connection, type: RelType, from: NodeLabel, to: NodeLabel, path: string) {
  // A relationship table with several (from, to) pairs needs them named; one with one pair refuses them.
  const pairs = new Set((await listPairs(connection, type)).map(([a, b]) => `${a}|${b}`));
  await copyFrom(connection, type, path, pairs.size > 1 ? `, from='${from}', to='${to}'` : '');
}

/** The list columns of the rows whose lists the CSV reader cannot carry unchanged (set after the COPY). */
function listRowsOf(label: NodeLabel, rows: Row[]): Row[] {
  const props = NODE_PROPS[label];
  const listKeys = Object.keys(props).filter((key) => props[key] === 'string[]');
  const needLists = rows.filter((row) => listKeys.some((key) => !isEmptyValue(row[key]) && !isPlainList(row[key])));
  return needLists.map((row) => Object.fromEntries(['id', ...listKeys].map((key) => [key, row[key]])));
}

async function setLists(connection: Connection, label: NodeLabel, listRows: Row[]): Promise<void> {
  if (listRows.length === 0) return;
  const listKeys = Object.keys(listRows[0]).filter((key) => key !== 'id');
  await runChunks(connection, (empty) => nodeListStatement(label, listKeys, empty), listRows);
}

async function insertNodes(
  connection: Connection,
  files: CsvFiles,
  label: NodeLabel,
  rows: Row[],
  bulkMinRows: number,
): Promise<void> {
  if (rows.length < bulkMinRows || rows.length === 0) {
    await runChunks(connection, (empty) => nodeCreateStatement(label, empty), rows);
    return;
  }
  await copyNodes(connection, label, csvFileOf(files, nodeHeader(label), NODE_PROPS[label], rows));
  await setLists(connection, label, listRowsOf(label, rows));
}

async function insertEdges(
  connection: Connection,
  files: CsvFiles,
  type: RelType,
  from: NodeLabel,
  to: NodeLabel,
  rows: Row[],
  bulkMinRows: number,
): Promise<void> {
  if (rows.length < bulkMinRows || rows.length === 0) {
    await runChunks(connection, (empty) => edgeCreateStatement(type, from, to, empty), rows);
    return;
  }
  await copyEdges(connection, type, from, to, csvFileOf(files, edgeHeader(type), REL_PROPS[type], rows));
}

/** Where a write's new rows go (the rows that exist already are updated in place either way). */
interface NewRows {
  nodes(label: NodeLabel, rows: Row[]): Promise<void>;
  edges(type: RelType, from: NodeLabel, to: NodeLabel, rows: Row[]): Promise<void>;
  /** Whether the node is new in an earlier part of this write (in a file, not yet in its table). */
  has(id: string): boolean;
}

/** A batch's new rows, into their tables at once (COPY FROM, or UNWIND ... CREATE when few). */
function rowsNow(connection: Connection, files: CsvFiles, bulkMinRows: number): NewRows {
  return {
    nodes: (label, rows) => insertNodes(connection, files, label, rows, bulkMinRows),
    edges: (type, from, to, rows) => insertEdges(connection, files, type, from, to, rows, bulkMinRows),
    has: () => false,
  };
}

/** One table's new rows of a write in parts: held while few, then appended to a CSV file. */
class TableRows {
  held: Row[] = [];
  file: CsvAppender | null = null;

  constructor(
    readonly header: string[],
    readonly types: Record<string, PropType>,
  ) {}
}

/**
 * A write in parts: each table's new rows appended to one CSV file part after part, and copied
 * once at the end (copy()), nodes first. One COPY per table, as for a batch: a COPY per part into
 * the same table (inside the one transaction) made the database larger (at 1,000 articles 115 MB
 * against 71 MB) and the engine's memory larger with it. As for a batch, a table with fewer than
 * `bulkMinRows` new rows gets them by UNWIND ... CREATE instead (its rows are held until then):
 * a COPY of a few rows can need more of the buffer pool than the pool of a small write has. The
 * ids of the new rows are kept (not their rows), so that a relationship can end at a node of an
 * earlier part, and a new row given twice is refused rather than copied twice.
 */
class RowsAtEnd implements NewRows {
  private readonly nodeRows = new Map<NodeLabel, TableRows>();
  private readonly edgeRows = new Map<string, TableRows>();
  private readonly nodeIds = new Set<string>();
  private readonly edgeIds = new Set<string>();
  /** Rows whose lists the CSV cannot carry: few, set after the COPY. */
  private readonly lists = new Map<NodeLabel, Row[]>();

  constructor(
    private readonly files: CsvFiles,
    private readonly bulkMinRows: number,
  ) {}

  has(id: string): boolean {
    return this.nodeIds.has(id);
  }

  nodes(label: NodeLabel, rows: Row[]): Promise<void> {
    const table = this.tableOf(this.nodeRows, label, nodeHeader(label), NODE_PROPS[label]);
    for (const row of rows) this.add(table, this.once(this.nodeIds, row));
    const lists = listRowsOf(label, rows);
    if (lists.length > 0) this.lists.set(label, [...(this.lists.get(label) ?? []), ...lists]);
    return Promise.resolve();
  }

  edges(type: RelType, from: NodeLabel, to: NodeLabel, rows: Row[]): Promise<void> {
    const table = this.tableOf(this.edgeRows, `${type}|${from}|${to}`, edgeHeader(type), REL_PROPS[type]);
    for (const row of rows) this.add(table, this.once(this.edgeIds, row));
    return Promise.resolve();
  }

  /** Puts every table's rows in: all node tables, then the relationship tables. */
  async copy(connection: Connection): Promise<void> {
    this.close();
    for (const [label, table] of this.nodeRows) {
      if (!table.file) {
        await runChunks(connection, (empty) => nodeCreateStatement(label, empty), table.held);
        continue;
      }
      await copyNodes(connection, label, table.file.path);
      await setLists(connection, label, this.lists.get(label) ?? []);
    }
    for (const [key, table] of this.edgeRows) {
      const [type, from, to] = key.split('|') as [RelType, NodeLabel, NodeLabel];
      if (table.file) await copyEdges(connection, type, from, to, table.file.path);
      else await runChunks(connection, (empty) => edgeCreateStatement(type, from, to, empty), table.held);
    }
  }

  /** Closes the files (copy() does; a failed write must too). */
  close(): void {
    for (const table of [...this.nodeRows.values(), ...this.edgeRows.values()]) table.file?.close();
  }

  /** A row into its table's file, or held while the table has fewer than bulkMinRows. */
  private add(table: TableRows, row: Row): void {
    if (!table.file) {
      table.held.push(row);
      if (table.held.length < this.bulkMinRows) return;
      table.file = new CsvAppender(this.files.path(), table.header);
      for (const each of table.held) table.file.add(csvRow(each, table.header, table.types));
      table.held = [];
      return;
    }
    table.file.add(csvRow(row, table.header, table.types));
  }

  private once(ids: Set<string>, row: Row): Row {
    const id = String(row.id);
    if (ids.has(id)) throw new Error(`A write's parts give the new row ${id} twice`);
    ids.add(id);
    return row;
  }

  private tableOf<K>(tables: Map<K, TableRows>, key: K, header: string[], types: Record<string, PropType>): TableRows {
    let table = tables.get(key);
    if (!table) tables.set(key, (table = new TableRows(header, types)));
    return table;
  }
}

const pairCache = new Map<string, Array<[string, string]>>();

async function listPairs(connection: Connection, type: RelType): Promise<Array<[string, string]>> {
  const cached = pairCache.get(type);
  if (cached) return cached;
  const result = await connection.query(`CALL show_connection('${type}') RETURN *`);
  const single = Array.isArray(result) ? result[result.length - 1] : result;
  const pairs = (single.getAllSync() as Row[]).map(
    (row) => [String(row['source table name']), String(row['destination table name'])] as [string, string],
  );
  closeAll(result);
  pairCache.set(type, pairs);
  return pairs;
}

async function writeNodes(connection: Connection, nodes: GraphNode[], newRows: NewRows): Promise<Set<string>> {
  const existedBefore = new Set<string>();
  for (const [label, group] of groupBy(nodes, (node) => node.label)) {
    const existing = await existingNodeIds(
      connection,
      label,
      group.map((node) => node.id),
    );
    existing.forEach((id) => existedBefore.add(id));
    const rows = group.map(nodeRow);
    await newRows.nodes(
      label,
      rows.filter((row) => !existing.has(String(row.id))),
    );
    const updates = rows.filter((row) => existing.has(String(row.id)));
    if (updates.length > 0) await runChunks(connection, (empty) => nodeUpdateStatement(label, empty), updates);
  }
  return existedBefore;
}

/**
 * Endpoints that are not in the write (`inWrite`) are looked up; a relationship whose endpoint
 * exists nowhere is left out, as `MATCH ... MERGE` would have left it.
 */
async function knownEndpoints(
  connection: Connection,
  edges: GraphEdge[],
  inWrite: (id: string) => boolean,
): Promise<Set<string>> {
  const known = new Set<string>();
  const wanted = new Map<NodeLabel, Set<string>>();
  for (const edge of edges) {
    for (const [id, label] of [
      [edge.source, edge.sourceLabel],
      [edge.target, edge.targetLabel],
    ] as Array<[string, NodeLabel]>) {
      if (inWrite(id)) continue;
      if (!wanted.has(label)) wanted.set(label, new Set());
      wanted.get(label)!.add(id);
    }
  }
  for (const [label, ids] of wanted)
    (await existingNodeIds(connection, label, [...ids])).forEach((id) => known.add(id));
  return known;
}

async function writeEdges(
  connection: Connection,
  edges: GraphEdge[],
  inWrite: (id: string) => boolean,
  existedBefore: Set<string>,
  newRows: NewRows,
  gains: DegreeGains,
): Promise<void> {
  const outside = await knownEndpoints(connection, edges, inWrite);
  outside.forEach((id) => existedBefore.add(id));
  const known = (id: string) => inWrite(id) || outside.has(id);
  const writable = edges.filter((edge) => known(edge.source) && known(edge.target));
  const byTable = groupBy(writable, (edge) => `${edge.type}|${edge.sourceLabel}|${edge.targetLabel}`);
  for (const [key, group] of byTable) {
    const [type, from, to] = key.split('|') as [RelType, NodeLabel, NodeLabel];
    const rows = group.map(edgeRow);
    // Only a relationship between two nodes that both existed before this write can exist already.
    const candidates = rows.filter(
      (row) => existedBefore.has(String(row.source)) && existedBefore.has(String(row.target)),
    );
    const lookupRows = candidates.map((row) => ({ id: row.id, source: row.source, target: row.target }));
    const existing = new Set(
      candidates.length === 0
        ? []
        : await runChunks(connection, () => `${EDGE_MATCH(type, from, to)} RETURN e.id AS id`, lookupRows),
    );
    const insertedRows = rows.filter((row) => !existing.has(String(row.id)));
    await newRows.edges(type, from, to, insertedRows);
    for (const row of insertedRows)
      gains.add({ source: String(row.source), sourceLabel: from, target: String(row.target), targetLabel: to });
    const updates = rows.filter((row) => existing.has(String(row.id)));
    if (updates.length > 0) await runChunks(connection, (empty) => edgeUpdateStatement(type, from, to, empty), updates);
  }
}

/** One part of a write (a batch is one part), inside the write's transaction; returns what it held. */
async function writePart(
  connection: Connection,
  part: GraphBatch,
  newRows: NewRows,
  gains: DegreeGains,
): Promise<WriteSummary> {
  const nodes = lastById(part.nodes);
  const edges = lastById(part.edges);
  const existedBefore = await writeNodes(connection, nodes, newRows);
  const batchIds = new Set(nodes.map((node) => node.id));
  await writeEdges(connection, edges, (id) => batchIds.has(id) || newRows.has(id), existedBefore, newRows, gains);
  return { nodesWritten: part.nodes.length, edgesWritten: part.edges.length };
}

/**
 * All or nothing: on any error the transaction is rolled back and the error rethrown. A write in
 * parts (GraphParts) is taken a part at a time inside the one transaction: each part's existing
 * rows are updated and its new rows appended to the tables' CSV files (RowsAtEnd) before the next
 * part is made, so only one part's nodes, relationships and rows are held; the files are copied
 * at the end. A batch's new rows go into their tables at once.
 */
export async function writeBatchInTransaction(
  connection: Connection,
  batch: GraphBatch | GraphParts,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const files = new CsvFiles();
  const summary: WriteSummary = { nodesWritten: 0, edgesWritten: 0 };
  const gains = new DegreeGains();
  const bulkMinRows = options.bulkMinRows ?? BULK_MIN_ROWS;
  const atEnd = isParts(batch) ? new RowsAtEnd(files, bulkMinRows) : null;
  const newRows = atEnd ?? rowsNow(connection, files, bulkMinRows);
  await runSimple(connection, 'BEGIN TRANSACTION');
  try {
    for await (const part of isParts(batch) ? batch : [batch]) {
      const written = await writePart(connection, part, newRows, gains);
      summary.nodesWritten += written.nodesWritten;
      summary.edgesWritten += written.edgesWritten;
    }
    await atEnd?.copy(connection);
    await gains.write(rowsOn(connection));
    await runSimple(connection, 'COMMIT');
    return summary;
  } catch (error) {
    // The engine rolls back by itself after a failed statement; ROLLBACK then fails, which is fine.
    await runSimple(connection, 'ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    atEnd?.close();
    files.remove();
  }
}
