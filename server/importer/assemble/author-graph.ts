/** WROTE (and a MENTIONED_IN without spans): the people the byline names wrote the document. */
import { edgeId } from '../ids.js';
import type { DocumentContext } from './document-context.js';

/** Adds the byline's edges; returns the authors' entity keys. */
export function addAuthors(context: DocumentContext): Set<string> {
  const { document, id } = context;
  const authors = context.entities.authorsOf(document).map((entity) => context.refer(entity));
  for (const entity of authors) {
    context.facts.edges.add({
      id: edgeId('WROTE', entity.id, id),
      type: 'WROTE',
      source: entity.id,
      target: id,
      sourceLabel: 'Actor',
      targetLabel: 'Document',
      properties: { rule: 'byline', confidence: 0.95, date: document.published },
    });
    context.facts.edges.add({
      id: edgeId('MENTIONED_IN', entity.id, id),
      type: 'MENTIONED_IN',
      source: entity.id,
      target: id,
      sourceLabel: 'Actor',
      targetLabel: 'Document',
      properties: { rule: 'byline', confidence: 0.95, date: document.published, mentions: 0, spans: '[]' },
    });
  }
  return new Set(authors.map((entity) => entity.key));
}
