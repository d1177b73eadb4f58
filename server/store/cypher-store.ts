/**
 * What LadybugDB and Neo4j do alike: every read the API makes, written once over named queries
 * from `cypher/` (their names, splices, parameters and columns: cypher/README.md). A store supplies
 * how to run a statement and how to turn its values into nodes and edges; the queries themselves
 * differ only where the dialects do (see cypher/kuzu, cypher/neo4j). Nothing here works around one
 * engine: that belongs in its store's class, overriding a method (as KuzuStore does for its reads
 * on a second connection).
 */
import {
  NODE_LABELS,
  REL_TYPES,
  type GraphBatch,
  type GraphEdge,
  type GraphNode,
  type NodeLabel,
  type Properties,
  type PropValue,
  type RelType,
} from '../domain/graph.js';
import { labelOfNodeId, typeOfEdgeId } from '../domain/node-ids.js';
import {
  EVIDENCE_PROPERTIES,
  MAX_PATH_LENGTH,
  uniqueById,
  type GraphCounts,
  type GraphSchema,
  type OverviewBatch,
  type ReadQueryResult,
  type SearchMatch,
} from '../domain/reads.js';
import { REL_ENDPOINTS } from '../domain/schema.js';
import type { Dialect, StoreKind } from '../domain/stores.js';
import { loadCypher } from './cypher-files.js';
import type {
  BatchWriter,
  GraphPath,
  DocumentTitle,
  GraphStore,
  IncidentCounts,
  IncidentEdge,
  NeighborOptions,
  Page,
  PathOptions,
  ReadQueryOptions,
  WriteSummary,
} from './graph-store.js';
import { filterNeighborEdges, nameMatchScore, SearchHits, TEXT_MATCH_SCORE } from './search-hits.js';
import { queryTerms, spellingKey } from '../domain/search-text.js';
import { groupBy } from '../domain/group-by.js';
import { capOverviewEdges } from './overview-edges.js';

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

/** The pairs of labels some relationship type connects, each once (the parts of edges-among). */
const LABEL_PAIRS: Array<[NodeLabel, NodeLabel]> = [
  ...new Map(
    Object.values(REL_ENDPOINTS)
      .flat()
      .map(([from, to]): [string, [NodeLabel, NodeLabel]] => [`${from}>${to}`, [from, to]]),
  ).values(),
];

/**
 * The label pattern for a node id (`:Actor`), spliced into a query so that the lookup uses one
 * table's primary key; empty for an id without a known prefix (curated or foreign ids), which is
 * then looked up over every table. Only known labels are ever spliced.
 */
function labelPattern(label: NodeLabel | undefined): string {
  return label && (NODE_LABELS as readonly string[]).includes(label) ? `:${label}` : '';
}

/** `:A|B` from known relationship types (empty for none: every type), for splicing into a pattern. */
function typesPattern(types: string[]): string {
  const unknown = types.filter((type) => !(REL_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0) throw new RangeError(`unknown relationship types: ${unknown.join(', ')}`);
  return types.length > 0 ? `:${[...new Set(types)].join('|')}` : '';
}

/** A node standing for an edge's end when only its id and label were read (export pages). */
function endpointStub(id: string, label: NodeLabel): GraphNode {
  return { id, label, properties: {} };
}

/** Properties from a row's columns, those that are null left out (the statement-parts columns). */
function present(entries: Array<[string, PropValue | null | undefined]>): Properties {
  const properties: Properties = {};
  for (const [key, value] of entries) if (value !== null && value !== undefined) properties[key] = value;
  return properties;
}

/** A whole number column as a number (LadybugDB answers a bigint, Neo4j an Integer), or null. */
function wholeNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function textColumn(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The node at the other end of a row of incident-brief: what a relation in a node's details shows
 * of it (its caption; a statement's own fields, read as a sentence), never a document's text.
 */
function briefNode(row: Row): GraphNode {
  const label = String(row.label) as NodeLabel;
  const columns: Record<string, Array<[string, PropValue | null | undefined]>> = {
    Document: [
      ['title', textColumn(row.title)],
      ['published', textColumn(row.published)],
    ],
    Statement: [
      ['text', textColumn(row.text)],
      ['kind', textColumn(row.kind)],
      ['date', textColumn(row.date)],
      ['dateSource', textColumn(row.dateSource)],
      ['confidence', typeof row.confidence === 'number' ? row.confidence : null],
    ],
  };
  return { id: String(row.id), label, properties: present(columns[label] ?? [['name', textColumn(row.name)]]) };
}

/** One row of statement-parts as seen from the statement: the far end and the relationship, brief. */
function statementPart(row: Row, statement: GraphNode): IncidentEdge {
  const label = String(row.label) as NodeLabel;
  const caption = textColumn(row.caption);
  const other: GraphNode = {
    id: String(row.id),
    label,
    properties:
      label === 'Document'
        ? present([
            ['title', caption],
            ['published', textColumn(row.published)],
          ])
        : present([['name', caption]]),
  };
  const direction = row.direction === 'out' ? 'out' : 'in';
  const [source, target] = direction === 'out' ? [statement, other] : [other, statement];
  const edge: GraphEdge = {
    id: String(row.edgeId),
    type: String(row.type) as RelType,
    source: source.id,
    target: target.id,
    sourceLabel: source.label,
    targetLabel: target.label,
    properties: present([
      ['sentence', textColumn(row.sentence)],
      ['startOffset', wholeNumber(row.startOffset)],
      ['endOffset', wholeNumber(row.endOffset)],
    ]),
  };
  return { edge, direction, other };
}

export abstract class CypherStore implements GraphStore {
  abstract readonly kind: StoreKind;
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
  abstract schema(): Promise<GraphSchema>;
  abstract runReadQuery(
    query: string,
    params: Record<string, unknown>,
    options: ReadQueryOptions,
  ): Promise<ReadQueryResult>;
  abstract close(): Promise<void>;

  protected query(name: string, params?: Row): Promise<Row[]> {
    return this.rows(loadCypher(name, this.dialect), params);
  }

  protected edgesFrom(rows: Row[]): GraphEdge[] {
    return rows.map((row) => this.toEdge(row.e, this.toNode(row.a), this.toNode(row.b)));
  }

  /** A named query with `{label}` set to the pattern for one label (see labelPattern). */
  protected labelled(name: string, label: NodeLabel | undefined): string {
    return loadCypher(name, this.dialect).replaceAll('{label}', labelPattern(label));
  }

  /**
   * The relationships among these nodes (both ends in the list), in one statement: a UNION ALL
   * with one part per pair of labels present that some relationship type connects. With `keys`
   * (every node's key in the store's own terms, LadybugDB's offset in its table), the parts are
   * the store's keyed ones and filter on those keys instead of the ids. Keyed parts return the
   * ends' keys, not their ids, and their own number as `part`, which names the ends' labels (a key
   * is unique in its label).
   */
  protected async edgesAmong(
    nodes: GraphNode[],
    omit: readonly string[] = [],
    keys?: Map<string, unknown>,
  ): Promise<GraphEdge[]> {
    if (nodes.length === 0) return [];
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const idsByLabel = new Map<NodeLabel, unknown[]>();
    for (const [label, group] of groupBy([...byId.values()], (node) => node.label)) {
      idsByLabel.set(
        label,
        group.map((node) => (keys ? keys.get(node.id) : node.id)),
      );
    }
    const parts: string[] = [];
    const partLabels: Array<[NodeLabel, NodeLabel]> = [];
    const params: Row = {};
    for (const [from, to] of LABEL_PAIRS) {
      const sources = idsByLabel.get(from);
      const targets = idsByLabel.get(to);
      if (!sources || !targets) continue;
      const n = parts.length;
      parts.push(this.edgesAmongPart(from, to, omit, keys !== undefined).replaceAll('{n}', String(n)));
      partLabels.push([from, to]);
      params[`from${n}`] = sources;
      params[`to${n}`] = targets;
    }
    if (parts.length === 0) return [];
    const rows = await this.rows(parts.join('\nUNION ALL\n'), params);
    const keyOf = (label: NodeLabel, key: unknown) => `${label} ${String(key)}`;
    const byKey = new Map(keys ? nodes.map((node) => [keyOf(node.label, keys.get(node.id)), node]) : []);
    return rows.flatMap((row) => {
      const [from, to] = keys ? partLabels[Number(row.part)] : [];
      const source = from ? byKey.get(keyOf(from, row.source)) : byId.get(String(row.source));
      const target = to ? byKey.get(keyOf(to, row.target)) : byId.get(String(row.target));
      if (!source || !target) return [];
      const edge = this.edgeAmong(keys ? { ...row, source: source.id, target: target.id } : row, source, target);
      for (const key of omit) delete edge.properties[key];
      return [edge];
    });
  }

  /**
   * One part of edges-among, for relationships from `from` to `to` ({n} still to be set); a store
   * that reads properties as columns leaves those in `omit` out; `keyed`: see edgesAmong (a store
   * that passes keys overrides this).
   */
  protected edgesAmongPart(from: NodeLabel, to: NodeLabel, _omit: readonly string[] = [], _keyed = false): string {
    return loadCypher('edges-among', this.dialect).replaceAll('{from}', from).replaceAll('{to}', to);
  }

  /** The edge one row of edges-among stands for. */
  protected edgeAmong(row: Row, source: GraphNode, target: GraphNode): GraphEdge {
    return this.toEdge(row.e, source, target);
  }

  async findNodes(ids: string[]): Promise<GraphNode[]> {
    if (ids.length === 0) return [];
    const nodes: GraphNode[] = [];
    for (const [label, group] of groupBy([...new Set(ids)], labelOfNodeId)) {
      for (const row of await this.rows(this.labelled('nodes-by-ids', label), { ids: group })) {
        nodes.push(this.toNode(row.n));
      }
    }
    return nodes;
  }

  /** Grouped by the type and source label the ids name, so that each query reads one relationship table. */
  async findEdges(ids: string[]): Promise<GraphEdge[]> {
    if (ids.length === 0) return [];
    const template = loadCypher('edges-by-ids', this.dialect);
    const key = (id: string) => {
      const type = typeOfEdgeId(id);
      const label = type ? labelOfNodeId(id.slice(type.length + 1)) : undefined;
      return `${type ?? ''}|${label ?? ''}`;
    };
    const edges: GraphEdge[] = [];
    for (const [group, groupIds] of groupBy([...new Set(ids)], key)) {
      const [type, label] = group.split('|');
      const statement = template
        .replaceAll('{type}', typesPattern(type ? [type] : []))
        .replaceAll('{label}', labelPattern((label || undefined) as NodeLabel | undefined));
      edges.push(...this.edgesFrom(await this.rows(statement, { ids: groupIds })));
    }
    return edges;
  }

  async documentTitles(ids: string[]): Promise<Map<string, DocumentTitle>> {
    const titles = new Map<string, DocumentTitle>();
    if (ids.length === 0) return titles;
    for (const row of await this.query('document-titles', { ids: [...new Set(ids)] })) {
      titles.set(String(row.id), {
        title: typeof row.title === 'string' ? row.title : null,
        published: typeof row.published === 'string' ? row.published : null,
      });
    }
    return titles;
  }

  async isEmpty(): Promise<boolean> {
    const [row] = await this.query('count-nodes');
    return Number(row?.count ?? 0) === 0;
  }

  async stats(): Promise<GraphCounts> {
    const nodes: Record<string, number> = {};
    const relationships: Record<string, number> = {};
    for (const row of await this.query('stats-nodes')) nodes[String(row.label)] = Number(row.count);
    for (const row of await this.query('stats-relationships')) relationships[String(row.type)] = Number(row.count);
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    return { nodes, relationships, totalNodes: sum(nodes), totalRelationships: sum(relationships) };
  }

  /** The nodes ranked with their degrees, the relationships among them capped in JavaScript. */
  async overview(limit: number, maxEdges: number): Promise<OverviewBatch> {
    const rows = await this.query('overview', { limit });
    const nodes = rows.map((row) => this.toNode(row.n));
    const degrees = new Map(nodes.map((node, i) => [node.id, wholeNumber(rows[i].degree) ?? 0]));
    return { nodes, ...capOverviewEdges(await this.edgesAmong(nodes, EVIDENCE_PROPERTIES), degrees, maxEdges) };
  }

  async getNode(id: string): Promise<GraphNode | null> {
    const [row] = await this.rows(this.labelled('node-by-id', labelOfNodeId(id)), { id });
    return row ? this.toNode(row.n) : null;
  }

  async degree(id: string): Promise<number> {
    const [row] = await this.rows(this.labelled('node-degree', labelOfNodeId(id)), { id });
    return Number(row?.degree ?? 0);
  }

  /** Two reads side by side (LadybugDB reads the degree it keeps with the node). */
  async nodeWithDegree(id: string): Promise<{ node: GraphNode; degree: number } | null> {
    const [node, degree] = await Promise.all([this.getNode(id), this.degree(id)]);
    return node ? { node, degree } : null;
  }

  async incidentEdges(id: string, types: string[] = []): Promise<IncidentEdge[]> {
    const center = await this.getNode(id);
    if (!center) return [];
    return (await this.incidentEdgesOf([center], types)).get(id) ?? [];
  }

  /** One query per label among the nodes (statements: one), whatever their number. */
  async incidentEdgesOf(nodes: GraphNode[], types: string[] = []): Promise<Map<string, IncidentEdge[]>> {
    const incident = new Map<string, IncidentEdge[]>(nodes.map((node) => [node.id, []]));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const pattern = typesPattern(types);
    for (const [label, group] of groupBy([...byId.values()], (node) => node.label)) {
      // One node: its primary key; several: one filtered scan of their table's ids.
      const single = group.length === 1;
      const statement = this.labelled(single ? 'incident-edges' : 'incident-edges-of', label).replaceAll(
        '{types}',
        pattern,
      );
      const params = single ? { id: group[0].id } : { ids: group.map((node) => node.id) };
      for (const row of await this.rows(statement, params)) {
        const center = byId.get(String(row.center));
        if (center) incident.get(center.id)!.push(this.incidentEdge(row, center));
      }
    }
    return incident;
  }

  /** One query (cypher/<dialect>/incident-brief.cypher): the other ends brief (see briefNode). */
  async incidentBrief(node: GraphNode, types: string[] = []): Promise<IncidentEdge[]> {
    const statement = this.labelled('incident-brief', node.label).replaceAll('{types}', typesPattern(types));
    return (await this.rows(statement, { id: node.id })).map((row) =>
      this.briefIncident(row, node, this.briefDirection(row)),
    );
  }

  /** A row of incident-brief or incident-brief-first (`e` and the other end's columns) seen from `node`. */
  private briefIncident(row: Row, node: GraphNode, direction: 'out' | 'in'): IncidentEdge {
    const other = briefNode(row);
    this.noteBriefRow(row, other);
    const [source, target] = direction === 'out' ? [node, other] : [other, node];
    return { edge: this.toEdge(row.e, source, target), direction, other };
  }

  /** What the store keeps of a brief row's other end for a later read (LadybugDB: a statement's offset). */
  protected noteBriefRow(_row: Row, _other: GraphNode): void {}

  /** Which way a row of incident-brief points, seen from its node (LadybugDB's rows say it otherwise). */
  protected briefDirection(row: Row): 'out' | 'in' {
    return row.direction === 'out' ? 'out' : 'in';
  }

  /** One row of incident-edges (`e`, `m`, `direction`) as seen from `center`. */
  private incidentEdge(row: Row, center: GraphNode): IncidentEdge {
    const other = this.toNode(row.m);
    const direction = row.direction === 'out' ? 'out' : 'in';
    const [source, target] = direction === 'out' ? [center, other] : [other, center];
    return { edge: this.toEdge(row.e, source, target), direction, other };
  }

  /** The rows of statement-parts for these statement ids (LadybugDB reads them otherwise). */
  protected statementPartRows(statements: GraphNode[]): Promise<Row[]> {
    return this.query('statement-parts', { ids: statements.map((statement) => statement.id) });
  }

  /** One read whatever the number of statements (see statementPartRows). */
  async statementParts(statements: GraphNode[]): Promise<Map<string, IncidentEdge[]>> {
    const byId = new Map(statements.filter((node) => node.label === 'Statement').map((node) => [node.id, node]));
    if (byId.size === 0) return new Map(statements.map((node) => [node.id, []]));
    const rows = await this.statementPartRows([...byId.values()]);
    return this.statementPartsFrom(rows, byId, statements);
  }

  /** Rows of statement-parts by statement, each relationship once (a row may come twice). */
  private statementPartsFrom(
    rows: Row[],
    byId: Map<string, GraphNode>,
    listed: GraphNode[],
  ): Map<string, IncidentEdge[]> {
    const parts = new Map<string, IncidentEdge[]>([...listed, ...byId.values()].map((node) => [node.id, []]));
    const seen = new Set<string>();
    for (const row of rows) {
      const center = byId.get(String(row.center));
      const key = `${String(row.center)}|${String(row.edgeId)}`;
      if (!center || seen.has(key)) continue;
      seen.add(key);
      parts.get(center.id)!.push(statementPart(row, center));
    }
    return parts;
  }

  /** One query, a row per type and neighbour, summed here (see incident-counts.cypher). */
  async incidentCounts(node: GraphNode): Promise<IncidentCounts> {
    const counts: IncidentCounts = { edges: 0, others: 0, byType: {} };
    const others = new Set<string>();
    for (const row of await this.rows(this.labelled('incident-counts', node.label), { id: node.id })) {
      const edges = Number(row.edges);
      const type = (counts.byType[String(row.type)] ??= { edges: 0, others: 0 });
      type.edges += edges;
      type.others += 1;
      counts.edges += edges;
      others.add(String(row.other));
    }
    counts.others = others.size;
    return counts;
  }

  /**
   * One query per type (see incident-brief-first.cypher), two at a time: a store that reads on
   * several connections (LadybugDB's read lanes, Neo4j's pool) runs them side by side. The answer
   * lists the types in order, whichever query finished first; the other ends brief, as
   * incidentBrief's.
   */
  async incidentSample(node: GraphNode, types: string[], perType: number): Promise<IncidentEdge[]> {
    const known = [...new Set(types)].filter((type) => (REL_TYPES as readonly string[]).includes(type));
    const template = this.labelled('incident-brief-first', node.label);
    const params = { id: node.id, limit: Math.max(0, Math.trunc(perType)) };
    const byType = new Map<string, IncidentEdge[]>();
    const readInTurn = async (turn: string[]) => {
      for (const type of turn) {
        const rows = await this.rows(template.replaceAll('{types}', typesPattern([type])), params);
        byType.set(
          type,
          rows.map((row) => this.briefIncident(row, node, row.direction === 'out' ? 'out' : 'in')),
        );
      }
    };
    await Promise.all([0, 1].map((side) => readInTurn(known.filter((_, i) => i % 2 === side))));
    return known.flatMap((type) => byType.get(type) ?? []);
  }

  /** One page of a node's neighbours, the most connected first (then by id), in one query (LadybugDB overrides this). */
  async neighbors(id: string, options: NeighborOptions): Promise<GraphBatch> {
    const center = await this.getNode(id);
    if (!center) return { nodes: [], edges: [] };
    // An empty list means every type (neighbors.cypher).
    const rows = await this.rows(this.labelled('neighbors', center.label), {
      id: center.id,
      types: options.types,
      skip: options.skip ?? 0,
      limit: options.limit,
    });
    const nodes = [center, ...rows.map((row) => this.toNode(row.m))];
    // Without their evidence, as the overview's: the explorer reads it from /api/edges/:id.
    const edges = await this.edgesAmong(nodes, EVIDENCE_PROPERTIES);
    return { nodes: uniqueById(nodes), edges: filterNeighborEdges(edges, id, options.types) };
  }

  async neighborhood(id: string, depth: number, limit: number): Promise<GraphBatch> {
    const center = await this.getNode(id);
    if (!center) return { nodes: [], edges: [] };
    const steps = String(Math.max(1, Math.min(5, Math.trunc(depth))));
    const statement = this.labelled('neighborhood', center.label).replaceAll('{depth}', steps);
    const rows = await this.rows(statement, { id, limit });
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
    const [row] = await this.rows(this.pathStatement('shortest-path', from, to, maxLength, options.types), {
      from,
      to,
    });
    if (!row) return null;
    const [path] = await this.pathsOf(from, to, [row]);
    return path ?? null;
  }

  /**
   * Every shortest path between two nodes (at most `limit`), each in order from `from` to `to`;
   * [] when there is none. The same rules as shortestPath.
   */
  async allShortestPaths(from: string, to: string, options: PathOptions, limit: number): Promise<GraphPath[]> {
    if (from === to) {
      const one = await this.shortestPath(from, to, options);
      return one ? [one] : [];
    }
    const maxLength = Math.trunc(options.maxLength);
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH) {
      throw new RangeError(`maxLength must be a whole number from 1 to ${MAX_PATH_LENGTH}`);
    }
    const statement = this.pathStatement('all-shortest-paths', from, to, maxLength, options.types);
    const rows = await this.rows(statement, { from, to, limit: Math.max(1, Math.trunc(limit)) });
    return this.pathsOf(from, to, rows);
  }

  /** A path query with what neither dialect takes as a parameter spliced in (checked before). */
  private pathStatement(name: string, from: string, to: string, maxLength: number, types: string[]): string {
    return loadCypher(name, this.dialect)
      .replaceAll('{types}', typesPattern(types))
      .replaceAll('{maxLength}', String(maxLength))
      .replaceAll('{fromLabel}', labelPattern(labelOfNodeId(from)))
      .replaceAll('{toLabel}', labelPattern(labelOfNodeId(to)));
  }

  /** Paths from their rows: the nodes come with them; the relationships are read among all of them at once. */
  private async pathsOf(from: string, to: string, rows: Array<Record<string, unknown>>): Promise<GraphPath[]> {
    const paths = rows.map((row) => ({
      nodes: (row.nodes as unknown[]).map((value) => this.toNode(value)),
      edgeIds: (row.edgeIds as unknown[]).map(String),
    }));
    const allNodes = new Map(paths.flatMap((path) => path.nodes).map((node) => [node.id, node]));
    const edges = await this.pathEdges(rows, [...allNodes.values()]);
    return paths.map(({ nodes, edgeIds }) => {
      const missing = edgeIds.filter((edgeId) => !edges.has(edgeId));
      if (missing.length > 0) {
        throw new Error(
          `A path between "${from}" and "${to}" names relationships that were not found: ${missing.join(', ')}`,
        );
      }
      return { nodes, edges: edgeIds.map((edgeId) => edges.get(edgeId)!) };
    });
  }

  /**
   * The relationships of the paths in `rows`, by id: read among the paths' nodes. A store whose
   * path rows carry the relationships themselves takes them from there (KuzuStore).
   */
  protected async pathEdges(_rows: Row[], nodes: GraphNode[]): Promise<Map<string, GraphEdge>> {
    return new Map((await this.edgesAmong(nodes)).map((edge) => [edge.id, edge]));
  }

  /**
   * Names and aliases first (exact, word prefix, spelling variant, substring), then full text:
   * every word of the query in a statement, a document title or a description, found by a plain
   * scan that needs no extension, and whatever the store's full-text index adds when it has one.
   */
  async search(text: string, limit: number): Promise<SearchMatch[]> {
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

  /** Label by label, each in id order: every page is a range of one table's primary key. */
  async *nodePages(pageSize: number): AsyncIterable<Page<GraphNode>> {
    for (const label of NODE_LABELS) {
      const statement = this.labelled('nodes-page', label);
      let after = '';
      for (;;) {
        const page = (await this.rows(statement, { after, limit: pageSize })).map((row) => this.toNode(row.n));
        if (page.length === 0) break;
        yield page;
        after = page[page.length - 1].id;
      }
    }
  }

  /**
   * Type by type and, within a type, pair of labels by pair, each in id order: every page reads
   * one relationship table with both ends labelled.
   */
  async *edgePages(pageSize: number): AsyncIterable<Page<GraphEdge>> {
    const template = loadCypher('edges-page', this.dialect);
    for (const type of REL_TYPES) {
      for (const [from, to] of REL_ENDPOINTS[type]) {
        const statement = template.replaceAll('{type}', type).replaceAll('{from}', from).replaceAll('{to}', to);
        let after = '';
        for (;;) {
          const rows = await this.rows(statement, { after, limit: pageSize });
          if (rows.length === 0) break;
          yield rows.map((row) =>
            this.toEdge(row.e, endpointStub(String(row.source), from), endpointStub(String(row.target), to)),
          );
          after = this.toEdge(rows[rows.length - 1].e, endpointStub('', from), endpointStub('', to)).id;
        }
      }
    }
  }

  async exportAll(): Promise<GraphBatch> {
    const nodes = (await this.query('all-nodes')).map((row) => this.toNode(row.n));
    return { nodes, edges: this.edgesFrom(await this.query('all-edges')) };
  }
}
