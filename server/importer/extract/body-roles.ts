/**
 * Roles written between a body's name and a person's: "State Department spokesperson Morgan X",
 * "OSCE Minsk Group Co-Chairs Anne Viscot (France) and Andrew Scholl (USA)", "the spokesperson of
 * the Armenian Ministry of Foreign Affairs Anna X". The role is held in that body; people listed
 * after the first with "and" share it.
 */
import type { ResolvedMention } from '../resolve/entities.js';
import { mentionsEndingIn, mentionsStartingIn } from './mention-index.js';
import type { ExtractedRole, RoleContext } from './roles.js';
import type { Sentence } from './sentences.js';
import { PERSON_ROLE_NOUNS } from '../vocabulary/titles.js';

/** Up to two words before the role noun, none of them a verb or a function word ("said the"). */
const MODIFIER = `(?!(?:the|a|an|said|says|told|of|and|to|by|with|who|is|was|his|her|its|their)\\b)[\\p{L}’'-]+`;
const ROLE = `(?:${MODIFIER}\\s+){0,2}?(?:${PERSON_ROLE_NOUNS.join('|')}|co-chair|press secretary)s?`;
/** Body, then the role, then the person: only the role's words between the two names. */
const BETWEEN = new RegExp(`^\\s+(${ROLE})\\s+$`, 'iu');
/** "the spokesperson of the" before the body. */
const ROLE_OF_BEFORE = new RegExp(`\\b(?:the\\s+)?(${ROLE})\\s+of\\s+(?:the\\s+)?$`, 'iu');

function singular(title: string): string {
  return title.replace(/(chair|person|man|woman|ist|er|or|ary|ive|ent|ate|ant|cial|lomat)s$/i, '$1').trim();
}

function isBody(context: RoleContext, mention: ResolvedMention): boolean {
  return context.kindOf(mention.entityKey) === 'institution';
}

type FoundRole = Omit<ExtractedRole, 'start' | 'end'>;

function role(person: ResolvedMention, body: ResolvedMention, title: string, rule: string): FoundRole {
  const former = /^former\s+/i.test(title);
  return {
    personKey: person.entityKey,
    targetKey: body.entityKey,
    title: singular(title.replace(/^(?:former|the)\s+/i, '')),
    status: former ? 'former' : 'current',
    type: 'HOLDS_ROLE',
    rule,
    confidence: 0.8,
  };
}

export function bodyRolesBefore(
  text: string,
  sentence: Sentence,
  person: ResolvedMention,
  context: RoleContext,
): FoundRole[] {
  const before = mentionsEndingIn(context.mentions, person.start - 60, person.start)
    .filter((m) => m.start >= sentence.start)
    .pop();
  if (!before || !isBody(context, before)) return [];
  const between = text.slice(before.end + (before.possessive ? 2 : 0), person.start);
  const inBetween = BETWEEN.exec(between);
  const found: FoundRole[] = [];
  if (inBetween) found.push(role(person, before, inBetween[1], 'role:body-title'));
  else if (/^\s+$/.test(between)) {
    const roleOf = ROLE_OF_BEFORE.exec(text.slice(Math.max(sentence.start, before.start - 60), before.start));
    if (roleOf) found.push(role(person, before, roleOf[1], 'role:title-of-body'));
  }
  if (found.length === 0) return [];
  // "Co-Chairs A (France) and B (USA)": B shares the role.
  const next = mentionsStartingIn(context.mentions, person.end + 1, person.end + 30).find(
    (m) => context.kindOf(m.entityKey) === 'person',
  );
  if (next && /^\s*(?:\([^()]{1,30}\)\s*)?,?\s*and\s+$/.test(text.slice(person.end, next.start)))
    found.push({ ...found[0], personKey: next.entityKey, rule: 'role:body-title-and' });
  return found;
}
