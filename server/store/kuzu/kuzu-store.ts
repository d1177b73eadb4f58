/**
 * GraphStore over an embedded Kuzu database. Opened read-write by the importer and read-only by
 * the server; console queries always go through a read-only child process (ConsoleRunner).
 */
import kuzu from 'kuzu';
import type { CypherResponse, GraphPayload, SchemaResponse, SearchHit, StatsResponse } from '../../domain/api.js';
import { REL_TYPES, type GraphBatch, type GraphEdge, type GraphNode } from '../../domain/graph.js';
import { StoreUnavailableError } from '../../domain/errors.js';
import { loadCypher, splitStatements } from '../cypher-files.js';
import type { GraphStore, IncidentEdge, NeighborOptions, ReadQueryOptions, WriteSummary } from '../graph-store.js';
import { toApiPayload } from '../payload.js';
import { filterNeighborEdges, fullTextScore, nameMatchScore, SearchHits } from '../search-hits.js';
import { ConsoleRunner } from './console-runner.js';
import { openDatabase, type OpenDatabase } from './kuzu-database.js';
import { toGraphEdge, toGraphNode, type KuzuNode, type KuzuRel } from './kuzu-values.js';
import { writeBatchInTransaction } from './kuzu-writer.js';

const FTS_TABLES = [
  ['Actor', 'actor_fts'],
  ['Institution', 'institution_fts'],
  ['Place', 'place_fts'],
  ['Statement', 'statement_fts'],
  ['Document', 'document_fts'],
] as const;

type Row = Record<string, unknown>;

export interface KuzuStoreOptions {
  path: string;
  readOnly: boolean;
  consoleMemoryLimitBytes?: number;
}

export class KuzuStore implements GraphStore {
  readonly kind = 'kuzu' as const;
  readonly dialect = 'kuzu' as const;
  private writes: Promise<unknown> = Promise.resolve();
  private console: ConsoleRunner | null = null;

  private constructor(
    private readonly db: OpenDatabase,
    private readonly connection: kuzu.Connection,
    private readonly options: KuzuStoreOptions,
  ) {}

  get location(): string {
    return this.db.path;
  }

  /** Opens (and, read-write, creates) the database. The schema is created when missing. */
  static async open(options: KuzuStoreOptions): Promise<KuzuStore> {
    if (options.readOnly) {
      // A read-only open cannot create tables: create the schema first if the file is new.
      const writer = await KuzuStore.open({ ...options, readOnly: false }).catch((error: unknown) => {
        if (error instanceof StoreUnavailableError && /in use/.test(error.message)) return null;
        throw error;
      });
      await writer?.close();
    }
    const db = await openDatabase(options.path, { readOnly: options.readOnly });
    const connection = new kuzu.Connection(db.database);
    await connection.init();
    const store = new KuzuStore(db, connection, options);
    if (!options.readOnly) await store.createSchema();
    return store;
  }

  private async createSchema(): Promise<void> {
    for (const statement of splitStatements(loadCypher('schema', 'kuzu'))) await this.rows(statement);
  }

  private async rows(statement: string, params?: Record<string, unknown>): Promise<Row[]> {
    let result: kuzu.QueryResult | kuzu.QueryResult[];
    if (params && Object.keys(params).length > 0) {
      const prepared = await this.connection.prepare(statement);
      if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
      result = await this.connection.execute(prepared, params as never);
    } else {
      result = await this.connection.query(statement);
    }
    const single = Array.isArray(result) ? result[result.length - 1]! : result;
    const rows = single.getAllSync() as Row[];
    for (const each of Array.isArray(result) ? result : [result]) each.close();
    return rows;
  }

  private query(name: string, params?: Record<string, unknown>): Promise<Row[]> {
    return this.rows(loadCypher(name, 'kuzu'), params);
  }

  writeBatch(batch: GraphBatch): Promise<WriteSummary> {
    const job = this.writes.then(async () => {
      // Kuzu 0.11.3 crashes the process when an explicit transaction updates a table that has a
      // full-text index: drop the indexes, write, and build them again from the new rows.
      await this.dropFullTextIndexes();
      try {
        await writeBatchInTransaction(this.connection, batch);
      } finally {
        await this.createFullTextIndexes();
      }
      return { nodesWritten: batch.nodes.length, edgesWritten: batch.edges.length };
    });
    this.writes = job.catch(() => undefined);
    return job;
  }

  private async existingIndexes(): Promise<Set<string>> {
    return new Set((await this.rows('CALL SHOW_INDEXES() RETURN *')).map((row) => String(row.index_name)));
  }

  private async dropFullTextIndexes(): Promise<void> {
    const existing = await this.existingIndexes();
    for (const [table, index] of FTS_TABLES) {
      if (existing.has(index)) await this.rows(`CALL DROP_FTS_INDEX('${table}', '${index}')`);
    }
  }

  private async createFullTextIndexes(): Promise<void> {
    const existing = await this.existingIndexes();
    for (const statement of splitStatements(loadCypher('fts-indexes', 'kuzu'))) {
      const index = /'([a-z_]+_fts)'/.exec(statement)?.[1];
      if (index && !existing.has(index)) await this.rows(statement);
    }
  }

  async findNodes(ids: string[]): Promise<GraphNode[]> {
    if (ids.length === 0) return [];
    const rows = await this.query('nodes-by-ids', { ids });
    return rows.map((row) => toGraphNode(row.n as KuzuNode));
  }

  async findEdges(ids: string[]): Promise<GraphEdge[]> {
    if (ids.length === 0) return [];
    return this.edgesFrom(await this.query('edges-by-ids', { ids }));
  }

  private edgesFrom(rows: Row[]): GraphEdge[] {
    return rows.map((row) =>
      toGraphEdge(row.e as KuzuRel, toGraphNode(row.a as KuzuNode), toGraphNode(row.b as KuzuNode)),
    );
  }

  async isEmpty(): Promise<boolean> {
    const [row] = await this.query('count-nodes');
    return Number(row?.count ?? 0) === 0;
  }

  async stats(): Promise<StatsResponse> {
    const nodes: Record<string, number> = {};
    const relationships: Record<string, number> = {};
    for (const row of await this.query('stats-nodes')) nodes[String(row.label)] = Number(row.count);
    for (const row of await this.query('stats-relationships')) relationships[String(row.type)] = Number(row.count);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    return { nodes, relationships, totalNodes: sum(nodes), totalRelationships: sum(relationships) };
  }

  async schema(): Promise<SchemaResponse> {
    const tables = await this.rows('CALL show_tables() RETURN name, type');
    const labels: SchemaResponse['labels'] = [];
    const relationshipTypes: SchemaResponse['relationshipTypes'] = [];
    const keys = new Set<string>();
    for (const table of tables) {
      const name = String(table.name);
      const info = await this.rows(`CALL table_info('${name}') RETURN name`);
      const properties = info.map((row) => String(row.name));
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

  async overview(limit: number): Promise<GraphPayload> {
    const rows = await this.query('overview', { limit });
    const nodes = rows.map((row) => toGraphNode(row.n as KuzuNode));
    return toApiPayload(nodes, await this.edgesAmong(nodes.map((node) => node.id)));
  }

  private async edgesAmong(ids: string[]): Promise<GraphEdge[]> {
    if (ids.length === 0) return [];
    return this.edgesFrom(await this.query('edges-among', { ids }));
  }

  async getNode(id: string): Promise<GraphNode | null> {
    const [row] = await this.query('node-by-id', { id });
    return row ? toGraphNode(row.n as KuzuNode) : null;
  }

  async degree(id: string): Promise<number> {
    const [row] = await this.query('node-degree', { id });
    return Number(row?.degree ?? 0);
  }

  async incidentEdges(id: string, types: string[] = []): Promise<IncidentEdge[]> {
    const center = await this.getNode(id);
    if (!center) return [];
    const rows = await this.query('incident-edges', { id });
    const incident: IncidentEdge[] = [];
    for (const row of rows) {
      const other = toGraphNode(row.m as KuzuNode);
      const direction = row.direction === 'out' ? 'out' : 'in';
      const [source, target] = direction === 'out' ? [center, other] : [other, center];
      const edge = toGraphEdge(row.e as KuzuRel, source, target);
      if (types.length === 0 || types.includes(edge.type)) incident.push({ edge, direction, other });
    }
    return incident;
  }

  async neighbors(id: string, options: NeighborOptions): Promise<GraphPayload> {
    const center = await this.getNode(id);
    if (!center) return { nodes: [], edges: [] };
    // An empty list parameter crashes Kuzu 0.11.3 (the process exits): always pass a typed list.
    const types = options.types.length > 0 ? options.types : [...REL_TYPES];
    const rows = await this.query('neighbors', { id, types, skip: options.skip ?? 0, limit: options.limit });
    const nodes = [center, ...rows.map((row) => toGraphNode(row.m as KuzuNode))];
    const edges = await this.edgesAmong(nodes.map((node) => node.id));
    return toApiPayload(nodes, filterNeighborEdges(edges, id, options.types));
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const q = text.trim().toLowerCase();
    if (q === '') return [];
    const hits = new SearchHits();
    for (const row of await this.query('search-names', { q, limit: limit * 3 })) {
      const node = toGraphNode(row.n as KuzuNode);
      hits.add(node, nameMatchScore(node, q));
    }
    const template = loadCypher('search-fts', 'kuzu');
    for (const [table, index] of FTS_TABLES) {
      const statement = template.replaceAll('{table}', table).replaceAll('{index}', index);
      // A database whose last import died between dropping and rebuilding an index has none.
      const rows = await this.rows(statement, { q, limit }).catch((error: unknown) => {
        if (error instanceof Error && /index/i.test(error.message)) return [] as Row[];
        throw error;
      });
      for (const row of rows) hits.add(toGraphNode(row.n as KuzuNode), fullTextScore(Number(row.score)));
    }
    return hits.top(limit);
  }

  async *nodePages(pageSize: number): AsyncIterable<GraphNode[]> {
    let after = '';
    for (;;) {
      const page = (await this.query('nodes-page', { after, limit: pageSize })).map((row) =>
        toGraphNode(row.n as KuzuNode),
      );
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1]!.id;
    }
  }

  async *edgePages(pageSize: number): AsyncIterable<GraphEdge[]> {
    let after = '';
    for (;;) {
      const page = this.edgesFrom(await this.query('edges-page', { after, limit: pageSize }));
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1]!.id;
    }
  }

  async neighborhood(id: string, depth: number, limit: number): Promise<GraphBatch> {
    const center = await this.getNode(id);
    if (!center) return { nodes: [], edges: [] };
    const statement = loadCypher('neighborhood', 'kuzu').replaceAll(
      '{depth}',
      String(Math.max(1, Math.min(5, Math.trunc(depth)))),
    );
    const rows = await this.rows(statement, { id, limit });
    const nodes = [center, ...rows.map((row) => toGraphNode(row.m as KuzuNode))];
    return { nodes, edges: await this.edgesAmong(nodes.map((node) => node.id)) };
  }

  async exportAll(): Promise<GraphBatch> {
    const nodes = (await this.query('all-nodes')).map((row) => toGraphNode(row.n as KuzuNode));
    const edges = this.edgesFrom(await this.query('all-edges'));
    return { nodes, edges };
  }

  async runReadQuery(
    query: string,
    params: Record<string, unknown>,
    options: ReadQueryOptions,
  ): Promise<CypherResponse> {
    if (!this.options.readOnly) {
      throw new StoreUnavailableError('Console queries need the database opened read-only (the server opens it so).');
    }
    this.console ??= new ConsoleRunner({
      dbPath: this.db.path,
      memoryLimitBytes: this.options.consoleMemoryLimitBytes ?? 2 * 1024 * 1024 * 1024,
    });
    const started = Date.now();
    const result = await this.console.run(query, params, options.limit, options.timeoutMs);
    const graph = toApiPayload(result.graph.nodes, result.graph.edges);
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
    await this.connection.close();
    await this.db.release();
  }
}
