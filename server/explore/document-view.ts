/** An article with its mentions: every span the importer linked to a node, in text order. */
import type { DocumentResponse, MentionSpan } from '../domain/api.js';
import { NotFoundError } from '../domain/errors.js';
import { captionOf } from '../domain/graph.js';
import type { GraphStore } from '../store/graph-store.js';
import { toApiNode } from './payload.js';

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
  return { document: toApiNode(document), mentions };
}
