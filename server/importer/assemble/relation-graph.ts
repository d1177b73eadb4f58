/** MET, CONTACTED, URGED, CRITICIZED, SUPPORTS, …: the relations the document states between actors, dated by their sentence. */
import type { RelType } from '../../domain/graph.js';
import { findStatementDate } from '../extract/dates.js';
import type { ExtractedRelation, RelationContext } from '../extract/relations.js';
import type { ExtractedStatement } from '../extract/statements.js';
import { edgeId } from '../ids.js';
import type { DocumentContext } from './document-context.js';
import type { DocumentSpeakers } from './speaker-context.js';

/**
 * What the relation rules ask of the document: the mentions that can act ("met the Azerbaijani and
 * Armenian ministers": an adjective mentions a state but does not meet anyone), and who spoke last
 * before a position (a statement's speaker, else the last person named).
 */
export function relationContext(
  context: DocumentContext,
  statements: ExtractedStatement[],
  speakers: DocumentSpeakers,
): RelationContext {
  return {
    mentions: context.mentions.filter((m) => !m.rule.endsWith(':adjective')),
    kindOf: (key) => context.entities.kindOf(key),
    lastSpeakerBefore: (position) => {
      const spoken = statements.filter((s) => s.speakerKey && s.start < position).pop();
      return spoken?.speakerKey ?? speakers.lastPersonBefore(position);
    },
  };
}

export function addRelations(context: DocumentContext, relations: ExtractedRelation[]): void {
  const { document, text } = context;
  for (const relation of relations) {
    const source = context.entities.get(relation.sourceKey);
    const target = context.entities.get(relation.targetKey);
    if (!source || !target) continue;
    context.refer(source);
    context.refer(target);
    const date = findStatementDate(text.slice(relation.start, relation.end), document.published)?.iso ?? null;
    const type: RelType = relation.type;
    context.facts.edges.add(
      {
        id: edgeId(type, source.id, target.id, relation.role),
        type,
        source: source.id,
        target: target.id,
        sourceLabel: source.label,
        targetLabel: target.label,
        properties: relation.role
          ? { rule: relation.rule, confidence: relation.confidence, date, role: relation.role }
          : { rule: relation.rule, confidence: relation.confidence, date },
      },
      [context.evidence(relation.start, relation.end)],
    );
  }
}
