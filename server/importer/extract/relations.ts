/**
 * Interactions, stances and memberships a sentence states: "A called B", "in a phone call with
 * B, … A said", "A met B", "A denounced B", "A urged B", "A said B must …", "A warned … sanctions
 * on B", "A is a co-chair of X with B and C", "X, co-led by A, B and C". The subject of a verb is
 * the name right before it, or the sentence's subject for a list of verbs ("He … denounced B").
 */
import { ACTOR_KINDS } from '../../domain/graph.js';
import type { ResolvedMention } from '../resolve/entities.js';
import { mentionsWithin } from './mention-index.js';
import type { Sentence } from './sentences.js';

export type RelationType =
  'CONTACTED' | 'MET' | 'CRITICIZED' | 'URGED' | 'WARNED' | 'SUPPORTS' | 'OPPOSES' | 'MEMBER_OF';

export interface ExtractedRelation {
  type: RelationType;
  sourceKey: string;
  targetKey: string;
  role?: string;
  start: number;
  end: number;
  rule: string;
  confidence: number;
}

export interface RelationContext {
  mentions: ResolvedMention[];
  kindOf(entityKey: string): string | undefined;
  lastSpeakerBefore(position: number): string | undefined;
}

const VERBS: Array<{ type: RelationType; pattern: RegExp }> = [
  {
    type: 'CONTACTED',
    pattern:
      /\b(?:called|phoned|rang|contacted|spoke\s+(?:with|to)|talked\s+(?:with|to)|wrote\s+to|sent\s+a\s+letter\s+to|held\s+a\s+(?:phone|telephone|video)\s+call\s+with)\s+/gi,
  },
  { type: 'MET', pattern: /\b(?:met|meets|meeting|hosted|received)\s+(?:separately\s+)?(?:with\s+)?/gi },
  {
    type: 'CRITICIZED',
    pattern:
      /\b(?:criticized|criticised|criticizes|denounced|denounces|condemned|condemns|slammed|blasted|rebuked|accused|blamed|chastised|(?:responded|replied|reacted)\s+(?:scathingly|sharply|angrily|harshly)\s+to|lashed\s+out\s+at|hit\s+out\s+at)\s+/gi,
  },
  { type: 'URGED', pattern: /\b(?:urged|urges|called\s+on|calls\s+on|pressed|appealed\s+to|implored)\s+/gi },
  { type: 'WARNED', pattern: /\b(?:warned|warns|threatened|threatens)\s+/gi },
  {
    type: 'SUPPORTS',
    pattern: /\b(?:supports|supported|backed|backs|endorsed|endorses|sided\s+with|stands\s+with)\s+/gi,
  },
  { type: 'OPPOSES', pattern: /\b(?:opposes|opposed|rejected|rejects|objected\s+to|vetoed)\s+/gi },
];
const CALL_WITH = /\b(?:a|an|the)\s+(?:phone|telephone|video)\s+(?:call|conversation)\s+with\s+/gi;
const MEETING_WITH = /\b(?:meeting|talks|met)\s+(?:separately\s+)?with\s+/gi;
const SAID_MUST = /\b(?:said|says)\s+(?:that\s+)?(?:his|her|their)?\s*(?:predecessor|successor|counterpart)?\s*/gi;

/** Who can meet, urge or criticise: actors and institutions, not places. */
const ACTING_KINDS = new Set<string>([...ACTOR_KINDS, 'institution']);

function isParty(context: RelationContext, mention: ResolvedMention): boolean {
  return ACTING_KINDS.has(context.kindOf(mention.entityKey) ?? '');
}

function mentionsIn(context: RelationContext, from: number, to: number): ResolvedMention[] {
  return mentionsWithin(context.mentions, from, to).filter((m) => isParty(context, m));
}

/** The name ending right before `position` (within a few words), or the sentence's subject. */
function subjectBefore(
  text: string,
  sentence: Sentence,
  position: number,
  context: RelationContext,
): string | undefined {
  let near = mentionsIn(context, Math.max(sentence.start, position - 40), position).pop();
  if (near && context.kindOf(near.entityKey) !== 'person') {
    // "Ambassador Barbara Woodward of the United Kingdom urged …": the person acts.
    const place = near;
    const owner = mentionsIn(context, sentence.start, place.start)
      .reverse()
      .find(
        (m) =>
          /^\s+(?:of|from|at)\s+(?:the\s+)?$/.test(text.slice(m.end, place.start)) &&
          context.kindOf(m.entityKey) === 'person',
      );
    if (owner) near = owner;
  }
  if (near && !/[,;]/.test(text.slice(near.end, position)) && !near.possessive) return near.entityKey;
  const opening = text.slice(sentence.start, sentence.start + 30);
  if (/^(?:He|She)\b/.test(opening) || /^\S+,\s+(?:he|she)\b/.test(opening))
    return context.lastSpeakerBefore(sentence.start);
  const people = mentionsIn(context, sentence.start, position).filter(
    (m) => context.kindOf(m.entityKey) === 'person' && !m.possessive,
  );
  return people[0]?.entityKey;
}

function objectAfter(context: RelationContext, from: number, to: number, text = ''): ResolvedMention | undefined {
  const found = mentionsIn(context, from, Math.min(to, from + 80));
  const first = found[0];
  if (first?.possessive && found[1]) return found[1];
  // "met his Tajik counterpart Farrukh Nazarov": the demonym qualifies the person who follows.
  const next = found[1];
  if (
    first?.rule === 'gazetteer:demonym' &&
    next &&
    context.kindOf(next.entityKey) === 'person' &&
    next.start - first.end < 40
  )
    return next;
  // "received OSCE Minsk Group Co-Chairs Anne Viscot": the people the body's title introduces.
  if (
    first &&
    next &&
    context.kindOf(first.entityKey) === 'institution' &&
    context.kindOf(next.entityKey) === 'person' &&
    /^\s+(?:[\p{L}-]+\s+){0,3}$/u.test(text.slice(first.end, next.start)) &&
    ROLE_WORDS.test(text.slice(first.end, next.start))
  )
    return next;
  return first;
}

const ROLE_WORDS =
  /\b(?:co-?chairs?|chairs?|chairman|envoys?|representatives?|ambassadors?|ministers?|secretary|spokes(?:man|woman|person)|head|director|president|commissioner|delegates?)\b/i;

/**
 * "met separately with Foreign Minister A and Foreign Minister B": the first object and those
 * joined to it by "and" or a comma, of its kind, each within a few words of the one before.
 */
function coordinated(text: string, context: RelationContext, first: ResolvedMention, to: number): ResolvedMention[] {
  const kind = context.kindOf(first.entityKey);
  const found = [first];
  let previous = first;
  for (const candidate of mentionsIn(context, first.end, to)) {
    if (context.kindOf(candidate.entityKey) !== kind) continue;
    const between = text.slice(previous.end, candidate.start);
    if (between.length > 60 || /[.;:]/.test(between) || !/(?:\band\b|,)/.test(between)) break;
    if (/\b(?:said|says|told|who|which|that|to|for)\b/.test(between)) break;
    found.push(candidate);
    previous = candidate;
  }
  return found;
}

/** "has not contacted", "neither X nor Y contacted", "declined to meet": the fact is denied. */
const NEGATION = /\b(?:not|never|neither|nor|no\s+longer|refused\s+to|declined\s+to|failed\s+to)\b|n[’']t\b/i;

function negated(text: string, sentence: Sentence, verbAt: number): boolean {
  // The clause: back to the last comma, at most 120 characters and not before the sentence. The
  // comma is looked for in that window only; searching the whole text back from every verb made a
  // long text without commas quadratic.
  const windowStart = Math.max(sentence.start, verbAt - 120);
  const comma = text.slice(windowStart, verbAt).lastIndexOf(',');
  const clauseStart = comma >= 0 ? windowStart + comma + 1 : windowStart;
  return NEGATION.test(text.slice(clauseStart, verbAt));
}

function push(out: ExtractedRelation[], relation: ExtractedRelation): void {
  if (relation.sourceKey === relation.targetKey) return;
  out.push(relation);
}

export function extractRelations(text: string, sentences: Sentence[], context: RelationContext): ExtractedRelation[] {
  const relations: ExtractedRelation[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const at = (index: number) => sentence.start + index;
    const base = { start: sentence.start, end: sentence.end };

    for (const { type, pattern } of VERBS) {
      for (const verb of body.matchAll(pattern)) {
        const verbAt = at(verb.index);
        const after = verbAt + verb[0].length;
        if (negated(text, sentence, verbAt)) continue;
        const source = subjectBefore(text, sentence, verbAt, context);
        let target = objectAfter(context, after, sentence.end, text);
        let viaOn = false;
        if (type === 'WARNED') {
          // "warned … could impose sanctions on X": the target is who the measures are against.
          const on = /\b(?:sanctions|measures|action|strikes?|retaliation|consequences|force)\s+(?:on|against)\s+/.exec(
            text.slice(after, sentence.end),
          );
          const against = on ? objectAfter(context, after + on.index + on[0].length, sentence.end) : undefined;
          if (against) {
            target = against;
            viaOn = true;
          }
        }
        // The object starts within a few words of the verb (the body before "its Co-Chairs X" counts).
        const lead = mentionsIn(context, after, sentence.end)[0] ?? target;
        if (!source || !target || (!viaOn && Math.min(lead.start, target.start) - after > 25)) continue;
        for (const object of viaOn ? [target] : coordinated(text, context, target, sentence.end))
          push(relations, {
            ...base,
            type,
            sourceKey: source,
            targetKey: object.entityKey,
            rule: `relation:${type.toLowerCase()}-verb`,
            confidence: 0.7,
          });
      }
    }

    for (const [type, pattern] of [
      ['CONTACTED', CALL_WITH],
      ['MET', MEETING_WITH],
    ] as const) {
      for (const phrase of body.matchAll(pattern)) {
        const after = at(phrase.index) + phrase[0].length;
        const target = objectAfter(context, after, sentence.end, text);
        if (!target || target.start - after > 40) continue;
        const others = mentionsIn(context, sentence.start, sentence.end).filter(
          (m) =>
            context.kindOf(m.entityKey) === 'person' &&
            m.entityKey !== target.entityKey &&
            (m.start < at(phrase.index) || m.start > target.end + 20),
        );
        const source =
          others[0]?.entityKey ?? (/^(?:He|She)\b/.test(body) ? context.lastSpeakerBefore(sentence.start) : undefined);
        if (source)
          for (const object of coordinated(text, context, target, sentence.end))
            push(relations, {
              ...base,
              type,
              sourceKey: source,
              targetKey: object.entityKey,
              rule: `relation:${type.toLowerCase()}-with`,
              confidence: 0.75,
            });
      }
    }

    for (const said of body.matchAll(SAID_MUST)) {
      const after = at(said.index) + said[0].length;
      const target = objectAfter(context, after, sentence.end);
      if (!target || target.start - after > 5) continue;
      if (!/^\s*(?:must|should|has\s+to|needs\s+to|ought\s+to)\b/.test(text.slice(target.end, target.end + 12)))
        continue;
      // "X said the US should …" is a view on policy; "X said his predecessor Y must …" urges Y.
      if (context.kindOf(target.entityKey) !== 'person') continue;
      const source = subjectBefore(text, sentence, at(said.index), context);
      if (source)
        push(relations, {
          ...base,
          type: 'URGED',
          sourceKey: source,
          targetKey: target.entityKey,
          rule: 'relation:said-must',
          confidence: 0.7,
        });
    }

    // "Turkey has been a permanent member of the OSCE Minsk Group since its inception".
    const member =
      /\b(?:is|was|are|were|has\s+been|have\s+been|remains|became|become)\s+(?:a|an|the)?\s*(?:(?:permanent|founding|full|non-permanent|original|long-standing|active)\s+)?members?\s+of\s+(?:the\s+)?/i.exec(
        body,
      );
    if (member && !negated(text, sentence, at(member.index))) {
      const organisation = objectAfter(context, at(member.index) + member[0].length, sentence.end);
      const subject = subjectBefore(text, sentence, at(member.index), context);
      if (
        organisation &&
        subject &&
        organisation.start - (at(member.index) + member[0].length) < 5 &&
        context.kindOf(organisation.entityKey) === 'institution' &&
        context.kindOf(subject) !== 'person'
      )
        push(relations, {
          ...base,
          type: 'MEMBER_OF',
          sourceKey: subject,
          targetKey: organisation.entityKey,
          rule: 'member:member-of',
          confidence: 0.75,
        });
    }

    const coChair = /\b(?:is|was|are|remains)\s+(?:a|the|one\s+of\s+the)?\s*co-?chairs?\s+of\s+(?:the\s+)?/i.exec(body);
    if (coChair) {
      const organisation = objectAfter(context, at(coChair.index) + coChair[0].length, sentence.end);
      // The sentence's subject: "The US also officially voiced neutrality and is a co-chair of …".
      const subject =
        subjectBefore(text, sentence, at(coChair.index), context) ??
        mentionsIn(context, sentence.start, at(coChair.index)).find((m) => !m.possessive)?.entityKey;
      if (organisation && context.kindOf(organisation.entityKey) !== 'state') {
        const withMatch = /^[^.;]*?\bwith\s+/.exec(text.slice(organisation.end, sentence.end));
        const partners = withMatch
          ? mentionsIn(
              context,
              organisation.end + withMatch[0].length,
              organisation.end + withMatch[0].length + 40,
            ).filter((m) => context.kindOf(m.entityKey) === 'state')
          : [];
        for (const member of [subject, ...partners.map((m) => m.entityKey)]) {
          if (member)
            push(relations, {
              ...base,
              type: 'MEMBER_OF',
              sourceKey: member,
              targetKey: organisation.entityKey,
              role: 'co-chair',
              rule: 'member:co-chair-of',
              confidence: 0.8,
            });
        }
      }
    }

    const ledBy = /\b(co-led|co-chaired|led|chaired)\s+by\s+/i.exec(body);
    if (ledBy) {
      const organisation = mentionsIn(context, sentence.start, at(ledBy.index))
        .filter((m) => context.kindOf(m.entityKey) !== 'state' && context.kindOf(m.entityKey) !== 'person')
        .pop();
      const listEnd = /[.;]|\s(?:aimed|which|that|to)\s/.exec(
        text.slice(at(ledBy.index) + ledBy[0].length, sentence.end),
      );
      const members = mentionsIn(
        context,
        at(ledBy.index) + ledBy[0].length,
        listEnd ? at(ledBy.index) + ledBy[0].length + listEnd.index : sentence.end,
      );
      const role = ledBy[1].toLowerCase().startsWith('co') ? 'co-chair' : 'chair';
      if (organisation)
        for (const member of members)
          push(relations, {
            ...base,
            type: 'MEMBER_OF',
            sourceKey: member.entityKey,
            targetKey: organisation.entityKey,
            role,
            rule: 'member:led-by',
            confidence: 0.75,
          });
    }
  }
  return relations;
}
