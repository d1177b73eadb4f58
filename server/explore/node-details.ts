/**
 * What a person sees on clicking a node: its properties, its relations with the sentences that
 * state them, and its statements with the articles and sentences they were reported in.
 */
import type { NodeDetailsResponse, RelationView, SourceRef, StatementView } from '../domain/api.js';
import { NotFoundError } from '../domain/errors.js';
import { captionOf, type GraphNode } from '../domain/graph.js';
import type { GraphStore, IncidentEdge } from '../store/graph-store.js';
import { toApiEdge, toApiNode } from './payload.js';
import { DocumentTitles } from './evidence-sources.js';

/** Relations to documents are listed as sources, not as relations. */
const SOURCE_TYPES = new Set(['MENTIONED_IN', 'REPORTED_IN']);

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A statement as listed: its speaker and the articles it was reported in, from its incident edges. */
function statementView(statement: GraphNode, incident: IncidentEdge[]): StatementView {
  const speakerEdge = incident.find((item) => item.edge.type === 'SAID' && item.direction === 'in');
  const sources: SourceRef[] = [];
  for (const item of incident.filter((each) => each.edge.type === 'REPORTED_IN')) {
    // The other end is the document itself: its title and date are at hand.
    const document = item.other.properties;
    const p = item.edge.properties;
    sources.push({
      documentId: item.other.id,
      documentTitle: typeof document.title === 'string' ? document.title : item.other.id,
      published: typeof document.published === 'string' ? document.published : null,
      sentence: text(p.sentence) ?? '',
      start: Number(p.startOffset ?? 0),
      end: Number(p.endOffset ?? 0),
    });
  }
  const p = statement.properties;
  return {
    id: statement.id,
    text: text(p.text) ?? '',
    kind: text(p.kind) ?? 'quote',
    date: text(p.date),
    dateSource: text(p.dateSource),
    confidence: typeof p.confidence === 'number' ? p.confidence : null,
    speaker: speakerEdge ? { id: speakerEdge.other.id, caption: captionOf(speakerEdge.other) } : null,
    sources,
  };
}

/**
 * A few queries whatever the node's degree: the node, its incident edges, the speakers and
 * articles of (up to 100 of) its statements together, and the titles of every document its
 * relations' evidence names together.
 */
export async function nodeDetails(store: GraphStore, id: string): Promise<NodeDetailsResponse> {
  const node = await store.getNode(id);
  if (!node) throw new NotFoundError(`No node with id "${id}"`);
  const incident = (await store.incidentEdgesOf([node])).get(node.id) ?? [];

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
  const statementEdges =
    node.label === 'Statement'
      ? new Map([[node.id, incident]])
      : await store.incidentEdgesOf(statementNodes, ['SAID', 'REPORTED_IN']);
  const statements = statementNodes.map((statement) =>
    statementView(statement, statementEdges.get(statement.id) ?? []),
  );
  statements.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));

  const listed = incident.filter(
    (item) =>
      !(SOURCE_TYPES.has(item.edge.type) && node.label !== 'Document') &&
      !(item.edge.type === 'SAID' && node.label !== 'Statement'),
  );
  const titles = new DocumentTitles(store);
  await titles.preload(listed.map((item) => item.edge.properties.evidence));
  const relations: RelationView[] = [];
  for (const item of listed) {
    relations.push({
      edge: toApiEdge(item.edge),
      direction: item.direction,
      other: toApiNode(item.other),
      evidence: await titles.sources(item.edge.properties.evidence),
    });
  }
  return {
    node: toApiNode(node),
    degree: incident.length,
    neighbours: countNeighbours(incident),
    relations,
    statements,
  };
}

/** Distinct nodes at the other end, in all and per relationship type. */
function countNeighbours(incident: IncidentEdge[]): NodeDetailsResponse['neighbours'] {
  const all = new Set<string>();
  const byType = new Map<string, Set<string>>();
  for (const item of incident) {
    all.add(item.other.id);
    if (!byType.has(item.edge.type)) byType.set(item.edge.type, new Set());
    byType.get(item.edge.type)!.add(item.other.id);
  }
  return { total: all.size, byType: Object.fromEntries([...byType].map(([type, ids]) => [type, ids.size])) };
}
