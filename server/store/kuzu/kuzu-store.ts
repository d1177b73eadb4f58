/**
 * GraphStore over an embedded Kuzu database. Opened read-write by the importer and read-only by
 * the server; console queries always go through a read-only child process (ConsoleRunner). The
 * reads shared with Neo4j live in CypherStore.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Connection, type Database, type QueryResult } from '@ladybugdb/core';
import { StoreUnavailableError } from '../../domain/errors.js';
import type { GraphBatch, GraphEdge, GraphNode, NodeLabel, RelType } from '../../domain/graph.js';
import { loadCypher, splitStatements } from '../cypher-files.js';
import { CypherStore, type Row } from '../cypher-store.js';
import type { BatchWriter, GraphParts, NeighborOptions, Page, ReadQueryOptions, WriteSummary } from '../graph-store.js';
import {
  EVIDENCE_PROPERTIES,
  uniqueById,
  type GraphSchema,
  type OverviewBatch,
  type ReadQueryResult,
} from '../../domain/reads.js';
import { NODE_PROPS } from '../../domain/schema.js';
import { STORE_KINDS } from '../../domain/stores.js';
import { filterNeighborEdges, fullTextScore } from '../search-hits.js';
import { ConsoleRunner, type ConsoleRunnerOptions } from './console-runner.js';
import { openDatabase, openSideDatabase, type OpenDatabase } from './kuzu-database.js';
import { checkpointFailed, mapKuzuError, mapWriteError } from './kuzu-errors.js';
import { PreparedStatements } from './prepared-statements.js';
import { LanePool } from './lane-pool.js';
import {
  edgeFromColumns,
  internalKey,
  nodeFromColumns,
  toGraphEdge,
  toGraphNode,
  type KuzuNode,
  type KuzuRel,
} from './kuzu-values.js';
import { writeBatchInTransaction } from './kuzu-writer.js';
import { FullTextMarker } from './full-text-marker.js';
import {
  columns,
  edgePagesByOffset,
  everyRelationshipColumn,
  nodePagesByOffset,
  relationshipColumns,
  type RowResult,
} from './kuzu-pages.js';
import { capOverviewEdges } from '../overview-edges.js';
import { edgesAmongPage, rankedNeighborIds } from './kuzu-neighbors.js';
import { addMissingDegrees, DEGREE_COLUMN, hasStoredDegrees } from './kuzu-degrees.js';
import { groupBy } from '../../domain/group-by.js';
import { labelOfNodeId } from '../../domain/node-ids.js';

const FTS_TABLES = [
  ['Actor', 'actor_fts'],
  ['Institution', 'institution_fts'],
  ['Place', 'place_fts'],
  ['Statement', 'statement_fts'],
  ['Document', 'document_fts'],
] as const;

export interface KuzuStoreOptions {
  path: string;
  readOnly: boolean;
  consoleMemoryLimitBytes?: number;
  /** New rows per table from which writes use COPY FROM (kuzu-writer.ts); tests set 0 or Infinity. */
  bulkMinRows?: number;
  /** The engine's buffer pool (default 1 GiB; the import's: IMPORT_BUFFER_POOL_BYTES): pages it caches, and the most a write may hold. */
  bufferPoolBytes?: number;
  /** Whether the engine checkpoints inside a commit whose WAL is large (default true; the import's: IMPORT_AUTO_CHECKPOINT). */
  autoCheckpoint?: boolean;
  /** Time limit of every read the API makes (default 10 s); past it the read answers 408. */
  queryTimeoutMs?: number;
  /** The buffer pool the whole-graph export reads through (default 128 MB: see exportLane). */
  exportBufferPoolBytes?: number;
  /** The console worker's queue: see ConsoleRunnerOptions. */
  consoleQueue?: Pick<ConsoleRunnerOptions, 'maxQueued' | 'maxResponseBytes'>;
}

/** Default time limit of the API's own reads. */
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/**
 * Connections the read-only store's API reads share (`main` and one more): the independent reads
 * of one call (node details, neighbours) run side by side, and so do two clients' reads. Two, as
 * the machine the figures were taken on has two cores (bench/read-scaling.ts).
 */
const READ_LANES = 2;

/**
 * Reads that may wait for one of those connections before the next is refused (503): a node's
 * details make up to five reads at once, so this is some fifty calls' worth, and at the 2-100 ms a
 * read takes (bench/read-scaling.ts), seconds of work queued at most, not an unbounded list.
 */
const READS_WAITING = 256;

/**
 * The buffer pool of the database instance that whole-graph export pages read through (see
 * KuzuStore.exportLane). Read through the server's own pool (1 GiB), every page an export touched
 * stayed cached: the process grew with the database (+408 MB over a 100k/500k export, toward the
 * whole GiB on larger ones). A page is a range of one table: 128 MB holds what it needs.
 */
const EXPORT_BUFFER_POOL_BYTES = 128 * 1024 * 1024;

/** How long the export lane's database stays open after the last export page (releaseExportLane). */
const EXPORT_LANE_IDLE_MS = 2000;

/**
 * A connection and the statements prepared on it. LadybugDB runs one query at a time per
 * connection: work on `long` (a neighbourhood to export, a whole-graph export page) leaves `main`
 * free for everyone else's search, details and health checks.
 */
interface Lane {
  connection: Connection;
  prepared: PreparedStatements;
}
export class KuzuStore extends CypherStore {
  readonly kind = 'ladybug' as const;
  /** LadybugDB speaks Kuzu's Cypher: the dialect files stay in cypher/kuzu. */
  readonly dialect = STORE_KINDS.ladybug.dialect;
  private writes: Promise<unknown> = Promise.resolve();
  private console: ConsoleRunner | null = null;
  /** Whether the FTS extension loaded: LadybugDB downloads it with `INSTALL fts`, so offline it may be missing. */
  private fullText = false;
  private readonly main: Lane;
  /** The API's reads on a read-only store: `main` and up to READ_LANES - 1 more (see LanePool). */
  private readonly readers: LanePool<Lane>;
  /** The second connection, for long reads (the server's read-only store only; created on first use). */
  private long: Lane | null = null;
  /** Long reads go one at a time, so that they hold one connection, one libuv thread and one engine worker at most. */
  private longQueue: Promise<unknown> = Promise.resolve();
  /** Export pages' connection, on a database instance of its own (created on first use; see exportLane). */
  private exportDb: { database: Database; lane: Lane } | null = null;
  /** Export page iterations under way on the export lane; at none, it is closed (releaseExportLane). */
  private exportReaders = 0;
  /** The export lane's closing, pending while no export reads (see releaseExportLane). */
  private exportIdle: NodeJS.Timeout | null = null;
  /** Results of export pages not closed yet, closed with the export lane (see exportResult). */
  private readonly exportResults = new Set<RowResult>();
  /** Which lane the current async call runs on (set by onLongLane). */
  private readonly lane = new AsyncLocalStorage<Lane>();
  /**
   * Whether the nodes keep their degree (kuzu-degrees.ts): always after a read-write open, which
   * adds it; a database made before it existed and opened read-only only (while another process
   * writes it) ranks by counting.
   */
  private storedDegrees = true;
  /**
   * How many relationships there are among the last capped overview's nodes, and the ranking
   * (ids and stored degrees) it was counted for: see overviewTotal.
   */
  private overviewCount: { ranking: string; count: number } | null = null;
  /**
   * Statements' offsets in their table, as the brief rows that found them said (noteBriefRow), kept
   * on the node objects those rows made: read again by the call that made them (node details).
   */
  private readonly statementOffsets = new WeakMap<GraphNode, number>();

  private constructor(
    private readonly db: OpenDatabase,
    private readonly connection: Connection,
    private readonly options: KuzuStoreOptions,
  ) {
    super();
    this.main = { connection, prepared: new PreparedStatements(connection) };
    // More lanes made as `main` was (the read-only store's time limit, the engine's default threads).
    this.readers = new LanePool(READ_LANES, () => KuzuStore.lane(db.database, options), this.main, READS_WAITING);
  }

  get location(): string {
    return this.db.path;
  }

  static async open(options: KuzuStoreOptions): Promise<KuzuStore> {
    if (options.readOnly) {
      // A read-only open cannot create tables: create the schema first if the file is new.
      const writer = await KuzuStore.open({ ...options, readOnly: false }).catch((error: unknown) => {
        if (error instanceof StoreUnavailableError && /in use/.test(error.message)) return null;
        throw error;
      });
      await writer?.close();
    }
    const db = await openDatabase(options.path, {
      readOnly: options.readOnly,
      bufferPoolBytes: options.bufferPoolBytes,
      autoCheckpoint: options.autoCheckpoint,
    });
    const connection = await KuzuStore.connect(db.database, options);
    const store = new KuzuStore(db, connection, options);
    store.fullText = await store.loadFullTextExtension();
    if (!options.readOnly) {
      await store.createSchema();
      await store.addDegrees();
      await store.repairFullTextIndexes();
    }
    store.storedDegrees = await hasStoredDegrees((statement) => store.rows(statement));
    return store;
  }

  /** A connection with its prepared statements (see Lane). */
  private static async lane(database: Database, options: KuzuStoreOptions): Promise<Lane> {
    const connection = await KuzuStore.connect(database, options);
    return { connection, prepared: new PreparedStatements(connection) };
  }

  /**
   * A new connection; the read-only store's gets the time limit (the importer's writes have none:
   * an import of a large folder may take minutes and is stopped by the user, not by a timer).
   */
  private static async connect(database: Database, options: KuzuStoreOptions): Promise<Connection> {
    const connection = new Connection(database);
    await connection.init();
    if (options.readOnly) connection.setQueryTimeout(options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS);
    return connection;
  }

  /**
   * Runs `work` with its statements on the second connection (or, `exportPages`, the export's own
   * database: exportLane), after the long reads before it.
   */
  private async onLongLane<T>(work: () => Promise<T>, exportPages = false): Promise<T> {
    if (!this.options.readOnly) return work();
    const job = this.longQueue.then(async () => {
      const lane = exportPages ? await this.exportLane() : await this.longLane();
      return this.lane.run(lane, work);
    });
    this.longQueue = job.catch(() => undefined);
    return job;
  }

  private async longLane(): Promise<Lane> {
    this.long ??= await KuzuStore.oneThreadLane(this.db.database, this.options);
    return this.long;
  }

  /**
   * The whole-graph export's pages read through a second read-only instance of the database with
   * a small buffer pool of its own (EXPORT_BUFFER_POOL_BYTES): the engine's memory for an export
   * stays that pool whatever the size of the graph, and the export does not push out of the
   * server's pool what search and details keep there.
   */
  private async exportLane(): Promise<Lane> {
    if (!this.exportDb) {
      const database = await openSideDatabase(
        this.db.path,
        this.options.exportBufferPoolBytes ?? EXPORT_BUFFER_POOL_BYTES,
      );
      this.exportDb = { database, lane: await KuzuStore.oneThreadLane(database, this.options) };
    }
    return this.exportDb.lane;
  }

  /**
   * A connection with one of the engine's worker threads at most: a query may take every worker it
   * is allowed and keep it until its pipeline ends, so a long read on all of them left search and
   * details on `main` waiting seconds for a free worker (test/api/long-export.test.ts).
   */
  private static async oneThreadLane(database: Database, options: KuzuStoreOptions): Promise<Lane> {
    const lane = await KuzuStore.lane(database, options);
    lane.connection.setMaxNumThreadForExec(1);
    return lane;
  }

  /**
   * Loads the FTS extension if it is installed (the Docker image installs it at build time; so
   * does `node scripts/install-store-extensions.mjs`). Without it search still works, by the
   * index-free scan in CypherStore.search, only without stemming and BM25 ranking.
   */
  private async loadFullTextExtension(): Promise<boolean> {
    try {
      await this.rows('LOAD EXTENSION fts');
      return true;
    } catch (error) {
      if (error instanceof Error && /not been installed|already loaded/i.test(error.message)) {
        return /already loaded/i.test(error.message);
      }
      throw error;
    }
  }

  private async createSchema(): Promise<void> {
    for (const statement of splitStatements(loadCypher('schema', this.dialect))) await this.rows(statement);
  }

  /**
   * The nodes' degree column (kuzu-degrees.ts), added and filled once to a database made before it
   * existed (new databases get it here too, empty), then checkpointed like any write.
   */
  private async addDegrees(): Promise<void> {
    const added = await addMissingDegrees((statement, params) => this.rows(statement, params));
    if (added.length > 0) await this.rows('CHECKPOINT');
  }

  /**
   * On the lane the call runs on (onLongLane), else on a read-only store a free read lane
   * (readers), else `main` (a read-write store's reads go with its writes, on one connection).
   */
  protected rows(statement: string, params?: Record<string, unknown>): Promise<Row[]> {
    const lane = this.lane.getStore() ?? (this.options.readOnly ? null : this.main);
    if (lane) return this.rowsOn(lane, statement, params);
    // A statement goes to the free lane that has it prepared: LadybugDB never frees a prepared
    // statement (prepared-statements.ts), so each one prepared on every lane would cost that twice.
    return this.readers.use(
      (reader) => this.rowsOn(reader, statement, params),
      (reader) => reader.prepared.has(statement),
    );
  }

  private async rowsOn(lane: Lane, statement: string, params?: Record<string, unknown>): Promise<Row[]> {
    const result = await this.resultOn(lane, statement, params);
    try {
      return result.getAllSync();
    } finally {
      result.close();
    }
  }

  /**
   * A statement's result (the last one's, of several) on the lane the call runs on (export pages:
   * the export lane), unread: the caller closes it.
   */
  private result(statement: string, params?: Record<string, unknown>): Promise<QueryResult> {
    return this.resultOn(this.lane.getStore() ?? this.main, statement, params);
  }

  private async resultOn(lane: Lane, statement: string, params?: Record<string, unknown>): Promise<QueryResult> {
    const { connection, prepared } = lane;
    let result: QueryResult | QueryResult[];
    try {
      if (params && Object.keys(params).length > 0) {
        result = await connection.execute(await prepared.get(statement), params as never);
      } else {
        result = await connection.query(statement);
      }
    } catch (error) {
      throw mapKuzuError(error, this.options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS);
    }
    if (!Array.isArray(result)) return result;
    for (const each of result.slice(0, -1)) each.close();
    return result[result.length - 1];
  }

  // The reads that may take long: on the second connection (the queries themselves are CypherStore's).
  override neighborhood(id: string, depth: number, limit: number): Promise<GraphBatch> {
    return this.onLongLane(() => super.neighborhood(id, depth, limit));
  }

  override exportAll(): Promise<GraphBatch> {
    return this.onLongLane(() => super.exportAll());
  }

  override async *nodePages(pageSize: number): AsyncIterable<Page<GraphNode>> {
    yield* this.pagesOnLongLane(
      nodePagesByOffset((statement, params) => this.exportResult(statement, params), pageSize),
    );
  }

  override async *edgePages(pageSize: number): AsyncIterable<Page<GraphEdge>> {
    yield* this.pagesOnLongLane(
      edgePagesByOffset((statement, params) => this.exportResult(statement, params), pageSize, this.storedDegrees),
    );
  }

  /**
   * An export page's result, kept in `exportResults` until closed: a page is read from its result
   * as it is written (RowsPage), and one a caller kept unread past the export lane's closing
   * would have freed its result after its database. Closed with the lane, reading it throws.
   */
  private async exportResult(statement: string, params: Record<string, unknown>): Promise<RowResult> {
    const result = await this.result(statement, params);
    const results = this.exportResults;
    const tracked: RowResult = {
      getNumTuples: () => result.getNumTuples(),
      hasNext: () => result.hasNext(),
      getNextSync: () => result.getNextSync(),
      close: () => {
        if (results.delete(tracked)) result.close();
      },
    };
    results.add(tracked);
    return tracked;
  }

  /**
   * Each page read on the export lane. The next page is asked for before this one is handed on, so
   * that the engine reads it while the export writes this one (two pages in memory at most): read
   * one after the other, the process waited on the engine for about a third of an export. Nothing
   * is read ahead further: a consumer that stops reading (a slow download) stops the reads.
   */
  private async *pagesOnLongLane<T>(pages: AsyncIterable<T>): AsyncIterable<T> {
    const iterator = pages[Symbol.asyncIterator]();
    const read = () => this.onLongLane(() => iterator.next(), true);
    this.holdExportLane();
    let pending: Promise<IteratorResult<T>> | null = read();
    try {
      for (;;) {
        const next: IteratorResult<T> = await pending;
        pending = null;
        if (next.done) return;
        pending = read();
        // A failed read ahead surfaces when it is awaited, not as an unhandled rejection meanwhile.
        pending.catch(() => undefined);
        yield next.value;
      }
    } finally {
      // The generator may be waiting for the page read ahead: let it settle before closing it.
      await pending?.catch(() => undefined);
      await iterator.return?.();
      this.releaseExportLane();
    }
  }

  private holdExportLane(): void {
    this.exportReaders += 1;
    if (this.exportIdle) clearTimeout(this.exportIdle);
    this.exportIdle = null;
  }

  /**
   * The export lane's database closed a moment after the last export page was read: its buffer
   * pool (EXPORT_BUFFER_POOL_BYTES, full after any export of a large graph) and the engine's
   * memory for its catalog went back to the system instead of staying with the server for good.
   * Not at once: an export reads its nodes, then its relationships, one iteration after the other.
   */
  private releaseExportLane(): void {
    this.exportReaders -= 1;
    if (this.exportReaders > 0 || !this.exportDb) return;
    this.exportIdle = setTimeout(() => {
      this.exportIdle = null;
      void this.closeExportLane().catch(() => undefined);
    }, EXPORT_LANE_IDLE_MS);
    this.exportIdle.unref();
  }

  /** Closes the export lane's database, after the reads queued before (on the long queue). */
  private closeExportLane(): Promise<void> {
    const job = this.longQueue.then(async () => {
      if (this.exportReaders > 0 || !this.exportDb) return;
      const { database, lane } = this.exportDb;
      this.exportDb = null;
      for (const result of this.exportResults) result.close();
      await lane.connection.close();
      await database.close();
    });
    this.longQueue = job.catch(() => undefined);
    return job;
  }

  /**
   * The node and the degree it keeps (kuzu-degrees.ts) in one primary-key read: node details
   * decide from it whether to list every relationship, before the counts per type are read.
   */
  override async nodeWithDegree(id: string): Promise<{ node: GraphNode; degree: number } | null> {
    if (!this.storedDegrees) return super.nodeWithDegree(id);
    const [row] = await this.rows(this.labelled('node-by-id', labelOfNodeId(id)), { id });
    if (!row) return null;
    const stored = (row.n as Record<string, unknown>)[DEGREE_COLUMN];
    const node = this.toNode(row.n);
    return { node, degree: stored === null || stored === undefined ? await this.degree(id) : Number(stored) };
  }

  /**
   * The node, one page of its neighbours ranked from their ids and degrees (kuzu-neighbors.ts),
   * read by primary key, and the relationships among them read from their sources' offsets in
   * their tables (edgesAmongPage): by ids, those were the largest part of a neighbours' answer.
   * The ranking gives each neighbour's offset, so the relationships are read while the nodes are;
   * when the id names its label, the page is ranked while the node itself is read.
   */
  override async neighbors(id: string, options: NeighborOptions): Promise<GraphBatch> {
    const rank = (center: GraphNode) =>
      rankedNeighborIds((statement, params) => this.rows(statement, params), center, options, this.storedDegrees);
    const label = labelOfNodeId(id);
    const [[row], ranked] = await Promise.all([
      this.rows(this.labelled('node-by-id', label), { id }),
      label ? rank({ id, label, properties: {} }) : null,
    ]);
    if (!row) return { nodes: [], edges: [] };
    const center = this.toNode(row.n);
    const page = ranked ?? (await rank(center));
    const offsets = new Map(page.map((item) => [item.id, item.offset]));
    offsets.set(center.id, (row.n as KuzuNode)._id.offset);
    const ends = uniqueById([center, ...page.map((item) => ({ id: item.id, label: item.label, properties: {} }))]);
    const [{ nodes: found }, edges] = await Promise.all([
      this.nodesWithOffsets(page),
      edgesAmongPage((statement, params) => this.rows(statement, params), ends, offsets),
    ]);
    const nodes = uniqueById([center, ...page.flatMap((item) => found.get(item.id) ?? [])]);
    return { nodes, edges: filterNeighborEdges(edges, id, options.types) };
  }

  /**
   * Statement parts in two reads: the statements' offsets in their table (by primary key,
   * statement-offsets, for those whose brief rows did not give it: see noteBriefRow), then their
   * relationships by those offsets (statement-parts-at). In one query from a node, the engine read
   * the relationships of most statements in the graph to keep a few (statement-parts-at.cypher);
   * by `s.id IN $ids`, it compared every statement's id with the list.
   */
  protected override async statementPartRows(statements: GraphNode[]): Promise<Row[]> {
    const found: Row[] = [];
    const unknown: string[] = [];
    for (const statement of statements) {
      const offset = this.statementOffsets.get(statement);
      if (offset === undefined) unknown.push(statement.id);
      else found.push({ id: statement.id, statement: offset });
    }
    if (unknown.length > 0) found.push(...(await this.query('statement-offsets', { ids: unknown })));
    return this.statementPartRowsAt(found);
  }

  /**
   * A statement's offset in its table, from the row of incident-brief that found it
   * (`otherOffset`): its parts are then read by it without looking it up by id first.
   */
  protected override noteBriefRow(row: Row, other: GraphNode): void {
    if (other.label === 'Statement' && row.otherOffset !== null && row.otherOffset !== undefined)
      this.statementOffsets.set(other, Number(row.otherOffset));
  }

  /**
   * The parts of the statements found (rows of `statement`: an offset, and `id`), each row's
   * `center` the statement's id: statement-parts-at returns the offset (reading the ids there read
   * every statement's).
   */
  private async statementPartRowsAt(found: Row[]): Promise<Row[]> {
    if (found.length === 0) return [];
    const ids = new Map(found.map((row) => [Number(row.statement), String(row.id)]));
    const rows = await this.query('statement-parts-at', { offsets: [...ids.keys()] });
    return rows.map((row) => ({ ...row, center: ids.get(Number(row.statement)) }));
  }

  /** Nodes by id and label, label by label by primary key, with their offsets in their tables. */
  private async nodesWithOffsets(
    items: Array<{ id: string; label: string }>,
  ): Promise<{ nodes: Map<string, GraphNode>; offsets: Map<string, number> }> {
    const nodes = new Map<string, GraphNode>();
    const offsets = new Map<string, number>();
    // One statement per label, side by side on the read lanes.
    const groups = [...groupBy(items, (item) => item.label)];
    const found = await Promise.all(
      groups.map(([label, group]) =>
        this.rows(this.labelled('nodes-by-ids', label as NodeLabel), { ids: group.map((item) => item.id) }),
      ),
    );
    for (const row of found.flat()) {
      const node = this.toNode(row.n);
      nodes.set(node.id, node);
      offsets.set(node.id, (row.n as KuzuNode)._id.offset);
    }
    return { nodes, offsets };
  }

  /**
   * The most connected nodes (ranked by their stored degree, ids and labels only:
   * cypher/kuzu/overview.cypher), then the nodes and the relationships among them found by that
   * degree column (overview-nodes, overview-edges: see overviewByDegree); by counting on an old
   * database opened read-only.
   */
  override async overview(limit: number, maxEdges: number): Promise<OverviewBatch> {
    const ranked = (await this.query(this.storedDegrees ? 'overview' : 'overview-counted', { limit })).map((row) => ({
      id: String(row.id),
      label: String(row.label) as NodeLabel,
      degree: Number(row.degree),
    }));
    if (ranked.length === 0) return { nodes: [], edges: [], totalEdges: 0 };
    if (this.storedDegrees) return this.overviewByDegree(ranked, maxEdges);
    const { nodes: found, offsets } = await this.nodesWithOffsets(ranked);
    const nodes = ranked.flatMap((item) => found.get(item.id) ?? []);
    const degrees = new Map(ranked.map((item) => [item.id, item.degree]));
    const edges = await this.edgesAmong(nodes, EVIDENCE_PROPERTIES, offsets);
    return { nodes, ...capOverviewEdges(edges, degrees, maxEdges) };
  }

  /**
   * The ranked nodes and the first `maxEdges` relationships among them, read by the degree column
   * (the nodes above the least ranked degree, and those at it up to the last ranked id: the
   * ranking breaks ties by id; a list of them cost more), ordered and capped by
   * the engine; counted only when capped. Matching the 500 nodes' ids or offsets against lists, the
   * relationships among them took ten times longer (bench/read-scaling.ts).
   */
  private async overviewByDegree(ranked: Array<{ id: string; label: NodeLabel; degree: number }>, maxEdges: number) {
    const last = ranked[ranked.length - 1];
    const params = { degree: last.degree, lastId: last.id };
    const found = new Map<string, GraphNode>();
    for (const label of new Set(ranked.map((item) => item.label))) {
      const statement = this.labelled('overview-nodes', label).replaceAll(
        '{columns}',
        columns('n', ['id', ...Object.keys(NODE_PROPS[label])]),
      );
      for (const row of await this.rows(statement, params)) found.set(String(row.id), nodeFromColumns(label, row));
    }
    const nodes = ranked.flatMap((item) => found.get(item.id) ?? []);
    const statement = loadCypher('overview-edges', this.dialect).replaceAll(
      '{columns}',
      everyRelationshipColumn(EVIDENCE_PROPERTIES),
    );
    const edges = (await this.rows(statement, { ...params, limit: maxEdges })).flatMap((row) => {
      const source = found.get(String(row.source));
      const target = found.get(String(row.target));
      return source && target ? [this.edgeAmong(row, source, target)] : [];
    });
    const totalEdges = edges.length < maxEdges ? edges.length : await this.overviewTotal(ranked, params);
    return { nodes, edges, totalEdges };
  }

  /**
   * How many relationships there are among the ranked nodes when the overview is capped: counted
   * once for a ranking, then remembered while the ranking (every id with its stored degree) stays
   * the same. The count cost a quarter of the capped overview's relationship query (27 of 95 ms at
   * 100k/500k, bench/read-scaling.ts), for a number that changes only when the graph does: a
   * relationship added or removed among the nodes changes the stored degree of both its ends.
   * Only on a read-only store, which answers from the database as it was opened; a store that
   * writes counts every time.
   */
  private async overviewTotal(
    ranked: Array<{ id: string; degree: number }>,
    params: { degree: number; lastId: string },
  ): Promise<number> {
    const ranking = ranked.map((item) => `${item.id}\t${item.degree}`).join('\n');
    if (this.options.readOnly && this.overviewCount?.ranking === ranking) return this.overviewCount.count;
    const count = Number((await this.query('overview-edge-count', params))[0]?.count ?? 0);
    if (this.options.readOnly) this.overviewCount = { ranking, count };
    return count;
  }

  /**
   * Relationships among nodes read as columns (see cypher/kuzu/edges-among.cypher); keyed: by the
   * nodes' offsets in their tables (edges-among-offsets.cypher).
   */
  protected override edgesAmongPart(
    from: NodeLabel,
    to: NodeLabel,
    omit: readonly string[] = [],
    keyed = false,
  ): string {
    return loadCypher(keyed ? 'edges-among-offsets' : 'edges-among', this.dialect)
      .replaceAll('{from}', from)
      .replaceAll('{to}', to)
      .replaceAll('{columns}', relationshipColumns(from, to, omit));
  }

  protected override edgeAmong(row: Row, source: GraphNode, target: GraphNode): GraphEdge {
    return edgeFromColumns(row.type as RelType, source.label, target.label, row);
  }

  /**
   * A path's relationships from its row (`rels`: shortest-path.cypher), their ends matched to the
   * path's nodes by internal id. Read among the path's nodes by id instead (edges-among.cypher),
   * every part compared the ids of a whole node table with the list: a read that grew with the
   * graph for a path of a few relationships.
   */
  protected override async pathEdges(rows: Row[]): Promise<Map<string, GraphEdge>> {
    const nodes = new Map<string, GraphNode>();
    for (const row of rows)
      for (const value of row.nodes as KuzuNode[]) nodes.set(internalKey(value._id), this.toNode(value));
    const edges = new Map<string, GraphEdge>();
    for (const row of rows) {
      for (const rel of row.rels as KuzuRel[]) {
        const source = nodes.get(internalKey(rel._src));
        const target = nodes.get(internalKey(rel._dst));
        if (!source || !target) continue;
        const edge = this.toEdge(rel, source, target);
        edges.set(edge.id, edge);
      }
    }
    return edges;
  }

  /** Out when the relationship's source is the node (`center`: its internal id, see incident-brief.cypher). */
  protected override briefDirection(row: Row): 'out' | 'in' {
    const center = row.center as KuzuNode['_id'];
    const source = (row.e as KuzuRel)._src;
    return source.table === center.table && source.offset === center.offset ? 'out' : 'in';
  }

  protected toNode(value: unknown): GraphNode {
    return toGraphNode(value as KuzuNode);
  }

  protected toEdge(value: unknown, source: GraphNode, target: GraphNode): GraphEdge {
    return toGraphEdge(value as KuzuRel, source, target);
  }

  protected async fullTextHits(lowerQuery: string, limit: number): Promise<Array<{ node: GraphNode; score: number }>> {
    if (!this.fullText) return [];
    const template = loadCypher('search-fts', this.dialect);
    const hits: Array<{ node: GraphNode; score: number }> = [];
    for (const [table, index] of FTS_TABLES) {
      const statement = template.replaceAll('{table}', table).replaceAll('{index}', index);
      // A database whose last import died between dropping and rebuilding an index has none.
      const rows = await this.rows(statement, { q: lowerQuery, limit }).catch((error: unknown) => {
        if (error instanceof Error && /index/i.test(error.message)) return [] as Row[];
        throw error;
      });
      for (const row of rows) hits.push({ node: this.toNode(row.n), score: fullTextScore(Number(row.score)) });
    }
    return hits;
  }

  async writeBatch(batch: GraphBatch): Promise<WriteSummary> {
    const writer = await this.beginWrites();
    try {
      return await writer.write(batch);
    } finally {
      await writer.finish();
    }
  }

  /**
   * Kuzu 0.11.3 crashed the process when an explicit transaction updated a table that has a
   * full-text index: the indexes are dropped before the first write of a run and built again from
   * all rows once, by finish().
   */
  beginWrites(): Promise<BatchWriter> {
    let dropped = false;
    let checkpointError: Error | null = null;
    const serial = (work: () => Promise<void>) => {
      const job = this.writes.then(work);
      this.writes = job.catch(() => undefined);
      return job;
    };
    return Promise.resolve({
      write: async (batch: GraphBatch | GraphParts) => {
        let summary: WriteSummary = { nodesWritten: 0, edgesWritten: 0 };
        await serial(async () => {
          if (checkpointError) throw checkpointError;
          if (!dropped) {
            dropped = true;
            await this.dropFullTextIndexes();
          }
          summary = await writeBatchInTransaction(this.connection, batch, {
            bulkMinRows: this.options.bulkMinRows,
          }).catch((error: unknown) => {
            throw mapWriteError(error);
          });
          // A process killed while the next write is in the WAL can make LadybugDB 0.19.1 drop the
          // whole WAL on open, committed writes included (test/engine/import-kill.test.ts, the
          // resume test): a checkpoint puts each committed write in the database file itself.
          // After a failed one, LadybugDB loses the commits that follow: no more writes here.
          await this.rows('CHECKPOINT').catch((error: unknown) => {
            checkpointError = checkpointFailed(this.options.path, error);
            throw checkpointError;
          });
        });
        return summary;
      },
      finish: () => serial(() => (dropped ? this.rebuildFullTextIndexes() : Promise.resolve())),
    });
  }

  private async existingIndexes(): Promise<Set<string>> {
    return new Set((await this.rows('CALL SHOW_INDEXES() RETURN *')).map((row) => String(row.index_name)));
  }

  /**
   * A run that dropped the indexes and was killed before it rebuilt them leaves the marker file
   * (full-text-marker.ts): the next read-write open rebuilds them, when the extension is loaded.
   */
  private async repairFullTextIndexes(): Promise<void> {
    if (this.fullText && this.marker.present()) await this.rebuildFullTextIndexes();
  }

  /**
   * Why full-text search is not what it should be, or null: an import that dropped the indexes
   * did not rebuild them (killed), or an index is missing while the extension is loaded.
   */
  async fullTextDamage(): Promise<string | null> {
    if (this.marker.present()) {
      return 'full-text indexes are missing: an import stopped before rebuilding them; run the import again (or open the database read-write with the fts extension installed) to rebuild them';
    }
    if (!this.fullText) return null;
    const existing = await this.existingIndexes();
    const missing = FTS_TABLES.filter(([, index]) => !existing.has(index)).map(([, index]) => index);
    if (missing.length === 0 || (await this.isEmpty())) return null;
    return `full-text indexes missing: ${missing.join(', ')}; run an import to rebuild them`;
  }

  private get marker(): FullTextMarker {
    return new FullTextMarker(this.db.path);
  }

  private async rebuildFullTextIndexes(): Promise<void> {
    await this.createFullTextIndexes();
    this.marker.clear();
  }

  private async dropFullTextIndexes(): Promise<void> {
    if (!this.fullText) return;
    this.marker.set();
    const existing = await this.existingIndexes();
    for (const [table, index] of FTS_TABLES) {
      if (existing.has(index)) await this.rows(`CALL DROP_FTS_INDEX('${table}', '${index}')`);
    }
  }

  private async createFullTextIndexes(): Promise<void> {
    if (!this.fullText) return;
    const existing = await this.existingIndexes();
    for (const statement of splitStatements(loadCypher('fts-indexes', this.dialect))) {
      const index = /'([a-z_]+_fts)'/.exec(statement)?.[1];
      if (!index || existing.has(index)) continue;
      await this.rows(statement).catch(async (error: unknown) => {
        // A build killed half-way leaves the index's own tables behind ("Table
        // ..._fts_appears_info already exists"): drop what is left, then build it again.
        if (!(error instanceof Error && /already exists/i.test(error.message))) throw error;
        const table = /CREATE_FTS_INDEX\('([A-Za-z]+)'/.exec(statement)?.[1];
        await this.rows(`CALL DROP_FTS_INDEX('${table}', '${index}')`).catch(() => undefined);
        await this.rows(statement);
      });
    }
  }

  async schema(): Promise<GraphSchema> {
    const tables = await this.rows('CALL show_tables() RETURN name, type');
    const labels: GraphSchema['labels'] = [];
    const relationshipTypes: GraphSchema['relationshipTypes'] = [];
    const keys = new Set<string>();
    for (const table of tables) {
      const name = String(table.name);
      const info = await this.rows(`CALL table_info('${name}') RETURN name`);
      // The stored degree is the store's own bookkeeping, not a property anyone wrote.
      const properties = info.map((row) => String(row.name)).filter((key) => key !== DEGREE_COLUMN);
      properties.forEach((key) => keys.add(key));
      if (table.type === 'NODE') labels.push({ label: name, properties });
      else if (table.type === 'REL') {
        const pairs = await this.rows(`CALL show_connection('${name}') RETURN *`);
        const endpoints = pairs.map(
          (row) => [String(row['source table name']), String(row['destination table name'])] as [string, string],
        );
        relationshipTypes.push({ type: name, properties, endpoints });
      }
    }
    return { labels, relationshipTypes, propertyKeys: [...keys].sort() };
  }

  async runReadQuery(
    query: string,
    params: Record<string, unknown>,
    options: ReadQueryOptions,
  ): Promise<ReadQueryResult> {
    if (!this.options.readOnly) {
      throw new StoreUnavailableError('Console queries need the database opened read-only (the server opens it so).');
    }
    this.console ??= new ConsoleRunner({
      dbPath: this.db.path,
      memoryLimitBytes: this.options.consoleMemoryLimitBytes ?? 2 * 1024 * 1024 * 1024,
      ...this.options.consoleQueue,
    });
    const started = Date.now();
    const result = await this.console.run(query, params, options.limit, options.timeoutMs);
    const graph = { nodes: uniqueById(result.graph.nodes), edges: uniqueById(result.graph.edges) };
    return {
      columns: result.columns,
      rows: result.rows,
      graph,
      truncated: result.truncated,
      elapsedMs: Date.now() - started,
    };
  }

  async close(): Promise<void> {
    await this.writes;
    await this.console?.close();
    if (this.exportIdle) clearTimeout(this.exportIdle);
    await this.longQueue;
    await this.long?.connection.close();
    await this.exportDb?.lane.connection.close();
    await this.exportDb?.database.close();
    for (const reader of this.readers.lanes) if (reader !== this.main) await reader.connection.close();
    await this.connection.close();
    await this.db.release();
  }
}
