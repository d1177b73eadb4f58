/**
 * What every mention rule shares: the Mention type, title and role words, and small checks on
 * the text around a position.
 */
import type { EntityType, GazetteerEntry } from '../gazetteer.js';
import type { NerKind } from './ner-hints.js';
import { HONORIFICS } from '../vocabulary/names.js';
import { PERSON_ROLE_NOUNS, TITLES } from '../vocabulary/titles.js';

export interface Mention {
  start: number;
  end: number;
  /** The name as written, without title or possessive. */
  text: string;
  type: EntityType | 'surname';
  entry?: GazetteerEntry;
  /** Title or honorific written just before ("President", "Mr."). */
  title?: string;
  possessive: boolean;
  rule: string;
  confidence: number;
  /** What the named-entity tagger called this stretch of text, when a tagger ran. */
  ner?: NerKind;
  /** Institutions: what makes two written forms one body ("Azerbaijani MFA" for "Azerbaijan's MFA"). */
  key?: string;
}

/** Every word of every title ("Prime", "Minister", "Secretary", …). */
export const TITLE_WORDS = new Set(TITLES.flatMap((title) => title.split(' ')));

const ROLE_NOUNS = new Set(PERSON_ROLE_NOUNS);

/** "spokesperson", "Co-Chairs", "Analyst": a role noun, in any case, singular or plural. */
export function isRoleNoun(word: string): boolean {
  const lower = word.toLowerCase();
  return ROLE_NOUNS.has(lower) || ROLE_NOUNS.has(lower.replace(/s$/, ''));
}

/**
 * The stretches of text earlier rules have already claimed for a name, filed by where they start
 * (one bucket per BUCKET characters): a check looks only at the buckets a span reaching into
 * [start, end) can be in, not at every name of the document (which made finding names quadratic in
 * the length of the text).
 */
export class TakenSpans {
  private static readonly BUCKET = 256;
  private buckets = new Map<number, Array<[number, number]>>();
  private longest = 0;

  push(span: [number, number]): void {
    const bucket = Math.floor(span[0] / TakenSpans.BUCKET);
    const list = this.buckets.get(bucket);
    if (list) list.push(span);
    else this.buckets.set(bucket, [span]);
    this.longest = Math.max(this.longest, span[1] - span[0]);
  }

  /** Some taken span shares a character with [start, end). */
  overlaps(start: number, end: number): boolean {
    // A span that overlaps starts before `end` and, being at most `longest` long, after start - longest.
    const first = Math.floor((start - this.longest) / TakenSpans.BUCKET);
    const last = Math.floor(end / TakenSpans.BUCKET);
    for (let bucket = first; bucket <= last; bucket++)
      if (this.buckets.get(bucket)?.some(([a, b]) => start < b && end > a)) return true;
    return false;
  }
}

export function overlaps(taken: TakenSpans, start: number, end: number): boolean {
  return taken.overlaps(start, end);
}

/** A character that `\b` counts as part of a word (ASCII letters, digits, underscore); '' is none. */
function isWordCharacter(character: string): boolean {
  return /^\w$/.test(character);
}

/** Titles by their last characters (every title is longer), in the order listed. */
const ENDING = 3;
const TITLES_BY_ENDING = new Map<string, string[]>();
for (const title of TITLES)
  TITLES_BY_ENDING.set(title.slice(-ENDING), [...(TITLES_BY_ENDING.get(title.slice(-ENDING)) ?? []), title]);

/**
 * The title that `before` ends with, followed by white space and starting a word: what the pattern
 * `\bTitle\s+$` finds, longest titles first (as listed), without running a pattern per title on
 * every name (no title ends with white space, so a title found ends where the white space starts).
 */
function titleEnding(before: string): string | undefined {
  const trimmed = before.trimEnd();
  if (trimmed.length === before.length) return undefined;
  return TITLES_BY_ENDING.get(trimmed.slice(-ENDING))?.find((title) => {
    if (!trimmed.endsWith(title)) return false;
    const at = trimmed.length - title.length;
    return isWordCharacter(before.charAt(at - 1)) !== isWordCharacter(before.charAt(at));
  });
}

/** The title or honorific right before a position ("President ", "Mr. ", "Secretary of State "). */
export function titleBefore(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 60), start);
  const title = titleEnding(before);
  if (title !== undefined) return title;
  const honorific = /\b([A-Z][a-z]{1,9})\.?\s+$/.exec(before);
  if (honorific && HONORIFICS.has(honorific[1])) return honorific[1];
  return undefined;
}
