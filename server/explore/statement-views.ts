/**
 * Statements as people read them: who said it, what, about whom, when and where it was reported.
 * Built from a statement's SAID, ABOUT and REPORTED_IN relations, which every listing of
 * statements (node details, edge details, the reader, search) reads in one query
 * (GraphStore.statementParts: the far ends brief, a document without its text).
 */
import type { NodeRef, SourceRef, StatementView } from '../domain/api.js';
import { captionOf, type GraphNode } from '../domain/graph.js';
import { withSentence } from '../domain/statement-sentence.js';
import type { GraphStore, IncidentEdge } from '../store/graph-store.js';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function nodeRef(node: GraphNode): NodeRef {
  return { id: node.id, label: node.label, caption: captionOf(node) };
}

/** Each node once, its first occurrence kept (withSentence then sorts the lists into reading order). */
function distinctRefs(nodes: GraphNode[]): NodeRef[] {
  const seen = new Set<string>();
  return nodes.filter((node) => !seen.has(node.id) && seen.add(node.id)).map(nodeRef);
}

function sourceOf(item: IncidentEdge): SourceRef {
  // The other end is the document itself: its title and date are at hand.
  const document = item.other.properties;
  const p = item.edge.properties;
  return {
    documentId: item.other.id,
    documentTitle: typeof document.title === 'string' ? document.title : item.other.id,
    published: typeof document.published === 'string' ? document.published : null,
    sentence: text(p.sentence) ?? '',
    start: Number(p.startOffset ?? 0),
    end: Number(p.endOffset ?? 0),
  };
}

/** A statement as listed: its speakers, what it is about and its articles, from its incident edges. */
export function statementView(statement: GraphNode, incident: IncidentEdge[]): StatementView {
  const ofType = (type: string, direction: 'in' | 'out') =>
    incident.filter((item) => item.edge.type === type && item.direction === direction);
  const speakers = distinctRefs(ofType('SAID', 'in').map((item) => item.other));
  const p = statement.properties;
  return withSentence({
    id: statement.id,
    text: text(p.text) ?? '',
    kind: text(p.kind) ?? 'quote',
    date: text(p.date),
    dateSource: text(p.dateSource),
    confidence: typeof p.confidence === 'number' ? p.confidence : null,
    speaker: null, // withSentence names the first of the speakers in reading order
    speakers,
    about: distinctRefs(ofType('ABOUT', 'out').map((item) => item.other)),
    sources: ofType('REPORTED_IN', 'out').map(sourceOf),
  });
}

/** Views of these statements (nodes of any other label are passed over), by id, in one read per label. */
export async function statementViews(store: GraphStore, nodes: GraphNode[]): Promise<Map<string, StatementView>> {
  const statements = nodes.filter((node) => node.label === 'Statement');
  const views = new Map<string, StatementView>();
  if (statements.length === 0) return views;
  const incident = await store.statementParts(statements);
  for (const statement of statements)
    views.set(statement.id, statementView(statement, incident.get(statement.id) ?? []));
  return views;
}
