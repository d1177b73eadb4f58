/**
 * Metadata a plain article gives in its first lines: a byline ("By Jane Doe", "By Jane Doe and
 * John Roe April 23, 2021") and a publication date ("April 23, 2021", "3 September 2021", "2021-04-23").
 */
import { MONTH_NAMES, MONTHS } from '../vocabulary/dates.js';

const MONTH = `(${MONTH_NAMES.join('|')})\\.?`;

const DATE_PATTERNS: Array<{ pattern: RegExp; toIso(match: RegExpExecArray): string | null }> = [
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/, toIso: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i'), toIso: (m) => iso(m[3], m[1], m[2]) },
  { pattern: new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'), toIso: (m) => iso(m[3], m[2], m[1]) },
];

export function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((month) => month.toLowerCase().startsWith(lower.slice(0, 3)));
}

function iso(year: string, month: string, day: string): string | null {
  const m = monthIndex(month);
  const d = Number(day);
  if (m < 0 || d < 1 || d > 31) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function findDate(line: string): { iso: string; index: number; length: number } | null {
  for (const { pattern, toIso } of DATE_PATTERNS) {
    const match = pattern.exec(line);
    if (match) {
      const value = toIso(match);
      if (value) return { iso: value, index: match.index, length: match[0].length };
    }
  }
  return null;
}

const NAME = "[A-Z][\\p{L}'’.-]+(?:\\s+[A-Z][\\p{L}'’.-]+){1,3}";
const BYLINE = new RegExp(`^\\s*(?:By|BY|Written by|Author:)\\s+(${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*)`, 'u');
/** "Orkhan Jalilov Analysis 3 September 2021": a name, a section label and the date on one line. */
const SECTION_BYLINE = new RegExp(
  `^\\s*(${NAME})\\s+(?:Analysis|Opinion|Commentary|Comment|Interview|Feature|Explainer|Editorial|Column)\\b`,
  'u',
);

export interface Byline {
  authors: string[];
  published: string | null;
}

/** "Last update: …" stamps are page furniture, not the article's date or title. */
export const UPDATE_STAMP = /^\s*(last\s+)?(update[ds]?|modified|edited)\b/i;

/**
 * The authors and publication date from the first lines only (update stamps skipped): a date deep
 * in the text is an event date, not the publication's. Without a byline, the authors of a wire
 * story's sign-off in its last lines.
 */
export function readByline(text: string, linesToScan = 8): Byline {
  const lines = text
    .split('\n')
    .filter((line) => line.trim() !== '' && !UPDATE_STAMP.test(line))
    .slice(0, linesToScan);
  let authors: string[] = [];
  let bylineDate: string | null = null;
  let firstDate: string | null = null;
  for (const line of lines) {
    const date = findDate(line);
    const head = line.slice(0, date ? date.index : undefined);
    const byline = BYLINE.exec(head) ?? (date ? SECTION_BYLINE.exec(head) : null);
    if (byline && authors.length === 0) {
      authors = byline[1]
        .split(/\s*(?:,|\band\b|&)\s*/)
        .map((name) => name.trim())
        .filter(Boolean);
      if (date) bylineDate = date.iso;
    }
    if (date && !firstDate) firstDate = date.iso;
  }
  return { authors: authors.length > 0 ? authors : signOffAuthors(text), published: bylineDate ?? firstDate };
}

/** "(Reporting by Ketevan Sulaberidze and Ann Roe; Editing by …)" in the last lines of a wire story. */
const SIGN_OFF = new RegExp(
  `\\((?:Additional\\s+)?(?:Reporting|Writing|Reported)\\s+by\\s+(${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*)`,
  'u',
);

function signOffAuthors(text: string): string[] {
  const tail = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-3)
    .join('\n');
  const match = SIGN_OFF.exec(tail);
  return match
    ? match[1]
        .split(/\s*(?:,|\band\b|&)\s*/)
        .map((name) => name.trim())
        .filter(Boolean)
    : [];
}
