/**
 * Roles a document gives people: "Azerbaijan's President Ilham Aliyev", "US Secretary of State
 * Michael Pompeo", "President Joe Biden" (the state from the gazetteer or the rest of the
 * document), and appositions "Daniel Baer, a senior fellow at the Carnegie Endowment … and former
 * US ambassador to the OSCE" (affiliation and leadership follow from the preposition and title).
 */
import type { Gazetteer } from '../gazetteer.js';
import { normalizeForm } from '../gazetteer.js';
import type { ResolvedMention } from '../resolve/entities.js';
import { bodyRolesBefore } from './body-roles.js';
import { mentionsStartingIn, mentionsWithin } from './mention-index.js';
import type { Sentence } from './sentences.js';
import { LEAD_NOUNS, PERSON_ROLE_NOUNS, TITLES } from '../vocabulary/titles.js';

export interface ExtractedRole {
  personKey: string;
  /** State or institution entity key. */
  targetKey: string;
  title: string;
  status: 'current' | 'former';
  type: 'HOLDS_ROLE' | 'AFFILIATED_WITH' | 'LEADS';
  start: number;
  end: number;
  rule: string;
  confidence: number;
}

export interface RoleContext {
  mentions: ResolvedMention[];
  kindOf(entityKey: string): string | undefined;
  /** Entity key of a gazetteer state by its name (for roles the gazetteer knows). */
  stateKeyByName(name: string): string | undefined;
  gazetteerRoles(personKey: string): Array<{ title: string; of: string }>;
}

// Hyphens stay as they are: in a /u regular expression `\-` outside a class is an error.
const TITLE_PATTERN = TITLES.map((title) => title.replace(/\./g, '\\.').replace(/ /g, '\\s+')).join('|');
/** A title right before a name, any case ("President", "Armenia's representative"). */
// Titles, and role nouns written before a name ("University professor Mustafa Aydin").
// A minister by portfolio: "Transport Minister", "deputy economy minister" (the state's adjective
// before it is taken off afterwards, see titleBeforePerson).
const PORTFOLIO_WORD = `(?!(?:the|a|an|said|says|told|and|of|to|by|with|his|her|its|their|former|prime)\\b)[\\p{L}-]{2,}`;
// Not the "s" of "Azerbaijan's": a portfolio word starts a word.
const PORTFOLIO_MINISTER = `(?<![\\p{L}'’-])(?:(?:first\\s+)?deputy\\s+|vice\\s+)?(?:${PORTFOLIO_WORD}\\s+){1,2}minister`;
const TITLE_ONLY = new RegExp(
  `((?:former|outgoing|then-|acting)\\s+)?\\b(${TITLE_PATTERN}|${PERSON_ROLE_NOUNS.join('|')}|${PORTFOLIO_MINISTER})\\s*,?\\s*$`,
  'iu',
);
const OF_STATE_AFTER = /^\s+(?:of|from)\s+(?:the\s+)?$/;
// With the 'i' flag \p{Lu} also matches lower case: "of the Kyiv Institute for …" must not read as
// part of a title ("director of the Kyiv Institute"), so "the" is ruled out by hand.
const APPOSITION = new RegExp(
  `^,\\s+(?:(?:a|an|the|who\\s+is|who\\s+was)\\s+)?((?:former|outgoing|then-|acting)\\s+)?((?:[\\p{L}’'-]+\\s+){0,4}?(?:${PERSON_ROLE_NOUNS.join('|')}|${TITLE_PATTERN.toLowerCase()})(?:\\s+of\\s+(?!the\\s|a\\s|an\\s)\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+){0,3}(?=\\s+(?:at|with|for|in)\\s))?)\\s+(at|of|with|for|to|in)\\s+`,
  'iu',
);
const NEXT_APPOSITION = new RegExp(
  `^[^,.;]{0,80}?\\s+and\\s+((?:former|outgoing)\\s+)?((?:[\\p{L}’'-]+\\s+){0,4}?(?:${PERSON_ROLE_NOUNS.join('|')}))\\s+(at|of|with|for|to|in)\\s+`,
  'iu',
);

function targetAfter(context: RoleContext, from: number, limit: number): ResolvedMention | undefined {
  const candidates = mentionsStartingIn(context.mentions, from, from + limit + 40).filter((m) =>
    ['state', 'institution'].includes(context.kindOf(m.entityKey) ?? ''),
  );
  if (candidates[0] && candidates[0].start > from + limit) return undefined;
  // "the US Army’s Asymmetric Warfare Group": the possessor is not the target, what it owns is.
  const first = candidates[0];
  if (first?.possessive && candidates[1] && candidates[1].start - first.end < 6) return candidates[1];
  return first;
}

/** "US ambassador" -> "ambassador": a state adjective is the role's target, not its title. */
function cleanTitle(title: string, gazetteer: Gazetteer): string {
  const words = title.trim().split(/\s+/);
  while (
    words.length > 1 &&
    (gazetteer.byAdjective.has(normalizeForm(words[0])) || gazetteer.byForm.has(normalizeForm(words[0])))
  )
    words.shift();
  return words.join(' ');
}

/** The state or institution written just before a title: a name (possessive or not) or an adjective. */
function ownerBefore(
  text: string,
  from: number,
  to: number,
  context: RoleContext,
  gazetteer: Gazetteer,
): string | undefined {
  const prefix = text.slice(from, to);
  const mention = mentionsWithin(context.mentions, from, to).find((m) =>
    /^(?:['’]s?)?\s*$/.test(text.slice(m.end, to)),
  );
  if (mention && ['state', 'institution'].includes(context.kindOf(mention.entityKey) ?? '')) return mention.entityKey;
  const word = /([\p{Lu}][\p{L}.]*)\s*$/u.exec(prefix)?.[1];
  const entry = word
    ? (gazetteer.byAdjective.get(normalizeForm(word)) ?? gazetteer.byForm.get(normalizeForm(word)))
    : undefined;
  return entry && (entry.type === 'state' || entry.type === 'institution')
    ? context.stateKeyByName(entry.name)
    : undefined;
}

const ROLE_AFTER_POSSESSIVE = new RegExp(
  `^\\s*((?:former\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:${PERSON_ROLE_NOUNS.join('|')}|${TITLE_PATTERN}))\\b`,
  'iu',
);

/** "Vassily Nebenzia, Russia's permanent representative". */
function possessiveApposition(
  text: string,
  person: ResolvedMention,
  context: RoleContext,
): Omit<ExtractedRole, 'start' | 'end'> | undefined {
  const owner = mentionsStartingIn(context.mentions, person.end + 1, person.end + 8).find(
    (m) => m.possessive && /^,\s+(?:the\s+)?$/.test(text.slice(person.end, m.start)),
  );
  if (!owner || !['state', 'institution'].includes(context.kindOf(owner.entityKey) ?? '')) return undefined;
  const match = ROLE_AFTER_POSSESSIVE.exec(text.slice(owner.end + 2, owner.end + 80));
  if (!match) return undefined;
  const former = /^former\s+/i.test(match[1]);
  return {
    personKey: person.entityKey,
    targetKey: owner.entityKey,
    title: match[1].replace(/^former\s+/i, ''),
    status: former ? 'former' : 'current',
    type: 'HOLDS_ROLE',
    rule: 'role:possessive-apposition',
    confidence: 0.85,
  };
}

/** "Azerbaijan's President Ilham Aliyev", "Ambassador Barbara Woodward of the United Kingdom". */
function titleBeforePerson(
  text: string,
  sentence: Sentence,
  person: ResolvedMention,
  context: RoleContext,
  gazetteer: Gazetteer,
): Omit<ExtractedRole, 'start' | 'end'> | undefined {
  const from = Math.max(sentence.start, person.start - 90);
  const match = TITLE_ONLY.exec(text.slice(from, person.start));
  if (!match) return undefined;
  let titleStart = from + match.index + (match[1]?.length ?? 0);
  let title = match[2].replace(/\s+/g, ' ');
  // "Kazakh Transport Minister": the adjective says whose, it is not part of the title.
  const lead = /^(\p{Lu}[\p{L}-]*)\s+(?=\S)/u.exec(title);
  if (lead && (gazetteer.byAdjective.has(normalizeForm(lead[1])) || gazetteer.byForm.has(normalizeForm(lead[1])))) {
    titleStart += lead[0].length;
    title = title.slice(lead[0].length);
  }
  const status = match[1]?.trim().startsWith('former') ? 'former' : 'current';
  let targetKey = ownerBefore(text, Math.max(sentence.start, titleStart - 40), titleStart, context, gazetteer);
  let rule = 'role:title-state';
  if (!targetKey) {
    const after = mentionsStartingIn(context.mentions, person.end + 1, person.end + 12).find((m) =>
      OF_STATE_AFTER.test(text.slice(person.end, m.start)),
    );
    if (after && ['state', 'institution'].includes(context.kindOf(after.entityKey) ?? '')) {
      targetKey = after.entityKey;
      rule = 'role:title-of';
    }
  }
  if (!targetKey) {
    const known = context
      .gazetteerRoles(person.entityKey)
      .find((role) => role.title.toLowerCase() === title.toLowerCase());
    targetKey = known ? context.stateKeyByName(known.of) : undefined;
    rule = 'role:title-gazetteer';
  }
  if (!targetKey) return undefined;
  const canonicalTitle = /^[a-z]/.test(title) ? title : title;
  return {
    personKey: person.entityKey,
    targetKey,
    title: canonicalTitle,
    status,
    type: 'HOLDS_ROLE',
    rule,
    confidence: rule === 'role:title-gazetteer' ? 0.75 : 0.9,
  };
}

export function extractRoles(
  text: string,
  sentences: Sentence[],
  context: RoleContext,
  gazetteer: Gazetteer,
): ExtractedRole[] {
  const roles: ExtractedRole[] = [];
  for (const sentence of sentences) {
    const people = mentionsWithin(context.mentions, sentence.start, sentence.end).filter(
      (m) => context.kindOf(m.entityKey) === 'person',
    );
    for (const person of people) {
      const titled = titleBeforePerson(text, sentence, person, context, gazetteer);
      if (titled) roles.push({ ...titled, start: sentence.start, end: sentence.end });
      const owned = possessiveApposition(text, person, context);
      if (owned) roles.push({ ...owned, start: sentence.start, end: sentence.end });
      if (!titled)
        for (const found of bodyRolesBefore(text, sentence, person, context))
          roles.push({ ...found, start: sentence.start, end: sentence.end });
      let cursor = person.end + (person.possessive ? 2 : 0);
      let match = APPOSITION.exec(text.slice(cursor, sentence.end));
      let rule = 'role:apposition';
      while (match) {
        const afterPreposition = cursor + match[0].length;
        // "at the Almaty-based Eurasia Logistics Institute": skip where it is based.
        const based =
          /^(?:the\s+)?[\p{L}-]+-based\s+/u.exec(text.slice(afterPreposition, afterPreposition + 60))?.[0].length ?? 0;
        const target = targetAfter(context, afterPreposition + based, 12);
        if (!target) break;
        const modifier = match[1]?.trim() ?? '';
        const status = modifier.startsWith('former') ? 'former' : 'current';
        // "outgoing head" keeps its modifier; "former" becomes the status.
        const title = `${modifier && status === 'current' ? `${modifier} ` : ''}${cleanTitle(match[2], gazetteer)}`;
        const base = {
          personKey: person.entityKey,
          targetKey: target.entityKey,
          status,
          start: sentence.start,
          end: sentence.end,
          rule,
          confidence: 0.85,
        } as const;
        roles.push({ ...base, title, type: 'HOLDS_ROLE' });
        const preposition = match[3].toLowerCase();
        const noun = title.split(' ').pop()!.toLowerCase();
        // "director of X" leads X; a "Research Director" or "deputy head" works there.
        const core = title.replace(/^(?:outgoing|incoming|acting|interim|new|current)\s+/i, '');
        const leads = LEAD_NOUNS.has(noun) && (core.split(' ').length === 1 || /^(?:executive|managing)\s/i.test(core));
        if (context.kindOf(target.entityKey) === 'institution' && status === 'current') {
          if ((preposition === 'at' || preposition === 'with') && !leads)
            roles.push({ ...base, title, type: 'AFFILIATED_WITH' });
          if (leads) roles.push({ ...base, title, type: 'LEADS' });
        }
        cursor = target.end;
        match = NEXT_APPOSITION.exec(text.slice(cursor, sentence.end));
        rule = 'role:apposition-and';
      }
    }
  }
  return roles;
}
