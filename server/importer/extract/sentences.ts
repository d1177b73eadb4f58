/**
 * Sentences with their character offsets, by Intl.Segmenter, line by line (a headline without a
 * full stop is its own sentence), with wrong splits after abbreviations ("Mr.", "U.S.", "Col.")
 * merged back. A sentence longer than MAX_SENTENCE is cut into pieces at a bound (see there).
 */

import { firstIndex } from './first-index.js';

export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Paragraph number (a paragraph is a line of the text). */
  paragraph: number;
}

const ABBREVIATION =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Col|Gen|Lt|Sgt|Capt|Maj|Adm|Sen|Rep|Gov|Amb|Pres|St|Mt|Jr|Sr|No|vs|etc|Inc|Corp|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b(?:[A-Z]\.){1,3}[A-Z]?)\.?\s*$/;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * The longest sentence the rules look at, in characters. The rules search a sentence from each
 * name and verb in it, so their work grows with the square of a sentence's length: a line of
 * 400 KB without a full stop took minutes. News sentences are far shorter (the longest in the
 * evaluation articles has under 400 characters); a longer one is cut at the last semicolon or
 * comma before the bound, else at the last space, else at the bound itself.
 */
export const MAX_SENTENCE = 1000;

/** Where to cut an over-long piece: an offset in (0, MAX_SENTENCE]. */
function cutAt(text: string): number {
  const window = text.slice(0, MAX_SENTENCE + 1);
  for (const mark of ['; ', ', ', ' ']) {
    const at = window.lastIndexOf(mark);
    if (at >= MAX_SENTENCE / 2) return at + 1;
  }
  return MAX_SENTENCE;
}

/** A piece of at most MAX_SENTENCE characters stays whole; a longer one is cut into such pieces. */
function bounded(piece: { text: string; start: number }): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = [];
  let rest = piece;
  while (rest.text.length > MAX_SENTENCE) {
    const cut = cutAt(rest.text);
    pieces.push({ text: rest.text.slice(0, cut), start: rest.start });
    rest = { text: rest.text.slice(cut), start: rest.start + cut };
  }
  pieces.push(rest);
  return pieces;
}

/**
 * The piece `line[from, to)` ends with an abbreviation, so the segmenter's split after it is
 * wrong. Only the piece's last characters are looked at (an abbreviation has at most 9), so
 * merging many segments of one line stays linear in the line's length.
 */
function endsWithAbbreviation(line: string, from: number, to: number): boolean {
  let end = to;
  while (end > from && /\s/.test(line[end - 1])) end -= 1;
  return ABBREVIATION.test(line.slice(Math.max(from, end - 16), end));
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') {
      // Pieces of the line as offsets into it: [from, to).
      const spans: Array<{ from: number; to: number }> = [];
      for (const segment of segmenter.segment(line)) {
        const previous = spans[spans.length - 1];
        const startsLower = /^\s*[a-z]/.test(segment.segment);
        const to = segment.index + segment.segment.length;
        if (previous && (endsWithAbbreviation(line, previous.from, previous.to) || startsLower)) previous.to = to;
        else spans.push({ from: segment.index, to });
      }
      const pieces = spans.map(({ from, to }) => ({ text: line.slice(from, to), start: lineStart + from }));
      for (const piece of pieces.flatMap(bounded)) {
        const leading = piece.text.length - piece.text.trimStart().length;
        const trimmed = piece.text.trim();
        if (trimmed === '') continue;
        const start = piece.start + leading;
        sentences.push({ index: sentences.length, text: trimmed, start, end: start + trimmed.length, paragraph });
      }
      paragraph += 1;
    }
    lineStart += line.length + 1;
  }
  return sentences;
}

/**
 * The sentence that contains `position`, by binary search (sentences are in text order and do not
 * overlap); undefined between sentences.
 */
export function sentenceContaining(sentences: readonly Sentence[], position: number): Sentence | undefined {
  const sentence = sentences[firstIndex(sentences, (s) => s.end > position)];
  return sentence && sentence.start <= position ? sentence : undefined;
}

/** The first sentence that starts at or after `position`. */
export function sentenceFrom(sentences: readonly Sentence[], position: number): Sentence | undefined {
  return sentences[firstIndex(sentences, (s) => s.start >= position)];
}
