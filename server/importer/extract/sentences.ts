/**
 * Sentences with their character offsets, by Intl.Segmenter, line by line (a headline without a
 * full stop is its own sentence), with wrong splits after abbreviations ("Mr.", "U.S.", "Col.")
 * merged back.
 */

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

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let lineStart = 0;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') {
      const pieces: Array<{ text: string; start: number }> = [];
      for (const segment of segmenter.segment(line)) {
        const previous = pieces[pieces.length - 1];
        const startsLower = /^\s*[a-z]/.test(segment.segment);
        if (previous && (ABBREVIATION.test(previous.text) || startsLower)) previous.text += segment.segment;
        else pieces.push({ text: segment.segment, start: lineStart + segment.index });
      }
      for (const piece of pieces) {
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
