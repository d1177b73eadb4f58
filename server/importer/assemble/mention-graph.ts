/** MENTIONED_IN: each entity the document names, with how often and where; its first sentence as the entity's evidence. */
import { groupBy } from '../../domain/group-by.js';
import { edgeId } from '../ids.js';
import type { DocumentContext } from './document-context.js';

export function addMentions(context: DocumentContext): void {
  const { document, id } = context;
  for (const [key, list] of groupBy(context.mentions, (mention) => mention.entityKey)) {
    const entity = context.refer(context.entities.get(key)!);
    const sentence = context.sentenceOf(list[0].start);
    if (sentence) context.addEntityEvidence(entity, context.evidence(sentence.start, sentence.end));
    context.facts.edges.add({
      id: edgeId('MENTIONED_IN', entity.id, id),
      type: 'MENTIONED_IN',
      source: entity.id,
      target: id,
      sourceLabel: entity.label,
      targetLabel: 'Document',
      properties: {
        rule: 'mention',
        confidence: Math.max(...list.map((m) => m.confidence)),
        date: document.published,
        mentions: list.length,
        spans: JSON.stringify(list.map((m) => [m.start, m.end])),
      },
    });
  }
}
