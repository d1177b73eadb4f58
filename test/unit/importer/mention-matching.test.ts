/**
 * The gazetteer's forms and the titles before a name are found without a regular expression per
 * form or title (compiling them for every document was a quarter of the extraction time). These
 * tests hold the new matching to the patterns it replaced, on chosen edge cases and on many
 * pseudo-random texts built from pieces that sit on the boundaries (dots, hyphens, apostrophes,
 * letters and digits outside the Basic Multilingual Plane, combining marks, lone surrogates).
 */
import { describe, expect, it } from 'vitest';
import { formOccurrences, keepsItsLength } from '../../../server/importer/extract/gazetteer-mentions.js';
import { titleBefore } from '../../../server/importer/extract/mention-basics.js';
import { isCapitalized } from '../../../server/importer/extract/tokens.js';
import { normalizeForm } from '../../../server/importer/gazetteer.js';
import { HONORIFICS } from '../../../server/importer/vocabulary/names.js';
import { TITLES } from '../../../server/importer/vocabulary/titles.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The pattern each gazetteer form was searched with before. */
function occurrencesByPattern(text: string, form: string): number[] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}.])${escapeRegExp(form)}(?![\\p{L}\\p{N}]|\\.[\\p{L}])`, 'gu');
  return [...text.matchAll(pattern)].map((match) => match.index);
}

/** titleBefore as it was: one pattern per title, then the honorific. */
function titleByPattern(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 60), start);
  for (const title of TITLES) if (new RegExp(`\\b${escapeRegExp(title)}\\s+$`).test(before)) return title;
  const honorific = /\b([A-Z][a-z]{1,9})\.?\s+$/.exec(before);
  if (honorific && HONORIFICS.has(honorific[1])) return honorific[1];
  return undefined;
}

/** A small deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMS = ['U.S.', 'US', 'Baku', 'OSCE Minsk group', '.gov', 'Nagorno-Karabakh', "People's Republic", 'Türkiye'];
const EDGES = [
  'a',
  'Z',
  '7',
  '.',
  '..',
  ' ',
  '-',
  "'",
  "'s",
  '’',
  's',
  'é',
  '\u0301',
  '𝐀',
  '𝟕',
  '\ud835',
  '\udc00',
  '\n',
  '_',
];

function randomText(next: () => number, pieces: string[], length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
  return text;
}

describe('a gazetteer form in a text', () => {
  it('is found where the word-boundary pattern found it, on chosen edge cases', () => {
    const cases: Array<[string, string]> = [
      ['the U.S. said', 'U.S.'],
      ['the U.S.A. said', 'U.S.'],
      ['U.S.-led', 'U.S.'],
      ['US.Gov and US. And US', 'US'],
      ['BUS, US1, 1US, _US_, US_', 'US'],
      ['Baku’s and Baku-Tbilisi and Bakuvian', 'Baku'],
      ['𝐀Baku Baku𝐀 𝟕Baku Baku𝟕 \ud835Baku Baku\udc00', 'Baku'],
      ['Bakú Baku\u0301 éBaku', 'Baku'],
      ['the OSCE Minsk group.The OSCE Minsk group. OSCE Minsk groups', 'OSCE Minsk group'],
      ['x.gov .gov a .gov.uk', '.gov'],
      ['BakuBaku Baku Baku', 'Baku'],
    ];
    for (const [text, form] of cases)
      expect(formOccurrences(text, form), text).toEqual(occurrencesByPattern(text, form));
  });

  it('is found where the word-boundary pattern found it, on 3,000 pseudo-random texts', () => {
    const next = random(20251201);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(next, [...EDGES, ...FORMS], 1 + Math.floor(next() * 12));
      for (const form of FORMS)
        expect(formOccurrences(text, form), JSON.stringify(text)).toEqual(occurrencesByPattern(text, form));
    }
  });
});

describe('the title before a name', () => {
  it('is the one the per-title patterns found, for every title in many surroundings', () => {
    const befores = ['', 'the ', 'Vice-', 'Vice ', 'x', 'X', '_', '7', '"', 'é', '(', 'said '];
    const afters = [' ', '  ', '\n', '', ' x', '\u00a0', '\t ', ', ', '. '];
    for (const title of [...TITLES, 'Mr', 'Mr.', 'Dr', 'Col.', 'Xyz.']) {
      for (const before of befores) {
        for (const after of afters) {
          const text = `${before}${title}${after}Name`;
          const start = text.length - 4;
          expect(titleBefore(text, start), JSON.stringify(text)).toBe(titleByPattern(text, start));
        }
      }
    }
  });

  it('is the one the per-title patterns found, on 3,000 pseudo-random texts', () => {
    const next = random(7);
    const words = ['Minister', 'Prime', 'Foreign', 'Deputy', 'President', 'Secretary', 'of', 'State', 'Mr.', 'Ms'];
    for (let i = 0; i < 3000; i++) {
      const text = randomText(next, [...EDGES, ...words, ' ', ' '], 1 + Math.floor(next() * 20));
      const start = Math.floor(next() * (text.length + 1));
      expect(titleBefore(text, start), JSON.stringify(text)).toBe(titleByPattern(text, start));
    }
  });
});

describe('the small checks run on every word', () => {
  it('says whether normalising would shorten a text as comparing the lengths does', () => {
    const next = random(11);
    const pieces = ['a', 'B', ' ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', '’', '`', "'", '.'];
    for (let i = 0; i < 3000; i++) {
      const text = randomText(next, pieces, Math.floor(next() * 8));
      expect(keepsItsLength(text), JSON.stringify(text)).toBe(normalizeForm(text).length === text.length);
    }
  });

  it('finds a word capitalised as the pattern \\p{Lu} does, for every first character', () => {
    const firsts = [...Array(0x3000).keys()].map((code) => String.fromCharCode(code));
    for (const first of [...firsts, '𝐀', '𝐚', '\ud835', '']) {
      expect(isCapitalized(`${first}x`), JSON.stringify(first)).toBe(/^\p{Lu}/u.test(`${first}x`));
    }
  });
});
