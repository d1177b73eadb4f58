/**
 * Dates a sentence gives for what it reports ("on March 6", "in an October 28 statement",
 * "last week", "in January", "on 13 April 2021"), resolved against the article's publication
 * date: a date without a year is the most recent one not after publication.
 */
import { monthIndex } from '../read/byline.js';
import { MONTH_NAMES, WEEKDAYS } from '../vocabulary/dates.js';

const MONTH = `(${MONTH_NAMES.join('|')})\\.?`;

export interface FoundDate {
  /** yyyy-mm-dd, or yyyy-mm when only the month is known. */
  iso: string;
  text: string;
  /** 'explicit' when the text gives the day or month ("on April 13", "in March"); 'relative' for "last week", "on Tuesday". */
  precision: 'explicit' | 'relative';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function mostRecent(month: number, day: number | null, published: Date): string {
  let year = published.getUTCFullYear();
  const candidate = Date.UTC(year, month, day ?? 1);
  if (candidate > published.getTime()) year -= 1;
  return day === null ? `${year}-${pad(month + 1)}` : `${year}-${pad(month + 1)}-${pad(day)}`;
}

function shift(published: Date, days: number): string {
  const date = new Date(published.getTime() + days * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** An agency dateline ("BISHKEK, March 14 (Steppe Wire) — ") dates the report, not what it reports. */
const DATELINE = /^\s*\p{Lu}[\p{Lu} .'’-]+,\s+[^—–\n]{3,60}?\s(?:—|–|-{1,2})\s/u;

export function findStatementDate(text: string, publishedIso: string | null): FoundDate | null {
  const sentence = text.replace(DATELINE, '');
  const published = publishedIso ? new Date(`${publishedIso}T00:00:00Z`) : null;
  let match = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(sentence);
  if (match)
    return {
      iso: `${match[3]}-${pad(monthIndex(match[1]) + 1)}-${pad(Number(match[2]))}`,
      text: match[0],
      precision: 'explicit',
    };
  match = new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i').exec(sentence);
  if (match)
    return {
      iso: `${match[3]}-${pad(monthIndex(match[2]) + 1)}-${pad(Number(match[1]))}`,
      text: match[0],
      precision: 'explicit',
    };
  if (!published) return null;
  match = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{4})`, 'i').exec(sentence);
  if (match)
    return {
      iso: mostRecent(monthIndex(match[1]), Number(match[2]), published),
      text: match[0],
      precision: 'explicit',
    };
  match = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\b`, 'i').exec(sentence);
  if (match)
    return {
      iso: mostRecent(monthIndex(match[2]), Number(match[1]), published),
      text: match[0],
      precision: 'explicit',
    };
  const relative = relativeDate(sentence, published);
  if (relative) return relative;
  match = new RegExp(`\\b(?:in|since|last|early|late|mid-?)\\s+${MONTH}\\b(?!\\s+\\d)`, 'i').exec(sentence);
  if (match) return { iso: mostRecent(monthIndex(match[1]), null, published), text: match[0], precision: 'explicit' };
  return null;
}

/**
 * "yesterday", "earlier today", "last week", "on Tuesday", "said Wednesday": a day counted back
 * from the publication date. A weekday is the last such day on or before it.
 */
function relativeDate(sentence: string, published: Date): FoundDate | null {
  const match =
    /\b(yesterday|today|tonight|this morning|this afternoon|this evening|last night|last week|last month|earlier this week|(?:(?:last|on|this|next)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/i.exec(
      sentence,
    );
  if (!match) return null;
  const found = (iso: string): FoundDate => ({ iso, text: match[0], precision: 'relative' });
  const phrase = match[1].toLowerCase();
  if (/^(?:today|tonight|this (?:morning|afternoon|evening))$/.test(phrase)) return found(shift(published, 0));
  if (phrase === 'yesterday' || phrase === 'last night') return found(shift(published, -1));
  if (phrase === 'last week') return found(shift(published, -7));
  if (phrase === 'earlier this week') return found(shift(published, -2));
  if (phrase === 'last month') return found(shift(published, -30).slice(0, 7));
  // A weekday must be written with its capital ("on Friday"), and "next Friday" is not past.
  if (!/^\p{Lu}/u.test(match[2]) || /^next\b/i.test(phrase)) return null;
  const weekday = WEEKDAYS.indexOf(match[2].toLowerCase());
  const back = (published.getUTCDay() - weekday + 7) % 7;
  return found(shift(published, -(back === 0 && /^last\b/i.test(phrase) ? 7 : back)));
}
