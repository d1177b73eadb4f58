/**
 * What a person sees on clicking a node: its properties, its relations with the sentences that
 * state them, and its statements with the articles and sentences they were reported in.
 */
import type { NodeDetailsResponse, RelationView, SourceRef, StatementView } from '../domain/api.js';
import { NotFoundError } from '../domain/errors.js';
import { captionOf, type GraphNode } from '../domain/graph.js';
import type { GraphStore, IncidentEdge } from '../store/graph-store.js';
import { toApiEdge, toApiNode } from '../domain/payload.js';
import { DocumentTitles } from './evidence-sources.js';

/** Relations to documents are listed as sources, not as relations. */
const SOURCE_TYPES = new Set(['MENTIONED_IN', 'REPORTED_IN']);

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

async function statementView(store: GraphStore, titles: DocumentTitles, statement: GraphNode): Promise<StatementView> {
  const incident = await store.incidentEdges(statement.id, ['SAID', 'REPORTED_IN']);
  const speakerEdge = incident.find((item) => item.edge.type === 'SAID' && item.direction === 'in');
  const sources: SourceRef[] = [];
  for (const item of incident.filter((each) => each.edge.type === 'REPORTED_IN')) {
    const document = await titles.lookup(item.other.id);
    const p = item.edge.properties;
    sources.push({
      documentId: item.other.id,
      documentTitle: document.title,
      published: document.published,
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

export async function nodeDetails(store: GraphStore, id: string): Promise<NodeDetailsResponse> {
  const node = await store.getNode(id);
  if (!node) throw new NotFoundError(`No node with id "${id}"`);
  const titles = new DocumentTitles(store);
  const incident = await store.incidentEdges(id);

  const statementNodes =
    node.label === 'Statement'
      ? [node]
      : incident
          .filter(
            (item) =>
              item.other.label === 'Statement' && (item.edge.type === 'SAID' || item.edge.type === 'REPORTED_IN'),
          )
          .map((item) => item.other);
  const statements: StatementView[] = [];
  for (const statement of statementNodes.slice(0, 100)) statements.push(await statementView(store, titles, statement));
  statements.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));

  const relations: RelationView[] = [];
  for (const item of incident) {
    if (SOURCE_TYPES.has(item.edge.type) && node.label !== 'Document') continue;
    if (item.edge.type === 'SAID' && node.label !== 'Statement') continue;
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
