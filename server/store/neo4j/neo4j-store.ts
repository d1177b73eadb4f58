/**
 * GraphStore over Neo4j 5 (neo4j-driver). Chosen when NEO4J_URI is set. When Neo4j is away every
 * call fails fast with StoreUnavailableError (HTTP 503) naming the URI and the reason; the driver
 * reconnects by itself, and the schema is created on the first call that reaches the server.
 * The reads shared with Kuzu live in CypherStore.
 */
import neo4j, { type Driver, type Node, type Relationship } from 'neo4j-driver';
import { NODE_LABELS, REL_TYPES, type GraphBatch, type GraphEdge, type GraphNode } from '../../domain/graph.js';
import { NODE_PROPS, REL_ENDPOINTS, REL_PROPS } from '../../domain/schema.js';
import { loadCypher, splitStatements } from '../cypher-files.js';
import { CypherStore, type Row } from '../cypher-store.js';
import {
  partsOf,
  type BatchWriter,
  type GraphParts,
  type ReadQueryOptions,
  type WriteSummary,
} from '../graph-store.js';
import { uniqueById, type GraphSchema, type ReadQueryResult } from '../../domain/reads.js';
import { STORE_KINDS } from '../../domain/stores.js';
import { fullTextScore } from '../search-hits.js';
import { ConsoleQueue } from '../console/console-queue.js';
import { DEFAULT_CONSOLE_QUEUE, DEFAULT_RESPONSE_MAX_BYTES } from '../console/response-budget.js';
import { runConsoleQuery } from './neo4j-console.js';
import { closeWithin, withinDeadline } from './neo4j-deadline.js';
import { mapNeo4jError, uriForMessages } from './neo4j-errors.js';
import { toGraphEdge, toGraphNode, toNeo4jParams } from './neo4j-values.js';
import { writeBatchInTransaction } from './neo4j-writer.js';

export interface Neo4jStoreOptions {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** How long to wait for a connection before answering "unavailable". */
  connectionTimeoutMs?: number;
  /** How long any call may wait for an answer before the store says Neo4j is unavailable. */
  callTimeoutMs?: number;
  /** Console queries waiting for a turn (default DEFAULT_CONSOLE_QUEUE); one more gets 503. */
  consoleMaxQueued?: number;
  /** Byte cap of a console answer (default DEFAULT_RESPONSE_MAX_BYTES); past it 413. */
  maxResponseBytes?: number;
}

/** Console queries Neo4j runs at once; the others wait in the ConsoleQueue. */
const CONSOLE_CONCURRENCY = 4;

/** Longer than any read the API makes; a hung server is reported after this. */
const DEFAULT_CALL_TIMEOUT_MS = 15_000;
/** A console query has its own (server-side) time limit; the client waits that long and this much more. */
const CONSOLE_GRACE_MS = 5_000;

const FULLTEXT_INDEXES = ['entity_fulltext', 'statement_fulltext', 'document_fulltext'];
/** Neo4j 5's answer when a full-text query names an index the database does not have. */
const MISSING_FULLTEXT_INDEX = /no such fulltext schema index/i;

/** Lucene syntax: escape every special character so user text is searched as words. */
function luceneQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .join(' ');
}

export class Neo4jStore extends CypherStore {
  readonly kind = 'neo4j' as const;
  readonly dialect = STORE_KINDS.neo4j.dialect;
  private schemaReady: Promise<void> | null = null;
  /** The schema being made again after a full-text index went missing (fullTextRows). */
  private schemaRemade: Promise<void> | null = null;
  private readonly consoleQueue: ConsoleQueue;

  private constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jStoreOptions,
  ) {
    super();
    this.consoleQueue = new ConsoleQueue({
      concurrency: CONSOLE_CONCURRENCY,
      maxQueued: options.consoleMaxQueued ?? DEFAULT_CONSOLE_QUEUE,
    });
  }

  get location(): string {
    return uriForMessages(this.options.uri);
  }

  static async open(options: Neo4jStoreOptions): Promise<Neo4jStore> {
    const auth = options.user ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
    const driver = neo4j.driver(options.uri, auth, {
      disableLosslessIntegers: true,
      connectionTimeout: options.connectionTimeoutMs ?? 3000,
      connectionAcquisitionTimeout: (options.connectionTimeoutMs ?? 3000) + 2000,
      maxTransactionRetryTime: 2000,
      logging: { level: 'error', logger: () => undefined },
    });
    return new Neo4jStore(driver, options);
  }
  async connect(): Promise<void> {
    this.schemaReady ??= (async () => {
      const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, ...this.databaseOption() });
      try {
        const statements = splitStatements(loadCypher('schema', this.dialect));
        await withinDeadline(
          (async () => {
            for (const statement of statements) await session.run(statement);
          })(),
          this.options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
          () => void session.close().catch(() => undefined),
          () => `Neo4j at ${this.location}`,
        );
      } finally {
        await closeWithin(session);
      }
    })().catch((error: unknown) => {
      this.schemaReady = null;
      throw mapNeo4jError(error, this.location);
    });
    return this.schemaReady;
  }
  private databaseOption(): { database?: string } {
    return this.options.database ? { database: this.options.database } : {};
  }
  protected async rows(statement: string, params: Row = {}): Promise<Row[]> {
    await this.connect();
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ, ...this.databaseOption() });
    try {
      const result = await withinDeadline(
        session.run(statement, toNeo4jParams(params)),
        this.options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
        () => void session.close().catch(() => undefined),
        () => `Neo4j at ${this.location}`,
      );
      return result.records.map((record) => record.toObject());
    } catch (error) {
      throw mapNeo4jError(error, this.location);
    } finally {
      await closeWithin(session);
    }
  }
  protected toNode(value: unknown): GraphNode {
    return toGraphNode(value as Node);
  }

  protected toEdge(value: unknown, source: GraphNode, target: GraphNode): GraphEdge {
    return toGraphEdge(value as Relationship, source, target);
  }

  protected async fullTextHits(lowerQuery: string, limit: number): Promise<Array<{ node: GraphNode; score: number }>> {
    const lucene = luceneQuery(lowerQuery);
    if (lucene === '') return [];
    const template = loadCypher('search-fts', this.dialect);
    const hits: Array<{ node: GraphNode; score: number }> = [];
    for (const index of FULLTEXT_INDEXES) {
      for (const row of await this.fullTextRows(template.replaceAll('{index}', index), { q: lucene, limit })) {
        // Lucene scores are unbounded; squash them into the full-text band.
        hits.push({ node: this.toNode(row.n), score: fullTextScore(Number(row.score) / (1 + Number(row.score))) });
      }
    }
    return hits;
  }

  /**
   * One full-text index's hits. The schema is made once per process (connect), so an index dropped
   * under a running server (the database emptied, or replaced by a fresh one) stays missing: make
   * the schema again, once, and ask again.
   */
  private async fullTextRows(statement: string, params: Row): Promise<Row[]> {
    try {
      return await this.rows(statement, params);
    } catch (error) {
      if (!(error instanceof Error) || !MISSING_FULLTEXT_INDEX.test(error.message)) throw error;
      await this.remakeSchema();
      return this.rows(statement, params);
    }
  }

  /** Runs the schema again and waits for its indexes to be online; searches that fail at once share one run. */
  private remakeSchema(): Promise<void> {
    this.schemaRemade ??= (async () => {
      this.schemaReady = null;
      await this.connect();
      const seconds = Math.max(1, Math.floor((this.options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS) / 1000) - 1);
      await this.rows('CALL db.awaitIndexes($seconds)', { seconds });
    })().finally(() => {
      this.schemaRemade = null;
    });
    return this.schemaRemade;
  }

  async writeBatch(batch: GraphBatch): Promise<WriteSummary> {
    await this.connect();
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, ...this.databaseOption() });
    try {
      await session.executeWrite((tx) => writeBatchInTransaction(tx, batch));
      return { nodesWritten: batch.nodes.length, edgesWritten: batch.edges.length };
    } catch (error) {
      throw mapNeo4jError(error, this.location);
    } finally {
      await session.close();
    }
  }
  /**
   * Every write is its own transaction; Neo4j keeps its indexes up to date by itself. A write in
   * parts is gathered into one batch first: the transaction function may be run again, and parts
   * are made only once (so here, unlike the embedded store, the whole write is held in memory).
   */
  beginWrites(): Promise<BatchWriter> {
    const write = async (batch: GraphBatch | GraphParts) => {
      const whole: GraphBatch = { nodes: [], edges: [] };
      for await (const part of partsOf(batch)) {
        for (const node of part.nodes) whole.nodes.push(node);
        for (const edge of part.edges) whole.edges.push(edge);
      }
      return this.writeBatch(whole);
    };
    return Promise.resolve({ write, finish: () => Promise.resolve() });
  }

  async schema(): Promise<GraphSchema> {
    const [row] = await this.rows(
      'CALL db.labels() YIELD label WITH collect(label) AS labels CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types CALL db.propertyKeys() YIELD propertyKey RETURN labels, types, collect(propertyKey) AS keys',
    );
    const labels = [...new Set([...NODE_LABELS, ...((row?.labels as string[]) ?? [])])];
    const types = [...new Set([...REL_TYPES, ...((row?.types as string[]) ?? [])])];
    const keys = new Set<string>((row?.keys as string[]) ?? []);
    Object.values(NODE_PROPS).forEach((props) => Object.keys(props).forEach((key) => keys.add(key)));
    Object.values(REL_PROPS).forEach((props) => Object.keys(props).forEach((key) => keys.add(key)));
    keys.add('id');
    return {
      labels: labels.map((label) => ({
        label,
        properties: ['id', ...Object.keys(NODE_PROPS[label as keyof typeof NODE_PROPS] ?? {})],
      })),
      relationshipTypes: types.map((type) => ({
        type,
        properties: Object.keys(REL_PROPS[type as keyof typeof REL_PROPS] ?? {}),
        endpoints: REL_ENDPOINTS[type as keyof typeof REL_ENDPOINTS] ?? [],
      })),
      propertyKeys: [...keys].sort(),
    };
  }
  async runReadQuery(
    query: string,
    params: Record<string, unknown>,
    options: ReadQueryOptions,
  ): Promise<ReadQueryResult> {
    await this.connect();
    const started = Date.now();
    try {
      const maxResponseBytes = this.options.maxResponseBytes ?? DEFAULT_RESPONSE_MAX_BYTES;
      const outcome = await this.consoleQueue.run(options.timeoutMs, (timeoutMs) =>
        withinDeadline(
          runConsoleQuery(this.driver, this.options.database, query, params, {
            ...options,
            timeoutMs,
            maxResponseBytes,
          }),
          timeoutMs + CONSOLE_GRACE_MS,
          () => undefined,
          () => `Neo4j at ${this.location}`,
        ),
      );
      const graph = { nodes: uniqueById(outcome.graph.nodes), edges: uniqueById(outcome.graph.edges) };
      return {
        columns: outcome.columns,
        rows: outcome.rows,
        graph,
        truncated: outcome.truncated,
        elapsedMs: Date.now() - started,
      };
    } catch (error) {
      throw mapNeo4jError(error, this.location);
    }
  }
  /**
   * Empties the database — for tests only, so it refuses unless the server keeps its data in a
   * throwaway directory of test/neo4j-launcher (`actorgraph-neo4j-…`) or
   * ACTORGRAPH_ALLOW_DELETE_EVERYTHING=1 is set: a test pointed by mistake at a server in use (a
   * port taken by someone else's Neo4j) must not wipe it.
   */
  async deleteEverything(): Promise<void> {
    await this.connect();
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, ...this.databaseOption() });
    try {
      if (process.env.ACTORGRAPH_ALLOW_DELETE_EVERYTHING !== '1') {
        const settings = await session
          .run("SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.data' RETURN value")
          .catch(() => null);
        const dataDir = String(settings?.records[0]?.get('value') ?? 'unknown');
        if (!/actorgraph-neo4j-/.test(dataDir)) {
          throw new Error(
            `Refusing to delete everything in ${this.location}: its data directory (${dataDir}) is not a ` +
              'throwaway test server of test/neo4j-launcher. Set ACTORGRAPH_ALLOW_DELETE_EVERYTHING=1 to force.',
          );
        }
      }
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    } finally {
      await session.close();
    }
  }
  async close(): Promise<void> {
    await this.driver.close();
  }
}
