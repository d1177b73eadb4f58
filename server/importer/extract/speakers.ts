/**
 * Who is speaking at a place in the text: a resolved name (person first, then institution or
 * state), a pronoun ("he added": the last speaker), or a role description ("Azerbaijan's top
 * official": the holder of that state's top office, when the document says who that is).
 */
import type { ResolvedMention } from '../resolve/entities.js';
import type { Gender } from './gender.js';
import { mentionsEndingIn, mentionsStartingIn, mentionsWithin } from './mention-index.js';
import { INSTITUTION_NOUNS } from '../vocabulary/organisations.js';
import { SHORT_HONORIFICS } from '../vocabulary/names.js';
import { PERSON_NOUNS } from '../vocabulary/titles.js';

/** "Mr." and the like (and "St."), whose dot does not end the words between a title and a name. */
const DOTTED_HONORIFIC = new RegExp(`\\b(?:${[...SHORT_HONORIFICS, 'St'].join('|')})\\.`, 'g');

export interface SpeakerContext {
  mentions: ResolvedMention[];
  /** Entity key -> kind (person, state, …). */
  kindOf(entityKey: string): string | undefined;
  /** The person holding a top office of a state, from the roles this document states. */
  topOfficialOf(stateKey: string, title?: string): string | undefined;
  /** The last speaker before a position (for "he added"); with the pronoun, one it can mean. */
  lastSpeakerBefore(position: number, pronoun?: string): string | undefined;
  /** What the document says of a person's gender, if anything (for "he" and "she"). */
  genderOf?(entityKey: string): Gender | undefined;
  /** The article's byline names it: the one who asks in an interview, not who answers. */
  isAuthor?(entityKey: string): boolean;
  /** The person this document says holds a role ("representative") of a state or body. */
  holderOf?(targetKey: string, titleWord: string): string | undefined;
}

export interface FoundSpeaker {
  entityKey: string;
  rule: string;
  confidence: number;
}

const PRONOUN = /^(he|she|He|She)$/;
/** How far before a place its owner's name can end: "Ambassador X of the United Kingdom" (spaces and "of the"). */
const OWNER_REACH = 200;
const ROLE_OF_BEFORE =
  /\bthe\s+(representative|ambassador|envoy|delegate|minister|spokesperson|spokesman|spokeswoman|head|chair)\s+of\s+(?:the\s+)?$/i;
const ROLE_DESCRIPTION =
  /(?:the\s+)?([\p{Lu}][\p{L}.]+(?:\s[\p{Lu}][\p{L}.]+)?)(?:['’]s?)\s+(top official|top diplomat|leader|head of state|president|prime minister|foreign minister|defen[cs]e minister|premier|chief diplomat)\s*$/iu;
const THE_ROLE = /\bthe\s+([\p{Lu}][\p{L}]+)\s+(president|prime minister|foreign minister|leader|premier)\s*$/iu;

const TOP_TITLE: Record<string, string | undefined> = {
  'top official': undefined,
  leader: undefined,
  'head of state': 'President',
  president: 'President',
  'prime minister': 'Prime Minister',
  premier: 'Prime Minister',
  'foreign minister': 'Foreign Minister',
  'top diplomat': 'Foreign Minister',
  'chief diplomat': 'Foreign Minister',
};

/**
 * "the ministry said" -> the last institution whose name has that word; "the minister added" ->
 * the last person mentioned before (in the last few sentences).
 */
function describedSpeaker(
  text: string,
  position: number,
  noun: string | undefined,
  context: SpeakerContext,
): FoundSpeaker | undefined {
  if (!noun) return undefined;
  const before = mentionsEndingIn(context.mentions, position - 599, position);
  if (INSTITUTION_NOUNS.has(noun)) {
    const institution = [...before]
      .reverse()
      .find((m) => context.kindOf(m.entityKey) === 'institution' && m.text.toLowerCase().includes(noun));
    return institution
      ? { entityKey: institution.entityKey, rule: 'speaker:description', confidence: 0.65 }
      : undefined;
  }
  if (PERSON_NOUNS.has(noun)) {
    const person = [...before]
      .reverse()
      .find((m) => context.kindOf(m.entityKey) === 'person' && (m.title?.toLowerCase().includes(noun) ?? true));
    return person ? { entityKey: person.entityKey, rule: 'speaker:description', confidence: 0.6 } : undefined;
  }
  void text;
  return undefined;
}

/** The speaker written at the end of `before` (the subject right before a verb of saying). */
export function speakerEndingAt(
  text: string,
  from: number,
  to: number,
  context: SpeakerContext,
): FoundSpeaker | undefined {
  const before = text.slice(from, to);
  const trimmed = before
    .replace(/\s+(?:also|has|had|have|reportedly|then|later|previously|again|once|further)\s*$/i, '')
    .replace(/\s+$/, '');
  const end = from + trimmed.length;
  const word = /([\p{L}]+)$/u.exec(trimmed)?.[1];
  if (word && PRONOUN.test(word)) {
    const key = context.lastSpeakerBefore(end, word);
    return key ? { entityKey: key, rule: 'speaker:pronoun', confidence: 0.75 } : undefined;
  }
  if (/,\s*$/.test(trimmed) || /\)\s*$/.test(trimmed)) {
    // "Daniel Baer, a senior fellow at …, believes": the subject stands before the apposition.
    const subject = mentionsWithin(context.mentions, from, end - 1).find(
      (m) => /^,/.test(text.slice(m.end, m.end + 1)) && context.kindOf(m.entityKey) === 'person',
    );
    if (subject) return { entityKey: subject.entityKey, rule: 'speaker:apposition', confidence: 0.85 };
  }
  let mention = mentionsEndingIn(context.mentions, end - 3, end)
    .reverse()
    .find((m) => m.end + (m.possessive ? 2 : 0) >= end - 1);
  if (mention && context.kindOf(mention.entityKey) !== 'person') {
    // "Ambassador Barbara Woodward of the United Kingdom urged": the person, not her country.
    const place = mention;
    // Only the owner's name and "of the" stand between, so it ends within OWNER_REACH before the place.
    const owner = mentionsEndingIn(context.mentions, place.start - OWNER_REACH, place.start)
      .reverse()
      .find(
        (m) =>
          /^\s+(?:of|from|at)\s+(?:the\s+)?$/.test(text.slice(m.end, place.start)) &&
          // …and "The Ministry of Foreign Affairs of Azerbaijan said": the ministry.
          (context.kindOf(m.entityKey) === 'person' ||
            (context.kindOf(m.entityKey) === 'institution' && context.kindOf(place.entityKey) === 'state')),
      );
    if (owner) mention = owner;
  }
  // "the representative of Brazil added that …": the person the document gives that role.
  const described = mention ? ROLE_OF_BEFORE.exec(text.slice(Math.max(from, mention.start - 40), mention.start)) : null;
  if (mention && described && ['state', 'institution'].includes(context.kindOf(mention.entityKey) ?? '')) {
    const holder = context.holderOf?.(mention.entityKey, described[1]);
    if (holder) return { entityKey: holder, rule: 'speaker:role-of', confidence: 0.7 };
  }
  if (mention && !mention.possessive) {
    const kind = context.kindOf(mention.entityKey);
    // A place does not speak ("… at Carnegie Europe, said"): only people, institutions and states.
    if (kind && kind !== 'place')
      return { entityKey: mention.entityKey, rule: 'speaker:name', confidence: kind === 'person' ? 0.9 : 0.75 };
  }
  const role = ROLE_DESCRIPTION.exec(trimmed) ?? THE_ROLE.exec(trimmed);
  if (role) {
    const stateMention = mentionsWithin(context.mentions, from + role.index, end).find(
      (m) => context.kindOf(m.entityKey) === 'state',
    );
    const roleName = role[2].toLowerCase();
    const holder = stateMention ? context.topOfficialOf(stateMention.entityKey, TOP_TITLE[roleName]) : undefined;
    if (holder) return { entityKey: holder, rule: 'speaker:role-description', confidence: 0.7 };
  }
  return undefined;
}

/** The speaker written at the start of `after` ("…,” President Aliyev explained"). */
export function speakerStartingAt(
  text: string,
  from: number,
  to: number,
  context: SpeakerContext,
): FoundSpeaker | undefined {
  const after = text.slice(from, to);
  const lead = /^[\s,.;:]*/.exec(after)![0].length;
  const start = from + lead;
  const pronoun = /^(he|she|He|She)\b/.exec(text.slice(start, to));
  if (pronoun) {
    const key = context.lastSpeakerBefore(start, pronoun[1]);
    return key ? { entityKey: key, rule: 'speaker:pronoun', confidence: 0.75 } : undefined;
  }
  const noun = /^(?:the|The)\s+([a-z][a-z-]+)\b/.exec(text.slice(start, to))?.[1];
  // "said the spokesperson of the Azerbaijani MFA Leyla Abdullayeva": the name written after the
  // description wins over the last person of that description before it.
  const namedAfter = mentionsStartingIn(context.mentions, start, start + 60).find(
    (m) => context.kindOf(m.entityKey) === 'person' && !/[.;]/.test(text.slice(start, m.start)),
  );
  const described =
    noun && PERSON_NOUNS.has(noun) && namedAfter ? undefined : describedSpeaker(text, start, noun, context);
  if (described) return described;
  // The first name within a few words (after a title such as "Azerbaijan's President").
  const mention = mentionsStartingIn(context.mentions, start, start + 60).find(
    (m) => context.kindOf(m.entityKey) === 'person',
  );
  const between = (to: number) => text.slice(start, to).replace(DOTTED_HONORIFIC, '');
  if (mention && !/[.;]/.test(between(mention.start))) {
    return { entityKey: mention.entityKey, rule: 'speaker:name', confidence: 0.9 };
  }
  const any = mentionsStartingIn(context.mentions, start, start + 40).find((m) => !m.possessive);
  if (any && context.kindOf(any.entityKey) !== 'place' && !/[.;]/.test(between(any.start))) {
    return { entityKey: any.entityKey, rule: 'speaker:name', confidence: 0.7 };
  }
  return undefined;
}
