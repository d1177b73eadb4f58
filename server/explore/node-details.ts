/**
 * What a person sees on clicking a node: its properties, its relations with the sentences that
 * state them, and its statements with the articles and sentences they were reported in.
 */
import type { NodeDetailsResponse, RelationView } from '../domain/api.js';
import { NotFoundError } from '../domain/errors.js';
import { REL_TYPES, type GraphNode } from '../domain/graph.js';
import { labelOfNodeId } from '../domain/node-ids.js';
import type { GraphStore, IncidentCounts, IncidentEdge } from '../store/graph-store.js';
import { toApiEdge, toApiNode } from './payload.js';
import { DocumentTitles } from './evidence-sources.js';
import { statementView } from './statement-views.js';

/** Relations to documents are listed as sources, not as relations. */
const SOURCE_TYPES = new Set(['MENTIONED_IN', 'REPORTED_IN']);

/**
 * Up to this many relationships, a node's details list every one of them (the panel shows 50 of
 * each type). Set by bench/details-threshold.ts at 100k nodes: reading them all (the other ends
 * brief) took less time than the sample up to degree 1,000 (p50 0.35-0.9x of it, four runs under
 * load) and 1.3-2x its time at 4,000; the sample reads each type apart and its statements by id.
 */
export const DETAILS_ALL_UP_TO = 1000;
/** Past it, the first this many of each type and direction, with counts for all (what Bloom shows). */
export const DETAILS_PER_TYPE = 20;

/**
 * The relationship types whose rows the details use. An entity's MENTIONED_IN are shown as counts
 * only: their rows (each with a document at the other end) were a third of an actor's
 * relationships and were read to be dropped. A fixed list per kind of node, not the types the node
 * has: one statement text per label, prepared once (an empty list means every type to the store).
 */
function typesRead(node: GraphNode): string[] {
  if (node.label === 'Document' || node.label === 'Statement') return [];
  return REL_TYPES.filter((type) => !SOURCE_TYPES.has(type));
}

/** Of the types the node has, those whose rows are read (for a busy node's sample, type by type). */
function typesSampled(node: GraphNode, present: string[]): string[] {
  if (node.label === 'Document' || node.label === 'Statement') return present;
  return present.filter((type) => !SOURCE_TYPES.has(type));
}

/**
 * The parts of these statements (those the details show), read by id: from the node, every
 * statement one relationship away was read, a node's whole list where the page shows 100 of each
 * kind, and on LadybugDB that read the id of every statement in the graph (statement-parts-at.cypher).
 */
async function statementPartsOf(store: GraphStore, statements: GraphNode[]): Promise<Map<string, IncidentEdge[]>> {
  const wanted = [...new Map(statements.map((statement) => [statement.id, statement])).values()];
  return wanted.length === 0 ? new Map() : store.statementParts(wanted);
}

/** A busy node's first DETAILS_PER_TYPE relationships of each type and direction read. */
async function incidentSample(store: GraphStore, node: GraphNode, counts: IncidentCounts): Promise<IncidentEdge[]> {
  const types = typesSampled(node, Object.keys(counts.byType));
  return types.length === 0 ? [] : store.incidentSample(node, types, DETAILS_PER_TYPE);
}

/**
 * The node, its counts per relationship type and, for a node of at most `listUpTo` relationships,
 * every relationship of the types read, the other ends brief (all the panel shows of them); null
 * for a busy node's, sampled once the counts say which types it has. The node's degree decides,
 * read with the node, so that its relationships are read beside the counts. The counts need only
 * the node's id and label: when the id names its label, they are read from the start (side by
 * side on stores that read on several connections at once: LadybugDB's read lanes, Neo4j's pool).
 */
async function nodeCountsAndList(
  store: GraphStore,
  id: string,
  listUpTo: number,
): Promise<[GraphNode, IncidentCounts, IncidentEdge[] | null]> {
  const label = labelOfNodeId(id);
  const nodeAndList = async () => {
    const found = await store.nodeWithDegree(id);
    if (!found) return null;
    const every = found.degree <= listUpTo ? await store.incidentBrief(found.node, typesRead(found.node)) : null;
    return [found.node, every] as const;
  };
  const [found, counts] = await Promise.all([
    nodeAndList(),
    label ? store.incidentCounts({ id, label, properties: {} }) : null,
  ]);
  if (!found) throw new NotFoundError(`No node with id "${id}"`);
  const [node, every] = found;
  return [node, counts ?? (await store.incidentCounts(node)), every];
}

export interface NodeDetailsOptions {
  /** Every relationship whatever the degree (a dossier); by default a busy node's are sampled. */
  all?: boolean;
  /** Sample past this many relationships (default DETAILS_ALL_UP_TO; bench/details-threshold.ts sets it). */
  sampleAbove?: number;
}

/**
 * A few queries whatever the node's degree: the node, its counts per relationship type, its
 * incident edges (every one, the other ends brief, or the first DETAILS_PER_TYPE of each type and
 * direction for a node with more than DETAILS_ALL_UP_TO), the speakers and articles of (up to 100
 * of) its statements together, and the titles of every document its relations' evidence names
 * together. Reading every relationship of the busiest node (thousands, each with the node at its
 * other end) took seconds; reading the other ends whole was half of a mid-degree node's time.
 */
export async function nodeDetails(
  store: GraphStore,
  id: string,
  options: NodeDetailsOptions = {},
): Promise<NodeDetailsResponse> {
  const listUpTo = options.all ? Infinity : (options.sampleAbove ?? DETAILS_ALL_UP_TO);
  const [node, counts, every] = await nodeCountsAndList(store, id, listUpTo);
  const incident = every ?? (await incidentSample(store, node, counts));

  const statementNodes = (
    node.label === 'Statement'
      ? [node]
      : incident
          .filter(
            (item) =>
              item.other.label === 'Statement' && (item.edge.type === 'SAID' || item.edge.type === 'REPORTED_IN'),
          )
          .map((item) => item.other)
  ).slice(0, 100);
  // The statements about this node (its ABOUT list) are read as sentences too: who said them.
  const aboutNodes = incident
    .filter((item) => item.other.label === 'Statement' && item.edge.type === 'ABOUT' && item.direction === 'in')
    .map((item) => item.other)
    .slice(0, 100);
  const listed = incident.filter(
    (item) =>
      !(SOURCE_TYPES.has(item.edge.type) && node.label !== 'Document') &&
      !(item.edge.type === 'SAID' && node.label !== 'Statement'),
  );
  const titles = new DocumentTitles(store);
  // The statements' parts and the sources' titles do not depend on each other: read side by side.
  const [statementEdges] = await Promise.all([
    node.label === 'Statement'
      ? new Map([[node.id, incident]])
      : statementPartsOf(store, [...statementNodes, ...aboutNodes]),
    titles.preload(listed.map((item) => item.edge.properties.evidence)),
  ]);
  const statements = statementNodes.map((statement) =>
    statementView(statement, statementEdges.get(statement.id) ?? []),
  );
  statements.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));

  const relations: RelationView[] = [];
  for (const item of listed) {
    relations.push({
      edge: toApiEdge(item.edge),
      direction: item.direction,
      other: toApiNode(item.other),
      evidence: await titles.sources(item.edge.properties.evidence),
      ...(item.other.label === 'Statement' && statementEdges.has(item.other.id)
        ? { statement: statementView(item.other, statementEdges.get(item.other.id)!) }
        : {}),
    });
  }
  return {
    node: toApiNode(node),
    degree: counts.edges,
    neighbours: {
      total: counts.others,
      byType: Object.fromEntries(Object.entries(counts.byType).map(([type, each]) => [type, each.others])),
    },
    relations,
    relationCounts: Object.fromEntries(Object.entries(counts.byType).map(([type, each]) => [type, each.edges])),
    statements,
  };
}
