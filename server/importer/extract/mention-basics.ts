/**
 * What every mention rule shares: the Mention type, title and role words, and small checks on
 * the text around a position.
 */
import type { EntityType, GazetteerEntry } from '../gazetteer.js';
import type { NerKind } from './ner-hints.js';
import { HONORIFICS, PERSON_ROLE_NOUNS, TITLES } from './lexicon.js';

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

export function overlaps(taken: Array<[number, number]>, start: number, end: number): boolean {
  return taken.some(([a, b]) => start < b && end > a);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Each title as a pattern for "right before a position", compiled once (longest titles first, as listed). */
const TITLE_BEFORE = TITLES.map((title) => ({ title, pattern: new RegExp(`\\b${escapeRegExp(title)}\\s+$`) }));

/** The title or honorific right before a position ("President ", "Mr. ", "Secretary of State "). */
export function titleBefore(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 60), start);
  for (const { title, pattern } of TITLE_BEFORE) {
    if (pattern.test(before)) return title;
  }
  const honorific = /\b([A-Z][a-z]{1,9})\.?\s+$/.exec(before);
  if (honorific && HONORIFICS.has(honorific[1])) return honorific[1];
  return undefined;
}
