/**
 * What Kuzu and Neo4j do alike: every read the API makes, written once over named queries from
 * `cypher/`. A store supplies how to run a statement and how to turn its values into nodes and
 * edges; the queries themselves differ only where the dialects do (see cypher/kuzu, cypher/neo4j).
 */
import type { CypherResponse, GraphPayload, SchemaResponse, SearchHit, StatsResponse } from '../domain/api.js';
import { REL_TYPES, type GraphBatch, type GraphEdge, type GraphNode } from '../domain/graph.js';
import { loadCypher, type Dialect } from './cypher-files.js';
import type {
  BatchWriter,
  GraphPath,
  GraphStore,
  IncidentEdge,
  NeighborOptions,
  PathOptions,
  ReadQueryOptions,
  WriteSummary,
} from './graph-store.js';
import { toApiPayload } from '../domain/payload.js';
import { MAX_PATH_LENGTH } from '../domain/api.js';
import { filterNeighborEdges, nameMatchScore, SearchHits, TEXT_MATCH_SCORE } from './search-hits.js';
import { queryTerms, spellingKey } from '../domain/search-text.js';

/** Where the index-free full-text scan looks: a fixed list, spliced into search-text.cypher. */
const TEXT_FIELDS = [
  ['Statement', 'text'],
  ['Document', 'title'],
  ['Actor', 'description'],
  ['Institution', 'description'],
] as const;

/** Shorter words are inside too many others ("us" in "music") to be worth a substring scan. */
const MIN_TEXT_TERM = 3;

export type Row = Record<string, unknown>;

export abstract class CypherStore implements GraphStore {
  abstract readonly kind: 'ladybug' | 'neo4j';
  abstract readonly dialect: Dialect;
  abstract readonly location: string;

  /** Runs one statement and returns its rows as plain records (values still the driver's). */
  protected abstract rows(statement: string, params?: Row): Promise<Row[]>;
  protected abstract toNode(value: unknown): GraphNode;
  protected abstract toEdge(value: unknown, source: GraphNode, target: GraphNode): GraphEdge;
  /** Full-text hits with scores already on the scale of `fullTextScore`. */
  protected abstract fullTextHits(
    lowerQuery: string,
    limit: number,
  ): Promise<Array<{ node: GraphNode; score: number }>>;

  abstract writeBatch(batch: GraphBatch): Promise<WriteSummary>;
  abstract beginWrites(): Promise<BatchWriter>;
  abstract schema(): Promise<SchemaResponse>;
  abstract runReadQuery(
    query: string,
    params: Record<string, unknown>,
    options: ReadQueryOptions,
  ): Promise<CypherResponse>;
  abstract close(): Promise<void>;

  protected query(name: string, params?: Row): Promise<Row[]> {
    return this.rows(loadCypher(name, this.dialect), params);
  }

  protected edgesFrom(rows: Row[]): GraphEdge[] {
    return rows.map((row) => this.toEdge(row.e, this.toNode(row.a), this.toNode(row.b)));
  }

  /** The relationships among these nodes (both ends in the list). */
  protected async edgesAmong(nodes: GraphNode[]): Promise<GraphEdge[]> {
    if (nodes.length === 0) return [];
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const rows = await this.query('edges-among', { ids: [...byId.keys()] });
    return rows.flatMap((row) => {
      const source = byId.get(String(row.source));
      const target = byId.get(String(row.target));
      return source && target ? [this.toEdge(row.e, source, target)] : [];
    });
  }

  async findNodes(ids: string[]): Promise<GraphNode[]> {
    if (ids.length === 0) return [];
    return (await this.query('nodes-by-ids', { ids })).map((row) => this.toNode(row.n));
  }

  async findEdges(ids: string[]): Promise<GraphEdge[]> {
    if (ids.length === 0) return [];
    return this.edgesFrom(await this.query('edges-by-ids', { ids }));
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

  async overview(limit: number): Promise<GraphPayload> {
    const nodes = (await this.query('overview', { limit })).map((row) => this.toNode(row.n));
    return toApiPayload(nodes, await this.edgesAmong(nodes));
  }

  async getNode(id: string): Promise<GraphNode | null> {
    const [row] = await this.query('node-by-id', { id });
    return row ? this.toNode(row.n) : null;
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
      const other = this.toNode(row.m);
      const direction = row.direction === 'out' ? 'out' : 'in';
      const [source, target] = direction === 'out' ? [center, other] : [other, center];
      const edge = this.toEdge(row.e, source, target);
      if (types.length === 0 || types.includes(edge.type)) incident.push({ edge, direction, other });
    }
    return incident;
  }

  async neighbors(id: string, options: NeighborOptions): Promise<GraphPayload> {
    const center = await this.getNode(id);
    if (!center) return { nodes: [], edges: [] };
    // An empty list means every type (it used to crash Kuzu 0.11.3; LadybugDB answers it).
    const rows = await this.query('neighbors', {
      id,
      types: options.types,
      skip: options.skip ?? 0,
      limit: options.limit,
    });
    const nodes = [center, ...rows.map((row) => this.toNode(row.m))];
    const edges = await this.edgesAmong(nodes);
    return toApiPayload(nodes, filterNeighborEdges(edges, id, options.types));
  }

  async neighborhood(id: string, depth: number, limit: number): Promise<GraphBatch> {
    const center = await this.getNode(id);
    if (!center) return { nodes: [], edges: [] };
    const steps = String(Math.max(1, Math.min(5, Math.trunc(depth))));
    const rows = await this.rows(loadCypher('neighborhood', this.dialect).replaceAll('{depth}', steps), { id, limit });
    const nodes = [center, ...rows.map((row) => this.toNode(row.m))];
    return { nodes, edges: await this.edgesAmong(nodes) };
  }

  async shortestPath(from: string, to: string, options: PathOptions): Promise<GraphPath | null> {
    if (from === to) {
      const node = await this.getNode(from);
      return node ? { nodes: [node], edges: [] } : null;
    }
    // Neither dialect takes a path length or relationship types as parameters: both are spliced
    // in, so both are checked here whatever the caller validated.
    const maxLength = Math.trunc(options.maxLength);
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
      throw new RangeError(`maxLength must be a whole number from 1 to ${MAX_PATH_LENGTH}`);
    }
    const unknown = options.types.filter((type) => !(REL_TYPES as readonly string[]).includes(type));
    if (unknown.length > 0) throw new RangeError(`unknown relationship types: ${unknown.join(', ')}`);
    const types = options.types.length > 0 ? `:${[...new Set(options.types)].join('|')}` : '';
    const statement = loadCypher('shortest-path', this.dialect)
      .replaceAll('{types}', types)
      .replaceAll('{maxLength}', String(maxLength));
    const [row] = await this.rows(statement, { from, to });
    if (!row) return null;
    const nodeIds = (row.nodeIds as unknown[]).map(String);
    const edgeIds = (row.edgeIds as unknown[]).map(String);
    const nodes = new Map((await this.findNodes(nodeIds)).map((node) => [node.id, node]));
    const edges = new Map((await this.findEdges(edgeIds)).map((edge) => [edge.id, edge]));
    const path = {
      nodes: nodeIds.map((id) => nodes.get(id)),
      edges: edgeIds.map((id) => edges.get(id)),
    };
    if (path.nodes.some((node) => !node) || path.edges.some((edge) => !edge)) {
      const missing = [...nodeIds.filter((id) => !nodes.has(id)), ...edgeIds.filter((id) => !edges.has(id))];
      throw new Error(
        `A path between "${from}" and "${to}" names nodes or relationships that were not found: ${missing.join(', ')}`,
      );
    }
    return path as GraphPath;
  }

  /**
   * Names and aliases first (exact, word prefix, spelling variant, substring), then full text:
   * every word of the query in a statement, a document title or a description, found by a plain
   * scan that needs no extension, and whatever the store's full-text index adds when it has one.
   */
  async search(text: string, limit: number): Promise<SearchHit[]> {
    const q = text.trim().toLowerCase();
    if (q === '') return [];
    const key = spellingKey(q) || q;
    const hits = new SearchHits();
    for (const row of await this.query('search-names', { q, key, limit: limit * 3 })) {
      const node = this.toNode(row.n);
      hits.add(node, nameMatchScore(node, q));
    }
    const terms = queryTerms(q).filter((term) => term.length >= MIN_TEXT_TERM);
    if (terms.length > 0) {
      const template = loadCypher('search-text', this.dialect);
      for (const [label, property] of TEXT_FIELDS) {
        const statement = template.replaceAll('{label}', label).replaceAll('{property}', property);
        for (const row of await this.rows(statement, { terms, limit })) {
          const node = this.toNode(row.n);
          // The words as typed, together, rank above the same words apart.
          const phrase = String(node.properties[property] ?? '')
            .toLowerCase()
            .includes(q)
            ? 0.5
            : 0;
          hits.add(node, TEXT_MATCH_SCORE + phrase);
        }
      }
    }
    for (const { node, score } of await this.fullTextHits(q, limit)) hits.add(node, score);
    return hits.top(limit);
  }

  async *nodePages(pageSize: number): AsyncIterable<GraphNode[]> {
    let after = '';
    for (;;) {
      const page = (await this.query('nodes-page', { after, limit: pageSize })).map((row) => this.toNode(row.n));
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].id;
    }
  }

  async *edgePages(pageSize: number): AsyncIterable<GraphEdge[]> {
    let after = '';
    for (;;) {
      const page = this.edgesFrom(await this.query('edges-page', { after, limit: pageSize }));
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1].id;
    }
  }

  async exportAll(): Promise<GraphBatch> {
    const nodes = (await this.query('all-nodes')).map((row) => this.toNode(row.n));
    return { nodes, edges: this.edgesFrom(await this.query('all-edges')) };
  }
}
