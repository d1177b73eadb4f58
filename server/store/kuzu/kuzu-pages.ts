/**
 * The whole graph page by page on the embedded store, for exports: each page is a range of one
 * node table's internal offsets (nodes) or of the offsets of one relationship table's source
 * nodes (relationships), read as plain columns. No page sorts or rescans a table, so the time is
 * linear in the graph and memory stays at one page. Pages come table by table, each table in the
 * engine's storage order (the order rows were written), not in id order.
 */
import { NODE_LABELS, REL_TYPES, type GraphEdge, type GraphNode, type NodeLabel } from '../../domain/graph.js';
import { NODE_PROPS, REL_ENDPOINTS, REL_PROPS } from '../../domain/schema.js';
import { STORE_KINDS } from '../../domain/stores.js';
import { loadCypher } from '../cypher-files.js';
import { edgeFromColumns, nodeFromColumns } from './kuzu-values.js';

/** LadybugDB speaks Kuzu's Cypher: its dialect files, as the registry says. */
const DIALECT = STORE_KINDS.ladybug.dialect;

type Rows = (statement: string, params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

/** `v.key AS key, …` for schema keys (known identifiers only, never user text). */
export function columns(variable: string, keys: string[]): string {
  return keys.map((key) => `${variable}.${key} AS \`${key}\``).join(', ');
}

/** Kuzu's column type for a schema property type (relationship properties have no lists). */
const COLUMN_TYPE = { string: 'STRING', int: 'INT64', float: 'DOUBLE', bool: 'BOOLEAN', 'string[]': 'STRING[]' };

/**
 * `e.id AS id, …` for every relationship property of the schema, in one order for every pair of
 * labels so that the parts of a UNION ALL line up: a property no type from `from` to `to` has is a
 * typed null (a match over several relationship tables answers null where one lacks a column).
 * Those in `omit` are not read at all.
 */
export function relationshipColumns(from: NodeLabel, to: NodeLabel, omit: readonly string[] = []): string {
  const types = REL_TYPES.filter((type) => REL_ENDPOINTS[type].some(([a, b]) => a === from && b === to));
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
  const [row] = await rows(loadCypher('last-offset', DIALECT).replaceAll('{label}', `:${label}`), {});
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}

export async function* nodePagesByOffset(rows: Rows, pageSize: number): AsyncIterable<GraphNode[]> {
  for (const label of NODE_LABELS) {
    const last = await lastOffset(rows, label);
    if (last === null) continue;
    const statement = loadCypher('nodes-page', DIALECT)
      .replaceAll('{label}', `:${label}`)
      .replaceAll('{columns}', columns('n', ['id', ...Object.keys(NODE_PROPS[label])]));
    for (let first = 0; first <= last; first += pageSize) {
      const page = await rows(statement, { first, stop: first + pageSize });
      // A range of deleted rows is empty: nothing to yield, the next range may not be.
      if (page.length > 0) yield page.map((row) => nodeFromColumns(label, row));
    }
  }
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

/** A node table's ids by offset (IdsByOffset), read in ranges of offsets. */
async function idsByOffset(rows: Rows, label: NodeLabel, last: number, pageSize: number): Promise<IdsByOffset> {
  const ids = new IdsByOffset(last);
  const statement = loadCypher('nodes-page', DIALECT)
    .replaceAll('{label}', `:${label}`)
    .replaceAll('{columns}', 'offset(id(n)) AS `offset`, n.id AS id');
  for (let first = 0; first <= last; first += pageSize)
    for (const row of await rows(statement, { first, stop: first + pageSize }))
      ids.set(Number(row.offset), String(row.id));
  return ids.trim();
}

/**
 * Relationships per type and pair of labels, by ranges of source nodes. A range's width adapts to
 * the rows the last one gave, so that pages stay near `pageSize` rows whatever the degrees (a page
 * holds at least one source node's relationships of the type: a hub's may be more).
 */
export async function* edgePagesByOffset(rows: Rows, pageSize: number): AsyncIterable<GraphEdge[]> {
  const lastOf = new Map<NodeLabel, number | null>();
  const idsOf = new Map<NodeLabel, IdsByOffset>();
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
      if (!idsOf.has(from)) idsOf.set(from, await idsByOffset(rows, from, last, pageSize));
      if (!idsOf.has(to)) idsOf.set(to, await idsByOffset(rows, to, lastTarget, pageSize));
      const sources = idsOf.get(from)!;
      const targets = idsOf.get(to)!;
      // Narrow at first: `pageSize` source nodes of a dense type made a first page of ten times
      // `pageSize` relationships; the width then adapts to what each range gave.
      let width = FIRST_WIDTH;
      for (let first = 0; first <= last;) {
        const page = await rows(statement, { first, stop: first + width });
        for (const row of page) {
          row.source = sources.get(Number(row.source));
          row.target = targets.get(Number(row.target));
        }
        if (page.length > 0) yield page.map((row) => edgeFromColumns(type, from, to, row));
        first += width;
        width = nextWidth(width, page.length, pageSize);
      }
    }
  }
}

/** Source nodes in the first range of a relationship type's pages (see edgePagesByOffset). */
const FIRST_WIDTH = 16;

/** Twice as wide after a sparse range (at most), narrower after a dense one (at least one node). */
function nextWidth(width: number, rowsRead: number, pageSize: number): number {
  if (rowsRead === 0) return width * 2;
  return Math.max(1, Math.min(width * 2, Math.round((width * pageSize) / rowsRead)));
}
