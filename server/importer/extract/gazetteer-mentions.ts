/**
 * Mentions of what the gazetteer knows: every written form of its states, institutions, people
 * and places (a capital as the government, or as the city where it only says where), and a
 * state's adjective ("Kyrgyz border guards", "two failed Russian attempts").
 */
import { normalizeForm, type Gazetteer, type GazetteerEntry } from '../gazetteer.js';
import { overlaps, titleBefore, TITLE_WORDS, type Mention, type TakenSpans } from './mention-basics.js';
import type { NerHints, NerKind } from './ner-hints.js';
import type { Token } from './tokens.js';
import { NOT_NAMES } from '../vocabulary/names.js';
import { ORG_WORDS } from '../vocabulary/organisations.js';

function opensOrganisationName(text: string, end: number): boolean {
  const next = /^((?: [\p{Lu}][\p{L}-]*){1,5})/u.exec(text.slice(end, end + 60));
  return (
    next !== null &&
    next[1]
      .trim()
      .split(' ')
      .some((word) => ORG_WORDS.has(word))
  );
}

/**
 * The tagger reads "Jordan" in "Michael Jordan" as part of a person and "Washington" in
 * "Washington Post" as part of an organisation: the gazetteer's state or place is not meant there.
 */
function insideTaggedName(entry: GazetteerEntry, form: string, start: number, end: number, ner: NerHints): boolean {
  if (entry.type === 'person' || entry.type === 'institution') return false;
  const inside = (kind: NerKind) =>
    ner
      .overlapping(start, end, kind)
      .some((hint) => hint.start <= start && hint.end >= end && hint.end - hint.start > end - start);
  if (inside('person')) return true;
  const cityOrPlace = entry.type === 'place' || (entry.capitals ?? []).includes(form);
  return cityOrPlace && inside('organization');
}

/**
 * "Luiza Caldeira Montenegro": a state's name closing two name-shaped words is a surname. (A
 * headline in title case, "Envoy Visits Montenegro", loses its state to this; the text repeats it.)
 */
function endsPersonName(text: string, start: number): boolean {
  const before = /(?:^|[\s(])(\p{Lu}[\p{Ll}\p{M}'’-]+) (\p{Lu}[\p{Ll}\p{M}'’-]+) $/u.exec(
    text.slice(Math.max(0, start - 60), start),
  );
  if (!before) return false;
  const nameShaped = (word: string) => !NOT_NAMES.has(word) && !TITLE_WORDS.has(word) && !ORG_WORDS.has(word);
  return nameShaped(before[1]) && nameShaped(before[2]);
}

/** Each gazetteer's forms, longest first, by their first word (built once per gazetteer). */
const formsByFirstWord = new WeakMap<Gazetteer, Map<string, Array<[string, GazetteerEntry]>>>();

function firstWordIndex(gazetteer: Gazetteer): Map<string, Array<[string, GazetteerEntry]>> {
  let index = formsByFirstWord.get(gazetteer);
  if (!index) {
    index = new Map();
    const forms = [...gazetteer.byForm.entries()].sort((a, b) => b[0].length - a[0].length);
    for (const [form, entry] of forms) {
      const first = form.split(/[\s/-]/)[0];
      index.set(first, [...(index.get(first) ?? []), [form, entry]]);
    }
    formsByFirstWord.set(gazetteer, index);
  }
  return index;
}

/**
 * The gazetteer's forms whose first word the text contains, longest first: only those can match,
 * so a document is searched for tens of forms, not for the thousand the gazetteer knows.
 */
function formsThatMayOccur(normalized: string, gazetteer: Gazetteer): Array<[string, GazetteerEntry]> {
  const index = firstWordIndex(gazetteer);
  const words = new Set<string>();
  for (const word of normalized.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}.']*/gu) ?? []) {
    words.add(word);
    // Most words end in none of "'", "'s", ".": they have no other forms to look up.
    if (!/['.]s?$/.test(word)) continue;
    words.add(word.replace(/'s?$/, ''));
    words.add(word.replace(/\.+$/, ''));
    words.add(word.replace(/'s?$/, '').replace(/\.+$/, ''));
  }
  const found: Array<[string, GazetteerEntry]> = [];
  for (const word of words) found.push(...(index.get(word) ?? []));
  return found.sort((a, b) => b[0].length - a[0].length);
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LETTER = /^\p{L}$/u;

/** The code point that ends right before `index` (a surrogate pair counts as one), or ''. */
function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(pair ? index - 2 : index - 1, index);
}

/** The code point that starts at `index` (a surrogate pair counts as one), or ''. */
function codePointAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * Where `form` stands as a word of its own in `text`, in text order, without overlaps: not
 * preceded by a letter, digit or dot, not followed by a letter or digit, nor by a dot and a letter
 * (word boundaries that also work for forms ending in a dot, U.S., or starting with one). The same
 * matches as the pattern `(?<![\p{L}\p{N}.])form(?![\p{L}\p{N}]|\.\p{L})` with flags `gu`, found
 * with indexOf: a pattern per form and document, compiled again for every document, took a
 * quarter of the extraction time.
 */
export function formOccurrences(text: string, form: string): number[] {
  const found: number[] = [];
  let from = 0;
  for (let start = text.indexOf(form, from); start >= 0; start = text.indexOf(form, from)) {
    const end = start + form.length;
    const before = codePointBefore(text, start);
    const after = codePointAt(text, end);
    const standsAlone =
      !(before === '.' || LETTER_OR_DIGIT.test(before)) &&
      !LETTER_OR_DIGIT.test(after) &&
      !(after === '.' && LETTER.test(codePointAt(text, end + 1)));
    if (standsAlone) found.push(start);
    // Matches do not overlap: the search goes on after a match, or one character after a miss.
    from = standsAlone ? end : start + 1;
  }
  return found;
}

/**
 * normalizeForm would leave the text as long as it is: no two white-space characters in a row
 * and none at either end (the same answer as comparing lengths, without normalising the text).
 */
export function keepsItsLength(text: string): boolean {
  return !/\s\s|^\s|\s$/.test(text);
}

export function gazetteerMentions(text: string, gazetteer: Gazetteer, taken: TakenSpans, ner: NerHints): Mention[] {
  const normalized = keepsItsLength(text) ? text.replace(/[’‘`]/g, "'") : text;
  const mentions: Mention[] = [];
  for (const [form, entry] of formsThatMayOccur(normalized, gazetteer)) {
    for (const start of formOccurrences(normalized, form)) {
      const end = start + form.length;
      if (overlaps(taken, start, end)) continue;
      if (insideTaggedName(entry, form, start, end, ner)) continue;
      if (entry.type === 'state' && endsPersonName(text, start)) continue;
      // A place or state that opens an organisation's name ("Central Asia Energy Forum") is part of it.
      if ((entry.type === 'place' || entry.type === 'state') && opensOrganisationName(text, end)) continue;
      // A capital inside a longer name ("Helsinki Final Act", "Baku-Tbilisi-Ceyhan") is not the state.
      if (
        entry.type === 'state' &&
        form !== entry.name &&
        !entry.forms.slice(1).some((f) => f === form && f.length <= 4)
      ) {
        const next = text.slice(end, end + 30);
        if (
          /^-\p{Lu}/u.test(next) ||
          /\p{L}-$/u.test(text.slice(Math.max(0, start - 2), start)) ||
          /^ \p{Lu}\p{Ll}/u.test(next)
        )
          continue;
      }
      taken.push([start, end]);
      const possessive = /^['’]s?\b/.test(text.slice(end, end + 2));
      if (isCapitalAsLocation(entry, form, text, start, possessive)) {
        mentions.push(cityMention(form, start, end));
        continue;
      }
      const title = titleBefore(text, start);
      mentions.push({
        start,
        end,
        text: text.slice(start, end),
        type: entry.type,
        entry,
        possessive,
        rule: 'gazetteer',
        confidence: 0.95,
        ...(title ? { title } : {}),
      });
    }
  }
  return mentions;
}

/**
 * "in Tashkent", "at a conference in Baku": a capital after a preposition of place is the city,
 * not the government ("Baku said", "contacted Baku", "Washington's actions" stay the state).
 */
function isCapitalAsLocation(
  entry: GazetteerEntry,
  form: string,
  text: string,
  start: number,
  possessive: boolean,
): boolean {
  if (entry.type !== 'state' || possessive || !(entry.capitals ?? []).includes(form)) return false;
  if (/\b(?:in|at|near|outside|around|across)\s+$/i.test(text.slice(Math.max(0, start - 12), start))) return true;
  // "the Minsk format", "the Astana talks": the city names a process, not its government.
  return (
    /\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start)) &&
    /^\s+(?:format|process|talks|group|agreements?|accords?|protocol|summit|declaration|platform|negotiations|memorandum|deal|meeting|communiqu[eé])\b/.test(
      text.slice(start + form.length, start + form.length + 20),
    )
  );
}

function cityMention(form: string, start: number, end: number): Mention {
  const entry: GazetteerEntry = { type: 'place', name: form, kind: 'city', forms: [form], adjectives: [], roles: [] };
  return {
    start,
    end,
    text: form,
    type: 'place',
    entry,
    possessive: false,
    rule: 'gazetteer:capital-as-place',
    confidence: 0.8,
  };
}

/** Nouns after which a demonym stands for its state: "Kyrgyz border guards", "Tajik officials". */
const STATE_AGENT_NOUNS =
  /^\s+(?:(?:foreign|defen[cs]e|prime|deputy|interior|energy|economy|finance)\s+)?(?:president|prime minister|minister|ministry|government|authorities|officials?|diplomats?|delegation|counterparts?|leaders?|leadership|troops|forces|army|military|border guards?|side|envoy|ambassador|parliament|lawmakers|negotiators|premier)\b/i;

/** A state named by its demonym in front of one of its agents: "Kyrgyz Foreign Minister …" (`tokens`: the text's). */
export function demonymMentions(
  text: string,
  tokens: readonly Token[],
  gazetteer: Gazetteer,
  taken: TakenSpans,
): Mention[] {
  const mentions: Mention[] = [];
  for (const token of tokens) {
    const entry = gazetteer.byAdjective.get(normalizeForm(token.text));
    if (!entry || token.possessive || overlaps(taken, token.start, token.end)) continue;
    const agent = STATE_AGENT_NOUNS.test(text.slice(token.end, token.end + 40));
    // "two failed Russian attempts": an adjective before a common noun mentions the state too.
    // … or before an acronym or a title: "a Polish MEP", "the Estonian Prime Minister".
    const next = /^ (\p{Lu}[\p{L}-]*)/u.exec(text.slice(token.end, token.end + 30))?.[1];
    const titled = next !== undefined && (/^\p{Lu}{2,5}s?$/u.test(next) || TITLE_WORDS.has(next));
    if (!agent && !titled && !/^ [a-z]/.test(text.slice(token.end, token.end + 2))) continue;
    taken.push([token.start, token.end]);
    mentions.push({
      start: token.start,
      end: token.end,
      text: token.text,
      type: 'state',
      entry,
      possessive: false,
      rule: agent ? 'gazetteer:demonym' : 'gazetteer:adjective',
      confidence: agent ? 0.8 : 0.6,
    });
  }
  return mentions;
}
