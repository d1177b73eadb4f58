/**
 * Institution names as an analyst would write them down, after the mentions are found:
 * "Azerbaijan's MFA" and "Azerbaijani MFA" are one ministry, named with the state's adjective;
 * "Russian Embassy" followed by "in Armenia" is the "Russian Embassy in Armenia"; a bare "Foreign
 * Ministry" is the one of its state named elsewhere in the article, or nothing it can be told
 * apart by; "the Armenian Government" is the state itself.
 */
import type { Gazetteer, GazetteerEntry } from '../gazetteer.js';
import type { Mention } from './mention-basics.js';

/** Bodies every state has: their name alone does not say whose they are. */
export const GENERIC_BODY =
  /^(?:(?:\p{Lu}\p{Ll}+\s+){1,3}Ministry|Ministry\s+of\s+(?:the\s+)?\p{Lu}[\p{L}\s,]*|MFA|MoD|MOD|Embassy|Consulate|Foreign\s+Office|Defen[cs]e\s+Department|Government|Cabinet|Parliament|Presidency|Presidential\s+Administration|Security\s+Council|National\s+Security\s+Council|General\s+Staff|Armed\s+Forces|Border\s+Guards?|Border\s+Service|State\s+Security\s+Service|Prosecutor(?:-|\s)General['’]s\s+Office|Central\s+Bank|Central\s+Election\s+Commission|Constitutional\s+Court|Supreme\s+Court|Coast\s+Guard)$/u;

/** A state's own executive stands for the state: "the Armenian Government said". */
const STATE_ITSELF = /^(?:Government|government|Cabinet|authorities|leadership)$/;

/** Missions abroad are named with where they are: "Russian Embassy in Armenia". */
const MISSION = /(?:Embassy|Consulate|Consulate General|Mission|Delegation|Office|Representation)$/;

interface Qualifier {
  /** Where the qualifier starts (the adjective or the state's name). */
  start: number;
  adjective: string;
  entry: GazetteerEntry;
}

/** "Azerbaijani " or "Azerbaijan's " right before a position. */
function qualifierBefore(text: string, position: number, gazetteer: Gazetteer): Qualifier | undefined {
  const before = text.slice(Math.max(0, position - 60), position);
  const match = /([\p{Lu}][\p{L}.-]*(?:\s[\p{Lu}][\p{L}.-]*)?)(['’]s)?\s$/u.exec(before);
  if (!match) return undefined;
  const words = match[1];
  const start = position - match[0].length;
  // The last one or two words: "Azerbaijani", "United States'", "Russian".
  for (const candidate of [words, words.split(/\s/).pop()!]) {
    const offset = start + (words.length - candidate.length);
    const adjective = match[2] ? undefined : gazetteer.byAdjective.get(candidate);
    if (adjective?.type === 'state') return { start: offset, adjective: candidate, entry: adjective };
    const state = match[2] ? gazetteer.byForm.get(candidate) : undefined;
    if (state?.type === 'state' && state.adjectives.length > 0)
      return { start: offset, adjective: state.adjectives[0], entry: state };
  }
  return undefined;
}

/** " of Azerbaijan" right after a body's name. */
function stateAfter(text: string, end: number, mentions: Mention[]): Mention | undefined {
  const after = /^ of (?:the )?/.exec(text.slice(end, end + 10));
  if (!after) return undefined;
  const at = end + after[0].length;
  return mentions.find((m) => m.start === at && m.type === 'state' && !m.possessive);
}

/** " in Armenia", " to the United Nations" right after a mission's name. */
function placeAfter(text: string, end: number, mentions: Mention[]): Mention | undefined {
  const after = /^ (?:in|to) (?:the )?/.exec(text.slice(end, end + 10));
  if (!after) return undefined;
  const at = end + after[0].length;
  return mentions.find(
    (m) => m.start === at && !m.possessive && (m.type === 'state' || m.type === 'place' || m.type === 'institution'),
  );
}

export function refineInstitutions(text: string, mentions: Mention[], gazetteer: Gazetteer): Mention[] {
  const refined: Mention[] = [];
  for (const mention of mentions) {
    if (mention.type !== 'institution' || mention.rule.startsWith('gazetteer')) {
      refined.push(mention);
      continue;
    }
    let name = mention.text;
    // "Armenian Government": the state (its adjective becomes a state mention of its own).
    const [first, ...rest] = name.split(/\s+/);
    const state = gazetteer.byAdjective.get(first);
    if (rest.length === 1 && STATE_ITSELF.test(rest[0]) && state?.type === 'state') {
      refined.push({
        start: mention.start,
        end: mention.start + first.length,
        text: first,
        type: 'state',
        entry: state,
        possessive: false,
        rule: 'gazetteer:demonym',
        confidence: 0.8,
      });
      continue;
    }
    // One ministry however it is written: "Azerbaijan's MFA" and "Azerbaijani MFA" share a key.
    let key: string | undefined;
    if (GENERIC_BODY.test(name)) {
      // "Ministry of Foreign Affairs of Azerbaijan" and "Azerbaijan's MFA" as written.
      const owner = stateAfter(text, mention.end, mentions);
      const qualifier = owner ? undefined : qualifierBefore(text, mention.start, gazetteer);
      if (owner) name = `${name} ${text.slice(mention.end, owner.end).trim()}`;
      else if (qualifier) {
        key = `${qualifier.adjective} ${name}`;
        name = `${text.slice(qualifier.start, mention.start).trim()} ${name}`;
      }
    }
    const place = MISSION.test(name) ? placeAfter(text, mention.end, mentions) : undefined;
    const extended = place ? `${name} ${text.slice(mention.end, place.end).trim()}` : name;
    refined.push(
      extended === mention.text && !key
        ? mention
        : { ...mention, text: extended, entry: withName(mention, extended), ...(key ? { key } : {}) },
    );
  }
  return qualifyBareBodies(
    text,
    [...refined, ...lowercaseBodies(text, refined, gazetteer)].sort((a, b) => a.start - b.start),
  );
}

/** "Russia's transport ministry", "the German economy ministry": a state's body written in lower case. */
const LOWERCASE_BODY =
  /\b(\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)(['’]s)?\s+((?:[a-z]+\s+){0,2}?(?:ministry|embassy|parliament|foreign office|defen[cs]e department))\b/gu;

function lowercaseBodies(text: string, mentions: Mention[], gazetteer: Gazetteer): Mention[] {
  const found: Mention[] = [];
  for (const match of text.matchAll(LOWERCASE_BODY)) {
    const owner = match[1];
    const entry = match[2] ? gazetteer.byForm.get(owner) : gazetteer.byAdjective.get(owner);
    if (entry?.type !== 'state') continue;
    const body = match[3];
    const start = match.index + match[0].length - body.length;
    const end = start + body.length;
    if (mentions.some((m) => m.start < end && start < m.end)) continue;
    const written = match[0];
    const adjective = match[2] ? entry.adjectives[0] : owner;
    found.push({
      start,
      end,
      text: written,
      type: 'institution',
      entry: { type: 'institution', name: written, kind: 'government', forms: [written], adjectives: [], roles: [] },
      possessive: false,
      rule: 'org:state-body',
      confidence: 0.7,
      ...(adjective ? { key: `${adjective} ${body}` } : {}),
    });
  }
  return found;
}

function withName(mention: Mention, name: string): GazetteerEntry | undefined {
  return mention.entry ? { ...mention.entry, name, forms: [name] } : undefined;
}

/**
 * A bare "Foreign Ministry" is the "Turkish Foreign Ministry" when the article names exactly one
 * qualified body of that name; otherwise it says too little to be a node of its own.
 */
const OWNER_PRONOUN = /\b(?:our|their|its|his|her|my|your)\s+$/i;

function qualifyBareBodies(text: string, mentions: Mention[]): Mention[] {
  const names = new Set(mentions.filter((m) => m.type === 'institution').map((m) => m.text));
  return mentions.flatMap((mention) => {
    if (mention.type !== 'institution' || mention.rule.startsWith('gazetteer') || !GENERIC_BODY.test(mention.text))
      return [mention];
    const qualified = [...names].filter((name) => name !== mention.text && name.endsWith(` ${mention.text}`));
    // Nobody's but "our" or "its": too little to be a node of its own. Otherwise a bare body stays,
    // so that "the Ministry of Defence said" keeps its speaker.
    if (qualified.length !== 1)
      return OWNER_PRONOUN.test(text.slice(Math.max(0, mention.start - 8), mention.start)) ? [] : [mention];
    return [{ ...mention, text: qualified[0], entry: withName(mention, qualified[0]) }];
  });
}
