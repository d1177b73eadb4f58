/**
 * Mentions of people, states, institutions and places in one document: first every written form
 * the gazetteer knows, then capitalised word sequences it does not know, classified by their
 * shape and context (organisation keywords, titles and honorifics before, roles and verbs of
 * saying after). Titles and honorifics are cues, never part of a name.
 */
import type { Gazetteer } from '../gazetteer.js';
import { demonymMentions, gazetteerMentions } from './gazetteer-mentions.js';
import { GENERIC_BODY, refineInstitutions } from './institution-names.js';
import { isRoleNoun, overlaps, TakenSpans, titleBefore, TITLE_WORDS, type Mention } from './mention-basics.js';
import { NerHints } from './ner-hints.js';
import { isCapitalized, tokenize, type Token } from './tokens.js';
import { CONNECTORS, FUNCTION_WORDS, HONORIFICS, NAME_PARTICLES, NOT_NAMES } from '../vocabulary/names.js';
import { COMPANY_NOUNS, INSTITUTION_KIND_WORDS, ORG_WORDS } from '../vocabulary/organisations.js';
import { SPEECH_VERBS } from '../vocabulary/speech.js';
import { PERSON_ROLE_NOUNS, TITLES } from '../vocabulary/titles.js';

export type { Mention } from './mention-basics.js';

const SPEECH_AFTER = new RegExp(
  `^[\\s,]*(?:(?:also|has|had|have|reportedly|then|later|once|previously|recently|further|again)\\s+)*(?:${SPEECH_VERBS.map((verb) => verb.replace(/ /g, '\\s+')).join('|')})\\b`,
  'i',
);
/** "Its secretary general, Ruslan Zhakupov, …": a role noun and a comma right before the name. */
const ROLE_BEFORE = new RegExp(
  `\\b(?:${[...PERSON_ROLE_NOUNS, ...TITLES.map((title) => title.toLowerCase()), 'counterpart'].join('|')}),\\s*$`,
  'i',
);
const ROLE_AFTER = new RegExp(
  // "X, a senior fellow", "X, co-chair of …": the role noun may carry a prefix ("co-", "vice-").
  `^,\\s+(?:(?:a|an|the|who\\s+is|who\\s+was)\\s+)?(?:[\\w’'-]+\\s+){0,5}?(?:[a-z]+-)?(?:${PERSON_ROLE_NOUNS.join('|')})\\b`,
  'i',
);

/** "X is director-general of …", "X was a senior fellow at …". */
const IS_ROLE_AFTER = new RegExp(
  `^\\s+(?:is|was|has\\s+been|serves\\s+as|served\\s+as)\\s+(?:a|an|the)?\\s*(?:[\\w-]+\\s+){0,3}?(?:${PERSON_ROLE_NOUNS.join('|')})\\b`,
  'i',
);

/** A role noun in lower case (or a co-chair) written right before a name, without a comma. */
const LOWER_ROLE_BEFORE = new RegExp(`\\b(?:${PERSON_ROLE_NOUNS.join('|')}|Co-Chairs?|MEP|MP)s?\\s+$`);

interface Run {
  tokens: Token[];
}

/** "Office for the Coordination of …": connectors may follow each other before the next capital. */
function nextCapitalAfterConnectors(tokens: readonly Token[], index: number): boolean {
  let i = index + 1;
  while (i < tokens.length && i - index <= 2 && CONNECTORS.has(tokens[i].text.toLowerCase())) i += 1;
  return i < tokens.length && i - index <= 2 && isCapitalized(tokens[i].text);
}

/** Runs of capitalised tokens separated by single spaces, with connectors inside organisation names. */
function capitalisedRuns(text: string, tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let current: Token[] = [];
  const flush = () => {
    while (current.length > 0 && !isCapitalized(current[current.length - 1].text)) current.pop();
    if (current.length > 0) runs.push({ tokens: current });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = current[current.length - 1];
    const joined = previous !== undefined && !previous.possessive && /^ $/.test(text.slice(previous.end, token.start));
    const capital =
      isCapitalized(token.text) || (token.text.includes('-') && isCapitalized(token.text.split('-').pop()!));
    if (capital && (current.length === 0 || joined)) {
      current.push(token);
    } else if (joined && CONNECTORS.has(token.text.toLowerCase()) && nextCapitalAfterConnectors(tokens, i)) {
      current.push(token);
    } else {
      flush();
      if (capital) current.push(token);
    }
    if (token.possessive) flush();
  }
  flush();
  return runs.flatMap(splitAtConnectors);
}

/** Connectors belong to organisation names only: "Várhelyi in Tbilisi" is two runs. */
function splitAtConnectors(run: Run): Run[] {
  if (run.tokens.some((token) => ORG_WORDS.has(token.text))) return [run];
  const parts: Run[] = [];
  let current: Token[] = [];
  for (const [index, token] of run.tokens.entries()) {
    // "Thomas de Waal", "Osama bin Laden": a name particle between two capitalised words stays.
    const particle =
      NAME_PARTICLES.has(token.text) && index > 0 && index < run.tokens.length - 1 && run.tokens.length <= 4;
    if (!particle && !isCapitalized(token.text) && CONNECTORS.has(token.text.toLowerCase())) {
      if (current.length > 0) parts.push({ tokens: current });
      current = [];
    } else {
      current.push(token);
    }
  }
  if (current.length > 0) parts.push({ tokens: current });
  return parts;
}

/** The kind an organisation's name says it is: the first kind one of its words names, else 'other'. */
function institutionKind(words: string[]): string {
  for (const [kind, keys] of INSTITUTION_KIND_WORDS) if (words.some((word) => keys.has(word))) return kind;
  return 'other';
}

function trimRun(tokens: Token[]): Token[] {
  const hasOrgWord = tokens.some((token) => ORG_WORDS.has(token.text));
  let first = 0;
  while (first < tokens.length) {
    const word = tokens[first].text.replace(/\.$/, '');
    if (
      // In an organisation's name only function words are stripped: "New York Times" keeps "New".
      (NOT_NAMES.has(word) && (!hasOrgWord || FUNCTION_WORDS.has(word))) ||
      HONORIFICS.has(word) ||
      // "Defense Ministry" keeps "Defense": a title word opening an organisation's name is part of it.
      (TITLE_WORDS.has(word) && tokens.length - first > 1 && !tokens.some((token) => ORG_WORDS.has(token.text))) ||
      // "Analyst Paulina Wrzesniewska": a role noun written like a title before a full name.
      (isRoleNoun(word) && tokens.length - first > 2 && !tokens.some((token) => ORG_WORDS.has(token.text))) ||
      TITLE_WORDS.has(word.toLowerCase())
    )
      first += 1;
    else break;
  }
  let rest = tokens.slice(first);
  // "Georgian Foreign Minister Ilia Darchiashvili": what follows the last title word is the name.
  const lastTitle = rest.reduce(
    (found, token, index) =>
      TITLE_WORDS.has(token.text) || HONORIFICS.has(token.text.replace(/\.$/, '')) ? index : found,
    -1,
  );
  if (lastTitle >= 0 && lastTitle < rest.length - 1 && !rest.some((token) => ORG_WORDS.has(token.text)))
    rest = rest.slice(lastTitle + 1);
  while (rest.length > 0 && !isCapitalized(rest[0].text)) rest.shift();
  return rest;
}

/** Two to four name-shaped words; the tagger's word (`tagged`) also admits initials ("John F. Kerry"). */
function looksLikePersonName(words: string[], gazetteer: Gazetteer, tagged = false): boolean {
  if (words.length < 2 || words.length > (tagged ? 5 : 4)) return false;
  return words.every((word, index) => {
    if (NAME_PARTICLES.has(word.toLowerCase()) && index > 0 && index < words.length - 1) return true;
    if (tagged && /^\p{Lu}\.?$/u.test(word) && index < words.length - 1) return true;
    const plain = word.replace(/[.'’-]/g, '');
    return (
      /^\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*$/u.test(word) &&
      plain.length > 1 &&
      !NOT_NAMES.has(word) &&
      !ORG_WORDS.has(word) &&
      !TITLE_WORDS.has(word) &&
      !gazetteer.byAdjective.has(word) &&
      // A surname may be a state's name ("Luiza Caldeira Montenegro") after two other names.
      (!gazetteer.byForm.has(word) || (index === words.length - 1 && words.length >= 3))
    );
  });
}

// Case-sensitive: "Lukyanov, the OSCE Minsk Group …" names no company; "Maersk, the Danish shipping giant" does.
const COMPANY_AFTER = new RegExp(`^,\\s+(?:the|a|an)\\s+(?:[\\p{L}-]+\\s+){0,3}(?:${COMPANY_NOUNS})\\b`, 'u');
const COMPANY_BEFORE = new RegExp(`\\b(?:${COMPANY_NOUNS})\\s+$`, 'iu');

/** The kind of a one-word organisation its context names, if any. */
function companyCue(text: string, start: number, end: number): string | undefined {
  const after = COMPANY_AFTER.exec(text.slice(end, end + 80));
  const before = COMPANY_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  const cue = (after?.[0] ?? before?.[0])?.toLowerCase();
  if (!cue) return undefined;
  if (/broadcaster|newspaper|daily|agency/.test(cue))
    return /agency/.test(cue) && !/news/.test(text.slice(Math.max(0, start - 40), end + 80).toLowerCase())
      ? 'government'
      : 'media';
  if (/militia|movement|party/.test(cue)) return 'other';
  if (/think tank|foundation/.test(cue)) return 'think_tank';
  return 'other';
}

function detectedMentions(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  taken: TakenSpans,
  ner: NerHints,
): Mention[] {
  const mentions: Mention[] = [];
  const runs = capitalisedRuns(text, tokens)
    .flatMap((r) => splitAtTaken(r, taken))
    .flatMap((r) => splitAtTaggedPeople(r, ner));
  for (const run of runs) {
    // What the gazetteer already took ("EU" in "EU Commissioner Jutta Urpilainen") is cut off the
    // front; a run with a taken word inside it is left alone.
    let tokens = run.tokens;
    const lastTaken = tokens.reduce(
      (found, token, index) => (overlaps(taken, token.start, token.end) ? index : found),
      -1,
    );
    if (lastTaken >= 0 && !tokens.slice(lastTaken + 1).some((token) => overlaps(taken, token.start, token.end)))
      tokens = tokens.slice(lastTaken + 1);
    // "Almaty-based Eurasia Logistics Institute": the place it is based in is not part of the name.
    while (tokens.length > 1 && /-based$/i.test(tokens[0].text)) tokens = tokens.slice(1);
    // "Briefing the Council": a verb opening the sentence, not part of the name.
    if (tokens.length > 2 && /^\p{Lu}\p{Ll}+ing$/u.test(tokens[0].text) && /^(?:the|a|an)$/.test(tokens[1].text))
      tokens = tokens.slice(2);
    tokens = cutAtTaggedPlace(tokens, ner);
    const kept = trimRun(dropRoleHead(text, tokens));
    if (kept.length === 0) continue;
    const start = kept[0].start;
    const last = kept[kept.length - 1];
    const end = last.end;
    if (overlaps(taken, start, end)) continue;
    const mention = classifyRun(text, kept, gazetteer, ner);
    if (!mention) continue;
    mentions.push(mention);
    if (mention.type !== 'surname') taken.push([start, end]);
  }
  return mentions;
}

/**
 * "Atlântico Institute for Policy in São Paulo": where the tagger reads the words after "in" as a
 * place, the organisation's name ends before them (a mission keeps its place: "Embassy in Armenia").
 */
function cutAtTaggedPlace(tokens: Token[], ner: NerHints): Token[] {
  const at = tokens.findIndex((token, index) => index > 0 && token.text === 'in');
  if (
    at < 1 ||
    at >= tokens.length - 1 ||
    /^(?:Embassy|Consulate|Mission|Delegation|Office)$/.test(tokens[at - 1].text)
  )
    return tokens;
  const place = ner.kindAt(tokens[at + 1].start, tokens[tokens.length - 1].end);
  // Only a city: "… Measures in Asia" and "… Institute in Japan" may be part of the name.
  return place === 'city' ? tokens.slice(0, at) : tokens;
}

/**
 * "Head of the Armenian Government", "Chargé d'Affaires of the Russian Embassy": the words before
 * "of" describe a person's post; what follows is the body (unless the whole is a title).
 */
function dropRoleHead(text: string, tokens: Token[]): Token[] {
  const of = tokens.findIndex((token) => token.text === 'of');
  if (of < 1 || of > 3) return tokens;
  const head = tokens.slice(/^(?:The|the|A|An)$/.test(tokens[0].text) ? 1 : 0, of);
  if (head.length === 0) return tokens;
  const isRoleWord = (word: string) =>
    isRoleNoun(word) || TITLE_WORDS.has(word) || /^(?:Charg[eé]|d['’]Affaires|Personal|Special)$/.test(word);
  if (!head.every((token) => isRoleWord(token.text))) return tokens;
  const phrase = text.slice(tokens[0].start, tokens[tokens.length - 1].end);
  if (TITLES.some((title) => phrase.startsWith(title) && title.includes(' of '))) return tokens;
  let rest = of + 1;
  if (tokens[rest]?.text.toLowerCase() === 'the') rest += 1;
  return tokens.slice(rest);
}

/** What a run of capitalised words names, from its words, its context and the tagger's hint. */
function classifyRun(text: string, kept: Token[], gazetteer: Gazetteer, ner: NerHints): Mention | undefined {
  const start = kept[0].start;
  const last = kept[kept.length - 1];
  const end = last.end;
  const words = kept.map((token) => token.text);
  const name = text.slice(start, end);
  const title = titleBefore(text, start);
  const after = text.slice(end + (last.possessive ? 2 : 0), end + 80);
  const tagged = ner.kindAt(start, end);
  const base = {
    start,
    end,
    text: name,
    possessive: last.possessive,
    ...(title ? { title } : {}),
    ...(tagged ? { ner: tagged } : {}),
  };
  const institution = (kind: string, rule: string, confidence: number): Mention => ({
    ...base,
    type: 'institution',
    entry: { type: 'institution', name, kind, forms: [name], adjectives: [], roles: [] },
    rule,
    confidence,
  });
  // "Co-Chairs", "Spokesperson" alone: a role, not a name.
  if (words.length === 1 && isRoleNoun(name)) return undefined;
  const hasOrgWord = words.some((word) => ORG_WORDS.has(word));
  // "Kazakh Transport Minister": a title, however the tagger reads it.
  if (!hasOrgWord && words.length >= 2 && TITLE_WORDS.has(words[words.length - 1])) return undefined;
  if (hasOrgWord && words.length >= 2) {
    return institution(institutionKind(words), 'org:keyword', tagged === 'organization' ? 0.85 : 0.75);
  }
  // "Azerbaijani MFA", "Russian Embassy": a state's adjective before a body every state has, or
  // before a name the tagger calls an organisation elsewhere in the article.
  const core = words.length >= 2 && gazetteer.byAdjective.has(words[0]) ? words.slice(1).join(' ') : undefined;
  if (core && (GENERIC_BODY.test(core) || ner.isName(core, 'organization'))) {
    return institution(GENERIC_BODY.test(core) ? 'government' : institutionKind(words), 'org:qualified', 0.8);
  }
  if (tagged === 'person' && words.length >= 2 && looksLikePersonName(words, gazetteer, true)) {
    return { ...base, type: 'person', rule: 'ner:person', confidence: 0.9 };
  }
  if (
    tagged === 'country' &&
    !NOT_NAMES.has(name) &&
    !gazetteer.byAdjective.has(name) &&
    !/^(?:Republic|Kingdom|Federation|States?|Union|Emirates|Commonwealth|Confederation|Principality|Islands?)$/.test(
      name,
    )
  ) {
    // "Cameroon", "Kenya": a state the gazetteer does not list but the tagger knows.
    return {
      ...base,
      type: 'state',
      entry: { type: 'state', name, kind: 'state', forms: [name], adjectives: [], roles: [] },
      rule: 'ner:country',
      confidence: 0.8,
    };
  }
  // "the Council" alone is not a name the tagger can vouch for.
  if (tagged === 'organization' && !(words.length === 1 && (NOT_NAMES.has(words[0]) || ORG_WORDS.has(words[0])))) {
    // "VOA", "Gazprom", "Hamas": an organisation the tagger knows though no keyword says so.
    return institution(institutionKind(words), 'ner:organization', 0.8);
  }
  if (looksLikePersonName(words, gazetteer)) {
    const cue =
      title !== undefined ||
      SPEECH_AFTER.test(after) ||
      ROLE_AFTER.test(after) ||
      IS_ROLE_AFTER.test(after) ||
      (ROLE_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && /^,/.test(after)) ||
      /\b(?:said|says|writes|wrote|argues|argued|notes|noted|added|adds|asked|replied)\s*$/.test(
        text.slice(Math.max(0, start - 12), start),
      ) ||
      // "spokesperson Morgan Ortagus", "Co-Chairs Anne Viscot (France) and …".
      LOWER_ROLE_BEFORE.test(text.slice(Math.max(0, start - 30), start)) ||
      /^\s*\((?:\p{Lu}[\p{L}.]*\s?){1,3}\)/u.test(after);
    // The tagger reads some names as places ("Michitaka Ubukata is director-general of …"): a
    // person's cue outweighs it; without a cue, its other readings win.
    if (tagged !== undefined && tagged !== 'person' && (!cue || tagged === 'organization')) return undefined;
    return { ...base, type: 'person', rule: cue ? 'person:cue' : 'person:shape', confidence: cue ? 0.85 : 0.55 };
  }
  if (
    words.length === 1 &&
    !NOT_NAMES.has(words[0]) &&
    !gazetteer.byAdjective.has(words[0]) &&
    // "Baer", "O'Neill", "Lauridsen-Mora"; "Hu", "Xi" when the tagger calls them people.
    (tagged === 'person'
      ? /^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*$/u
      : /^\p{Lu}[\p{Ll}\p{M}'’]{2,}(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*$/u
    ).test(words[0]) &&
    !TITLE_WORDS.has(words[0])
  ) {
    const company = tagged === 'person' ? undefined : companyCue(text, start, end + (last.possessive ? 2 : 0));
    // "Maersk, the Danish shipping giant", "pipeline operator Transneft": a one-word organisation.
    if (company) return institution(company, 'org:apposition', 0.7);
    // A lone capitalised word: perhaps a surname ("Baer explains"); resolution decides.
    return { ...base, type: 'surname', rule: tagged === 'person' ? 'ner:surname' : 'surname', confidence: 0.6 };
  }
  return undefined;
}

/**
 * "Armenian Ministry of Foreign Affairs Anna Naghdalyan", "Co-Chairs Stéphane Visconti": where the
 * tagger found a person inside a run, the person is a run of its own and so is what stands before.
 */
function splitAtTaggedPeople(run: Run, ner: NerHints): Run[] {
  const first = run.tokens[0];
  const last = run.tokens[run.tokens.length - 1];
  const people = ner.overlapping(first.start, last.end, 'person');
  if (people.length === 0) return [run];
  const parts: Run[] = [];
  let current: Token[] = [];
  let currentPerson: (typeof people)[number] | undefined;
  for (const token of run.tokens) {
    const person = people.find((hint) => token.start >= hint.start && token.end <= hint.end);
    if (person !== currentPerson && current.length > 0) {
      parts.push({ tokens: current });
      current = [];
    }
    currentPerson = person;
    current.push(token);
  }
  if (current.length > 0) parts.push({ tokens: current });
  return parts;
}

/**
 * People and organisations the tagger found where no capitalised run did (a name after a
 * lower-case particle, a name the run rules trimmed away): added when nothing else took the place.
 */
function taggedOnlyMentions(text: string, gazetteer: Gazetteer, taken: TakenSpans, ner: NerHints): Mention[] {
  const mentions: Mention[] = [];
  for (const hint of [...ner.all('person'), ...ner.all('organization')]) {
    if (overlaps(taken, hint.start, hint.end)) continue;
    // "Kazakh Transport Minister": the tagger's organisation is the first words of a title.
    const next = /^ (\p{Lu}[\p{L}-]*)/u.exec(text.slice(hint.end, hint.end + 30))?.[1];
    if (next && TITLE_WORDS.has(next)) continue;
    const tokens = trimRun(tokenize(hint.text, hint.start));
    if (tokens.length === 0) continue;
    const mention = classifyRun(text, tokens, gazetteer, ner);
    if (!mention || mention.type === 'surname') continue;
    mentions.push(mention);
    taken.push([mention.start, mention.end]);
  }
  return mentions;
}

/**
 * A run that runs into a span the gazetteer already took ("… Institute for Strategic Studies in
 * Tashkent") keeps its part before that span, without the connectors that led into it.
 */
function splitAtTaken(run: Run, taken: TakenSpans): Run[] {
  if (!run.tokens.some((token) => overlaps(taken, token.start, token.end))) return [run];
  const parts: Run[] = [];
  let current: Token[] = [];
  // A part glued to the taken name without a connector ("Caucasus Wire") is a fragment: dropped.
  let glued = false;
  const flush = (beforeTaken: boolean) => {
    const last = current[current.length - 1];
    const ledIn = last !== undefined && CONNECTORS.has(last.text);
    while (current.length > 0 && CONNECTORS.has(current[current.length - 1].text)) current.pop();
    if (current.length > 0 && !glued && (!beforeTaken || ledIn)) parts.push({ tokens: current });
    current = [];
  };
  for (const token of run.tokens) {
    if (overlaps(taken, token.start, token.end)) {
      flush(true);
      glued = true;
    } else {
      if (glued && current.length === 0 && CONNECTORS.has(token.text)) glued = false;
      // "EU Commissioner Jutta Urpilainen", "OSCE Minsk Group Co-Chairs Anne X": a title or role
      // after the taken name opens a new name.
      if (
        glued &&
        current.length === 0 &&
        (TITLE_WORDS.has(token.text) || HONORIFICS.has(token.text.replace(/\.$/, '')) || isRoleNoun(token.text))
      )
        glued = false;
      if (!glued || current.length > 0) current.push(token);
    }
  }
  flush(false);
  return parts;
}

/** Names that show up only as "Mr. X" or "Col. X" (one word after an honorific) are people too. */
export function findMentions(text: string, gazetteer: Gazetteer, ner: NerHints = NerHints.none()): Mention[] {
  const taken = new TakenSpans();
  // Tokenised once: the capitalised runs and the demonyms walk the same words.
  const tokens = tokenize(text);
  const found = [
    ...gazetteerMentions(text, gazetteer, taken, ner),
    ...detectedMentions(text, tokens, gazetteer, taken, ner),
    ...taggedOnlyMentions(text, gazetteer, taken, ner),
    ...demonymMentions(text, tokens, gazetteer, taken),
  ];
  return refineInstitutions(
    text,
    found.sort((a, b) => a.start - b.start),
    gazetteer,
  );
}
