/** HOLDS_ROLE, LEADS, AFFILIATED_WITH, MEMBER_OF…: the roles the document states, keyed by their title. */
import type { ExtractedRole, RoleContext } from '../extract/roles.js';
import { edgeId, titleQualifier } from '../ids.js';
import type { DocumentContext } from './document-context.js';

/** What the role rules ask of the corpus for this document. */
export function roleContext(context: DocumentContext): RoleContext {
  const entities = context.entities;
  return {
    mentions: context.mentions,
    kindOf: (key) => entities.kindOf(key),
    stateKeyByName: (name) => entities.gazetteerKeyByName(name),
    gazetteerRoles: (key) => entities.gazetteerRoles(key),
  };
}

export function addRoles(context: DocumentContext, roles: ExtractedRole[]): void {
  for (const role of roles) {
    const person = context.entities.get(role.personKey);
    const target = context.entities.get(role.targetKey);
    if (!person || !target) continue;
    context.refer(person);
    context.refer(target);
    context.facts.edges.add(
      {
        id: edgeId(role.type, person.id, target.id, titleQualifier(role.title)),
        type: role.type,
        source: person.id,
        target: target.id,
        sourceLabel: person.label,
        targetLabel: target.label,
        properties:
          role.type === 'HOLDS_ROLE'
            ? { rule: role.rule, confidence: role.confidence, date: null, title: role.title, status: role.status }
            : { rule: role.rule, confidence: role.confidence, date: null, title: role.title },
      },
      [context.evidence(role.start, role.end)],
    );
  }
}
