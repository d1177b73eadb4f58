/**
 * The whole graph page by page on the embedded store, for exports: each page is a range of one
 * node table's internal offsets (nodes) or of the offsets of one relationship table's source
 * nodes (relationships), read as plain columns. No page sorts or rescans a table, so the time is
 * linear in the graph and memory stays at one page. Pages come table by table, each table in the
 * engine's storage order (the order rows were written), not in id order. A page is the engine's
 * result of its query, converted to nodes or relationships row by row as the export writes them
 * (RowsPage): converted all at once, each page's objects lived until the page was written,
 * long enough to be moved to the old generation, and the JS heap grew with the graph until a
 * full collection (+60 MB at 10k nodes, +370 MB at 300k, all garbage).
 */
import { NODE_LABELS, REL_TYPES, type GraphEdge, type GraphNode, type NodeLabel } from '../../domain/graph.js';
import { NODE_PROPS, REL_ENDPOINTS, REL_PROPS } from '../../domain/schema.js';
import { STORE_KINDS } from '../../domain/stores.js';
import { loadCypher } from '../cypher-files.js';
import type { Page } from '../graph-store.js';
import { DegreeSums } from './degree-sums.js';
import { DEGREE_COLUMN } from './kuzu-degrees.js';
import { edgeFromColumns, nodeFromColumns } from './kuzu-values.js';

/** LadybugDB speaks Kuzu's Cypher: its dialect files, as the registry says. */
const DIALECT = STORE_KINDS.ladybug.dialect;

type Row = Record<string, unknown>;

/** What the pages need of an engine result (LadybugDB's QueryResult). */
export interface RowResult {
  getNumTuples(): number;
  hasNext(): boolean;
  getNextSync(): Row | null;
  close(): void;
}

/** Runs a statement and hands back its result unread: the caller closes it (see RowsPage). */
type Rows = (statement: string, params: Record<string, unknown>) => Promise<RowResult>;

/**
 * The rows of one result, each converted when iteration reaches it; the result is closed when
 * iteration ends or stops (`close` may also be called: closing twice does nothing).
 */
export class RowsPage<T> implements Page<T> {
  readonly length: number;
  private open = true;

  /** `opened`: where the page is while its result is open (see `closing`). */
  constructor(
    private readonly result: RowResult,
    private readonly convert: (row: Row) => T,
    private readonly opened?: Set<RowsPage<T>>,
  ) {
    this.length = result.getNumTuples();
    opened?.add(this);
  }

  *[Symbol.iterator](): Iterator<T> {
    try {
      while (this.open && this.result.hasNext()) yield this.convert(this.result.getNextSync()!);
    } finally {
      this.close();
    }
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.opened?.delete(this);
    this.result.close();
  }
}

/** Every row of a statement's result, then the result closed. */
async function allRows(rows: Rows, statement: string, params: Record<string, unknown>): Promise<Row[]> {
  return [...new RowsPage(await rows(statement, params), (row) => row)];
}

/** `v.key AS key, …` for schema keys (known identifiers only, never user text). */
export function columns(variable: string, keys: string[]): string {
  return keys.map((key) => `${variable}.${key} AS \`${key}\``).join(', ');
}

/** Kuzu's column type for a schema property type (relationship properties have no lists). */
const COLUMN_TYPE = { string: 'STRING', int: 'INT64', float: 'DOUBLE', bool: 'BOOLEAN', 'string[]': 'STRING[]' };

/**
 * `e.id AS id, …` for every relationship property of the schema, in one order for every pair of
 * labels so that the parts of a UNION ALL line up: a property no type from `from` to `to` (to any
 * label when `to` is null) has is a typed null (a match over several relationship tables answers
 * null where one lacks a column). Those in `omit` are not read at all.
 */
export function relationshipColumns(from: NodeLabel, to: NodeLabel | null, omit: readonly string[] = []): string {
  const types = REL_TYPES.filter((type) =>
    REL_ENDPOINTS[type].some(([a, b]) => a === from && (to === null || b === to)),
  );
  const present = new Set(types.flatMap((type) => Object.keys(REL_PROPS[type])));
  const all = new Map(REL_TYPES.flatMap((type) => Object.entries(REL_PROPS[type])));
  return [...all]
    .filter(([key]) => key === 'id' || !omit.includes(key))
    .map(([key, type]) => (present.has(key) ? `e.${key}` : `CAST(NULL AS ${COLUMN_TYPE[type]})`) + ` AS \`${key}\``)
    .join(', ');
}

/**
 * `e.id AS id, …` for every relationship property of every type, less those in `omit`, for a
 * match over every relationship table at once (null where a table lacks the column).
 */
export function everyRelationshipColumn(omit: readonly string[] = []): string {
  const keys = new Set(REL_TYPES.flatMap((type) => Object.keys(REL_PROPS[type])));
  return columns(
    'e',
    [...keys].filter((key) => key === 'id' || !omit.includes(key)),
  );
}

async function lastOffset(rows: Rows, label: NodeLabel): Promise<number | null> {
  const [row] = await allRows(rows, loadCypher('last-offset', DIALECT).replaceAll('{label}', `:${label}`), {});
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}

/**
 * Yields the pages that `read` makes, and closes those the consumer left unread (each holds an
 * engine result until closed): when a page is yielded, those before the last one (the consumer
 * has asked for the next page, so it is done with them; the last one may still be read, since
 * KuzuStore reads a page ahead); at the end, the last one too if the consumer stopped early.
 */
async function* closing<T>(read: (opened: Set<RowsPage<T>>) => AsyncIterable<RowsPage<T>>): AsyncIterable<Page<T>> {
  const opened = new Set<RowsPage<T>>();
  let last: RowsPage<T> | null = null;
  let completed = false;
  try {
    for await (const page of read(opened)) {
      for (const each of opened) if (each !== page && each !== last) each.close();
      last = page;
      yield page;
    }
    completed = true;
  } finally {
    for (const each of opened) if (!completed || each !== last) each.close();
  }
}

/**
 * Nodes label by label, by ranges of offsets, each node read by its primary key
 * (cypher/kuzu/nodes-page-by-key.cypher): the nodes of a 1M-node graph in 17.9 s where a range
 * filtered in one match took 361 s (every page read every node's columns); those of 100k nodes in
 * 2.0 s where it took 1.4.
 */
export function nodePagesByOffset(rows: Rows, pageSize: number): AsyncIterable<Page<GraphNode>> {
  return closing(async function* (opened: Set<RowsPage<GraphNode>>) {
    for (const label of NODE_LABELS) {
      const last = await lastOffset(rows, label);
      if (last === null) continue;
      const statement = loadCypher('nodes-page-by-key', DIALECT)
        .replaceAll('{label}', `:${label}`)
        .replaceAll('{columns}', columns('n', ['id', ...Object.keys(NODE_PROPS[label])]));
      for (let first = 0; first <= last; first += pageSize) {
        const page = new RowsPage(
          await rows(statement, { first, stop: first + pageSize }),
          (row) => nodeFromColumns(label, row),
          opened,
        );
        // A range of deleted rows is empty: nothing to yield, the next range may not be.
        if (page.length === 0) page.close();
        else yield page;
      }
    }
  });
}

/**
 * The ids of a node table by offset, packed: their UTF-8 bytes one after the other in one buffer,
 * with where each offset's id starts and ends. What an edge page's source and target offsets are
 * mapped with, held for the whole export of the relationships: the one part of an export's memory
 * that grows with the graph. As an array of strings it took 49 bytes a node (ids of 10 characters,
 * measured at 30,000 nodes); packed, the id's bytes and 8.
 */
export class IdsByOffset {
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private bytes = Buffer.alloc(0);
  private used = 0;

  constructor(last: number) {
    this.starts = new Uint32Array(last + 1);
    this.ends = new Uint32Array(last + 1);
  }

  set(offset: number, id: string): void {
    const length = Buffer.byteLength(id);
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(64 * 1024, Math.ceil((this.used + length) * 1.5)));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.starts[offset] = this.used;
    this.used += this.bytes.write(id, this.used);
    this.ends[offset] = this.used;
  }

  get(offset: number): string {
    return this.bytes.toString('utf8', this.starts[offset], this.ends[offset]);
  }

  /** Done adding: the buffer cut to what it holds (it grew by half again each time it was full). */
  trim(): this {
    this.bytes = Buffer.from(this.bytes.subarray(0, this.used));
    return this;
  }
}

/** What the relationship pages keep of a node table: its ids, and its degrees' sums if it keeps them. */
interface TableByOffset {
  ids: IdsByOffset;
  degrees: DegreeSums | null;
}

/** A node table's ids (and stored degrees, with `degrees`) by offset, read in ranges of offsets. */
async function tableByOffset(
  rows: Rows,
  label: NodeLabel,
  last: number,
  pageSize: number,
  degrees: boolean,
): Promise<TableByOffset> {
  const ids = new IdsByOffset(last);
  const sums = degrees ? new DegreeSums(last) : null;
  const read = ['offset(id(n)) AS `offset`', 'n.id AS id', ...(sums ? [`n.${DEGREE_COLUMN} AS degree`] : [])];
  const statement = loadCypher('nodes-page', DIALECT)
    .replaceAll('{label}', `:${label}`)
    .replaceAll('{columns}', read.join(', '));
  for (let first = 0; first <= last; first += pageSize)
    for (const row of new RowsPage(await rows(statement, { first, stop: first + pageSize }), (each) => each)) {
      ids.set(Number(row.offset), String(row.id));
      sums?.set(Number(row.offset), Number(row.degree ?? 0));
    }
  return { ids: ids.trim(), degrees: sums?.done() ?? null };
}

/**
 * Relationships per type and pair of labels, by ranges of source nodes. A range's width adapts to
 * the rows the last one gave, so that pages stay near `pageSize` rows whatever the degrees (a page
 * holds at least one source node's relationships of the type: a hub's may be more). With
 * `storedDegrees` (the database keeps them: kuzu-degrees.ts), a range is also cut where its
 * nodes' degrees pass MAX_PAGE_DEGREES times `pageSize` (DegreeSums): sized from the range before
 * alone, a range where the table grew denser read ten or more times `pageSize` rows at once.
 */
export function edgePagesByOffset(rows: Rows, pageSize: number, storedDegrees = false): AsyncIterable<Page<GraphEdge>> {
  return closing(async function* (opened: Set<RowsPage<GraphEdge>>) {
    const lastOf = new Map<NodeLabel, number | null>();
    const tables = new Map<NodeLabel, TableByOffset>();
    for (const type of REL_TYPES) {
      for (const [from, to] of REL_ENDPOINTS[type]) {
        if (!lastOf.has(from)) lastOf.set(from, await lastOffset(rows, from));
        const last = lastOf.get(from);
        if (last === null || last === undefined) continue;
        const statement = loadCypher('edges-page', DIALECT)
          .replaceAll('{type}', type)
          .replaceAll('{from}', from)
          .replaceAll('{to}', to)
          .replaceAll('{columns}', columns('e', Object.keys(REL_PROPS[type])));
        if (!lastOf.has(to)) lastOf.set(to, await lastOffset(rows, to));
        const lastTarget = lastOf.get(to);
        if (lastTarget === null || lastTarget === undefined) continue;
        for (const [label, lastOfLabel] of [
          [from, last],
          [to, lastTarget],
        ] as const)
          if (!tables.has(label))
            tables.set(label, await tableByOffset(rows, label, lastOfLabel, pageSize, storedDegrees));
        const { ids: sources, degrees } = tables.get(from)!;
        const targets = tables.get(to)!.ids;
        const edge = (row: Row) => {
          row.source = sources.get(Number(row.source));
          row.target = targets.get(Number(row.target));
          return edgeFromColumns(type, from, to, row);
        };
        // Narrow at first: `pageSize` source nodes of a dense type made a first page of ten times
        // `pageSize` relationships; the width then adapts to what each range gave.
        let width = FIRST_WIDTH;
        for (let first = 0; first <= last;) {
          const stop = degrees?.stopWithin(first, first + width, MAX_PAGE_DEGREES * pageSize) ?? first + width;
          const page = new RowsPage(await rows(statement, { first, stop }), edge, opened);
          if (page.length === 0) page.close();
          else yield page;
          width = nextWidth(stop - first, page.length, pageSize);
          first = stop;
        }
      }
    }
  });
}

/**
 * A range of source nodes is cut where their degrees pass this many times the page size (see
 * edgePagesByOffset). Degrees count every type, so for one type the cut falls early, and more
 * queries run: the relationships of the 100k/500k graph took 359 queries where they took 253,
 * 4.1 s where 3.5 (largest page 9,951 rows where 19,166); those of the 1M/5M graph 3,223
 * queries, 42.6 s, largest page 23,618 rows, where they had failed after 290 pages.
 */
const MAX_PAGE_DEGREES = 4;

/** Source nodes in the first range of a relationship type's pages (see edgePagesByOffset). */
const FIRST_WIDTH = 16;

/**
 * Wider after a sparse range (16 times at most), narrower after a dense one (at least one node).
 * Growing twice as wide at most, a table started with a dozen nearly empty ranges (646 queries
 * for a 100k/500k export's 250 pages of 2,000), and each query has a cost of its own in the
 * engine whatever its rows (a scan's buffers allocated and zeroed: perf record of an export).
 */
const GROWTH = 16;

function nextWidth(width: number, rowsRead: number, pageSize: number): number {
  if (rowsRead === 0) return width * GROWTH;
  return Math.max(1, Math.min(width * GROWTH, Math.round((width * pageSize) / rowsRead)));
}
