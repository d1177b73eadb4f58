/**
 * What a person sees on clicking an edge: the relationship, its two ends, and every sentence in
 * the articles that states it.
 */
import type { EdgeDetailsResponse, SourceRef } from '../domain/api.js';
import { NotFoundError } from '../domain/errors.js';
import type { GraphEdge } from '../domain/graph.js';
import type { GraphStore } from '../store/graph-store.js';
import { toApiEdge, toApiNode } from './payload.js';
import { DocumentTitles } from './evidence-sources.js';
import { statementViews } from './statement-views.js';

/**
 * The evidence of an edge: its `evidence` list, decoded as the node details decode it; a
 * REPORTED_IN edge carries its one sentence directly (statement → the article it was reported in).
 */
async function edgeEvidence(titles: DocumentTitles, edge: GraphEdge): Promise<SourceRef[]> {
  const evidence = await titles.sources(edge.properties.evidence);
  const sentence = edge.properties.sentence;
  if (evidence.length === 0 && edge.type === 'REPORTED_IN' && typeof sentence === 'string' && sentence !== '') {
    const document = await titles.lookup(edge.target);
    evidence.push({
      documentId: edge.target,
      documentTitle: document.title,
      published: document.published,
      sentence,
      start: Number(edge.properties.startOffset ?? 0),
      end: Number(edge.properties.endOffset ?? 0),
    });
  }
  return evidence;
}

export async function edgeDetails(store: GraphStore, id: string): Promise<EdgeDetailsResponse> {
  const [edge] = await store.findEdges([id]);
  if (!edge || edge.id !== id) throw new NotFoundError(`No relationship with id "${id}"`);
  const [source, target] = await Promise.all([store.getNode(edge.source), store.getNode(edge.target)]);
  if (!source || !target) throw new NotFoundError(`No relationship with id "${id}"`);
  // SAID, ABOUT and REPORTED_IN have a statement at one end: it is shown as a sentence.
  const [statement] = (await statementViews(store, [source, target])).values();
  return {
    edge: toApiEdge(edge),
    source: toApiNode(source),
    target: toApiNode(target),
    evidence: await edgeEvidence(new DocumentTitles(store), edge),
    ...(statement ? { statement } : {}),
  };
}
