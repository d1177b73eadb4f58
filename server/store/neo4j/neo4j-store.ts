/**
 * GraphStore over Neo4j 5 (neo4j-driver). Chosen when NEO4J_URI is set. When Neo4j is away every
 * call fails fast with StoreUnavailableError (HTTP 503) naming the URI and the reason; the driver
 * reconnects by itself, and the schema is created on the first call that reaches the server.
 */
import neo4j, { type Driver, type Node, type Relationship } from 'neo4j-driver';
import type { CypherResponse, GraphPayload, SchemaResponse, SearchHit, StatsResponse } from '../../domain/api.js';
import { NODE_LABELS, REL_TYPES, type GraphBatch, type GraphEdge, type GraphNode } from '../../domain/graph.js';
import { NODE_PROPS, REL_ENDPOINTS, REL_PROPS } from '../../domain/schema.js';
import { loadCypher, splitStatements } from '../cypher-files.js';
import type { GraphStore, IncidentEdge, NeighborOptions, ReadQueryOptions, WriteSummary } from '../graph-store.js';
import { toApiPayload } from '../payload.js';
import { filterNeighborEdges, fullTextScore, nameMatchScore, SearchHits } from '../search-hits.js';
import { runConsoleQuery } from './neo4j-console.js';
import { mapNeo4jError } from './neo4j-errors.js';
import { toGraphEdge, toGraphNode, toNeo4jParams } from './neo4j-values.js';
import { writeBatchInTransaction } from './neo4j-writer.js';

export interface Neo4jStoreOptions {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  /** How long to wait for a connection before answering "unavailable". */
  connectionTimeoutMs?: number;
}

type Row = Record<string, unknown>;

const FULLTEXT_INDEXES = ['entity_fulltext', 'statement_fulltext', 'document_fulltext'];

/** Lucene syntax: escape every special character so user text is searched as words. */
function luceneQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'))
    .join(' ');
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  readonly dialect = 'neo4j' as const;
  private schemaReady: Promise<void> | null = null;

  private constructor(
    private readonly driver: Driver,
    private readonly options: Neo4jStoreOptions,
  ) {}

  get location(): string {
    return this.options.uri;
  }

  /** Never fails for an absent server: calls fail (503) until it is back. */
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

  /** Checks that Neo4j answers and that the schema exists; resolves once, retried after failures. */
  async connect(): Promise<void> {
    this.schemaReady ??= (async () => {
      const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, ...this.databaseOption() });
      try {
        for (const statement of splitStatements(loadCypher('schema', 'neo4j'))) await session.run(statement);
      } finally {
        await session.close();
      }
    })().catch((error: unknown) => {
      this.schemaReady = null;
      throw mapNeo4jError(error, this.options.uri);
    });
    return this.schemaReady;
  }

  private databaseOption(): { database?: string } {
    return this.options.database ? { database: this.options.database } : {};
  }

  private async rows(statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    await this.connect();
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ, ...this.databaseOption() });
    try {
      const result = await session.run(statement, toNeo4jParams(params) as Record<string, unknown>);
      return result.records.map((record) => record.toObject() as Row);
    } catch (error) {
      throw mapNeo4jError(error, this.options.uri);
    } finally {
      await session.close();
    }
  }

  private query(name: string, params?: Record<string, unknown>): Promise<Row[]> {
    return this.rows(loadCypher(name, 'neo4j'), params);
  }

  async writeBatch(batch: GraphBatch): Promise<WriteSummary> {
    await this.connect();
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, ...this.databaseOption() });
    try {
      await session.executeWrite((tx) => writeBatchInTransaction(tx, batch));
      return { nodesWritten: batch.nodes.length, edgesWritten: batch.edges.length };
    } catch (error) {
      throw mapNeo4jError(error, this.options.uri);
    } finally {
      await session.close();
    }
  }

  async findNodes(ids: string[]): Promise<GraphNode[]> {
    if (ids.length === 0) return [];
    return (await this.query('nodes-by-ids', { ids })).map((row) => toGraphNode(row.n as Node));
  }

  async findEdges(ids: string[]): Promise<GraphEdge[]> {
    if (ids.length === 0) return [];
    return this.edgesFrom(await this.query('edges-by-ids', { ids }));
  }

  private edgesFrom(rows: Row[]): GraphEdge[] {
    return rows.map((row) =>
      toGraphEdge(row.e as Relationship, toGraphNode(row.a as Node), toGraphNode(row.b as Node)),
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

  /** Neo4j has no declared columns: the model's schema, plus whatever else the data holds. */
  async schema(): Promise<SchemaResponse> {
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

  async overview(limit: number): Promise<GraphPayload> {
    const nodes = (await this.query('overview', { limit })).map((row) => toGraphNode(row.n as Node));
    return toApiPayload(nodes, await this.edgesAmong(nodes.map((node) => node.id)));
  }

  private async edgesAmong(ids: string[]): Promise<GraphEdge[]> {
    if (ids.length === 0) return [];
    return this.edgesFrom(await this.query('edges-among', { ids }));
  }

  async getNode(id: string): Promise<GraphNode | null> {
    const [row] = await this.query('node-by-id', { id });
    return row ? toGraphNode(row.n as Node) : null;
  }

  async degree(id: string): Promise<number> {
    const [row] = await this.query('node-degree', { id });
    return Number(row?.degree ?? 0);
  }

  async incidentEdges(id: string, types: string[] = []): Promise<IncidentEdge[]> {
    const center = await this.getNode(id);
    if (!center) return [];
    const incident: IncidentEdge[] = [];
    for (const row of await this.query('incident-edges', { id })) {
      const other = toGraphNode(row.m as Node);
      const direction = row.direction === 'out' ? 'out' : 'in';
      const [source, target] = direction === 'out' ? [center, other] : [other, center];
      const edge = toGraphEdge(row.e as Relationship, source, target);
      if (types.length === 0 || types.includes(edge.type)) incident.push({ edge, direction, other });
    }
    return incident;
  }

  async neighbors(id: string, options: NeighborOptions): Promise<GraphPayload> {
    const center = await this.getNode(id);
    if (!center) return { nodes: [], edges: [] };
    const types = options.types.length > 0 ? options.types : [...REL_TYPES];
    const rows = await this.query('neighbors', { id, types, skip: options.skip ?? 0, limit: options.limit });
    const nodes = [center, ...rows.map((row) => toGraphNode(row.m as Node))];
    const edges = await this.edgesAmong(nodes.map((node) => node.id));
    return toApiPayload(nodes, filterNeighborEdges(edges, id, options.types));
  }

  async search(text: string, limit: number): Promise<SearchHit[]> {
    const q = text.trim().toLowerCase();
    if (q === '') return [];
    const hits = new SearchHits();
    for (const row of await this.query('search-names', { q, limit: limit * 3 })) {
      const node = toGraphNode(row.n as Node);
      hits.add(node, nameMatchScore(node, q));
    }
    const lucene = luceneQuery(q);
    if (lucene !== '') {
      const template = loadCypher('search-fts', 'neo4j');
      for (const index of FULLTEXT_INDEXES) {
        for (const row of await this.rows(template.replaceAll('{index}', index), { q: lucene, limit })) {
          // Lucene scores are unbounded; squash them into the full-text band.
          hits.add(toGraphNode(row.n as Node), fullTextScore(Number(row.score) / (1 + Number(row.score))));
        }
      }
    }
    return hits.top(limit);
  }

  async *nodePages(pageSize: number): AsyncIterable<GraphNode[]> {
    let after = '';
    for (;;) {
      const page = (await this.query('nodes-page', { after, limit: pageSize })).map((row) =>
        toGraphNode(row.n as Node),
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
    const statement = loadCypher('neighborhood', 'neo4j').replaceAll(
      '{depth}',
      String(Math.max(1, Math.min(5, Math.trunc(depth)))),
    );
    const rows = await this.rows(statement, { id, limit });
    const nodes = [center, ...rows.map((row) => toGraphNode(row.m as Node))];
    return { nodes, edges: await this.edgesAmong(nodes.map((node) => node.id)) };
  }

  async exportAll(): Promise<GraphBatch> {
    const nodes = (await this.query('all-nodes')).map((row) => toGraphNode(row.n as Node));
    return { nodes, edges: this.edgesFrom(await this.query('all-edges')) };
  }

  async runReadQuery(
    query: string,
    params: Record<string, unknown>,
    options: ReadQueryOptions,
  ): Promise<CypherResponse> {
    await this.connect();
    const started = Date.now();
    try {
      const outcome = await runConsoleQuery(this.driver, this.options.database, query, params, options);
      const graph = toApiPayload(outcome.graph.nodes, outcome.graph.edges);
      return {
        columns: outcome.columns,
        rows: outcome.rows,
        graph,
        truncated: outcome.truncated,
        elapsedMs: Date.now() - started,
      };
    } catch (error) {
      throw mapNeo4jError(error, this.options.uri);
    }
  }

  /** Empties the database (tests and `--fresh` imports only). */
  async deleteEverything(): Promise<void> {
    await this.connect();
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE, ...this.databaseOption() });
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
