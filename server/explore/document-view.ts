/** An article with its mentions: every span the importer linked to a node, in text order. */
import type { DocumentResponse, MentionSpan, StatementView } from '../domain/api.js';
import { NotFoundError } from '../domain/errors.js';
import { captionOf } from '../domain/graph.js';
import type { GraphStore } from '../store/graph-store.js';
import { toApiNode } from './payload.js';
import { withSentence } from '../domain/statement-sentence.js';
import { statementViews } from './statement-views.js';

function parseSpans(value: unknown): Array<[number, number]> {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (pair): pair is [number, number] =>
        Array.isArray(pair) && typeof pair[0] === 'number' && typeof pair[1] === 'number',
    );
  } catch {
    return [];
  }
}

export async function documentView(store: GraphStore, id: string): Promise<DocumentResponse> {
  const document = await store.getNode(id);
  if (!document || document.label !== 'Document') throw new NotFoundError(`No document with id "${id}"`);
  const mentions: MentionSpan[] = [];
  for (const item of await store.incidentEdges(id, ['MENTIONED_IN'])) {
    for (const [start, end] of parseSpans(item.edge.properties.spans)) {
      mentions.push({ start, end, nodeId: item.other.id, label: item.other.label, caption: captionOf(item.other) });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { document: toApiNode(document), mentions, statements: await reportedStatements(store, id) };
}

/** The statements reported in this article, as sentences, in the order they appear in its text. */
async function reportedStatements(store: GraphStore, id: string): Promise<StatementView[]> {
  const reported = (await store.incidentEdges(id, ['REPORTED_IN'])).filter((item) => item.direction === 'in');
  const views = await statementViews(
    store,
    reported.map((item) => item.other),
  );
  const offset = new Map(reported.map((item) => [item.other.id, Number(item.edge.properties.startOffset ?? 0)]));
  return (
    [...views.values()]
      // This article first among each statement's sources: the reader's sentence points into it.
      .map((view) => withSentence(view, { firstSource: id }))
      .sort((a, b) => (offset.get(a.id) ?? 0) - (offset.get(b.id) ?? 0))
  );
}
