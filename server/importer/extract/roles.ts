/**
 * Roles a document gives people: "Azerbaijan's President Ilham Aliyev", "US Secretary of State
 * Michael Pompeo", "President Joe Biden" (the state from the gazetteer or the rest of the
 * document), and appositions "Daniel Baer, a senior fellow at the Carnegie Endowment … and former
 * US ambassador to the OSCE" (affiliation and leadership follow from the preposition and title).
 */
import type { Gazetteer } from '../gazetteer.js';
import { normalizeForm } from '../gazetteer.js';
import type { ResolvedMention } from '../resolve/entities.js';
import { PERSON_ROLE_NOUNS, TITLES } from './lexicon.js';
import type { Sentence } from './sentences.js';

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
const TITLE_BEFORE = new RegExp(
  `(?:([\\p{Lu}][\\p{L}.]*(?:\\s[\\p{Lu}][\\p{L}.]*)?)(?:['’]s?)?\\s+)?((?:former|outgoing|then-|acting|deputy)\\s*)?(${TITLE_PATTERN})\\s*,?\\s*$`,
  'u',
);
const LEAD_NOUNS = new Set([
  'head',
  'chief',
  'director',
  'leader',
  'chairman',
  'chairwoman',
  'chair',
  'president',
  'founder',
  'commander',
]);
const APPOSITION = new RegExp(
  `^,\\s+(?:(?:a|an|the|who\\s+is|who\\s+was)\\s+)?((?:former|outgoing|then-|acting)\\s+)?((?:[\\p{L}’'-]+\\s+){0,4}?(?:${PERSON_ROLE_NOUNS.join('|')}|${TITLE_PATTERN.toLowerCase()}))\\s+(at|of|with|for|to|in)\\s+`,
  'iu',
);
const NEXT_APPOSITION = new RegExp(
  `^[^,.;]{0,80}?\\s+and\\s+((?:former|outgoing)\\s+)?((?:[\\p{L}’'-]+\\s+){0,4}?(?:${PERSON_ROLE_NOUNS.join('|')}))\\s+(at|of|with|for|to|in)\\s+`,
  'iu',
);

function targetAfter(context: RoleContext, from: number, limit: number): ResolvedMention | undefined {
  const candidates = context.mentions.filter(
    (m) =>
      m.start >= from &&
      m.start <= from + limit + 40 &&
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
    (gazetteer.byAdjective.has(normalizeForm(words[0]!)) || gazetteer.byForm.has(normalizeForm(words[0]!)))
  )
    words.shift();
  return words.join(' ');
}

export function extractRoles(
  text: string,
  sentences: Sentence[],
  context: RoleContext,
  gazetteer: Gazetteer,
): ExtractedRole[] {
  const roles: ExtractedRole[] = [];
  for (const sentence of sentences) {
    const people = context.mentions.filter(
      (m) => m.start >= sentence.start && m.end <= sentence.end && context.kindOf(m.entityKey) === 'person',
    );
    for (const person of people) {
      const before = TITLE_BEFORE.exec(text.slice(Math.max(sentence.start, person.start - 90), person.start));
      if (before) {
        const title = before[3]!.replace(/\s+/g, ' ');
        const stateWord = before[1] ? normalizeForm(before[1]) : undefined;
        const stateEntry = stateWord
          ? (gazetteer.byForm.get(stateWord) ?? gazetteer.byAdjective.get(stateWord))
          : undefined;
        let targetKey =
          stateEntry?.type === 'state' || stateEntry?.type === 'institution'
            ? context.stateKeyByName(stateEntry.name)
            : undefined;
        let rule = 'role:title-state';
        if (!targetKey) {
          const known = context
            .gazetteerRoles(person.entityKey)
            .find((role) => role.title.toLowerCase() === title.toLowerCase());
          targetKey = known ? context.stateKeyByName(known.of) : undefined;
          rule = 'role:title-gazetteer';
        }
        if (targetKey) {
          const status = before[2]?.startsWith('former') ? 'former' : 'current';
          roles.push({
            personKey: person.entityKey,
            targetKey,
            title,
            status,
            type: 'HOLDS_ROLE',
            start: sentence.start,
            end: sentence.end,
            rule,
            confidence: rule === 'role:title-state' ? 0.9 : 0.75,
          });
        }
      }
      let cursor = person.end + (person.possessive ? 2 : 0);
      let match = APPOSITION.exec(text.slice(cursor, sentence.end));
      let rule = 'role:apposition';
      while (match) {
        const afterPreposition = cursor + match[0].length;
        const target = targetAfter(context, afterPreposition, 12);
        if (!target) break;
        const modifier = match[1]?.trim() ?? '';
        const status = modifier.startsWith('former') ? 'former' : 'current';
        // "outgoing head" keeps its modifier; "former" becomes the status.
        const title = `${modifier && status === 'current' ? `${modifier} ` : ''}${cleanTitle(match[2]!, gazetteer)}`;
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
        const preposition = match[3]!.toLowerCase();
        const noun = title.split(' ').pop()!.toLowerCase();
        void noun;
        if (context.kindOf(target.entityKey) === 'institution' && status === 'current') {
          if ((preposition === 'at' || preposition === 'with') && !LEAD_NOUNS.has(noun))
            roles.push({ ...base, title, type: 'AFFILIATED_WITH' });
          if (LEAD_NOUNS.has(noun)) roles.push({ ...base, title, type: 'LEADS' });
        }
        cursor = target.end;
        match = NEXT_APPOSITION.exec(text.slice(cursor, sentence.end));
        rule = 'role:apposition-and';
      }
    }
  }
  return roles;
}
