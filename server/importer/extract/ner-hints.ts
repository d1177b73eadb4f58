/**
 * The named-entity tagger's spans as hints for the mention rules: which tag covers a stretch of
 * text, and where the people it found start and end. Without a tagger every answer is "unknown",
 * so the rules behave as they do alone.
 */
import type { NerSpan } from '../ner/ner-types.js';

export type NerKind = 'person' | 'organization' | 'country' | 'location' | 'city' | 'nationality' | 'title' | 'misc';

const KIND_OF_TAG: Record<string, NerKind> = {
  PERSON: 'person',
  ORGANIZATION: 'organization',
  COUNTRY: 'country',
  LOCATION: 'location',
  CITY: 'city',
  STATE_OR_PROVINCE: 'city',
  NATIONALITY: 'nationality',
  TITLE: 'title',
  MISC: 'misc',
  RELIGION: 'misc',
  IDEOLOGY: 'misc',
};

/** Pronouns CoreNLP tags PERSON (its coreference marks them): not names. */
const PRONOUN = /^(?:he|she|him|her|his|hers|they|them|their|i|me|my|we|us|our|you|your|it|its)$/i;

export interface NerHint {
  start: number;
  end: number;
  text: string;
  kind: NerKind;
}

export class NerHints {
  readonly available: boolean;
  private readonly hints: NerHint[];
  /** "organization:VOA": each kind's texts, for a lookup in constant time. */
  private readonly names = new Set<string>();

  constructor(spans: NerSpan[] | undefined) {
    this.available = spans !== undefined;
    this.hints = (spans ?? []).flatMap((span) => {
      const kind = KIND_OF_TAG[span.tag];
      if (!kind || PRONOUN.test(span.text.trim()) || !/\p{Lu}/u.test(span.text)) return [];
      return [{ start: span.start, end: span.end, text: span.text, kind }];
    });
    this.hints.sort((a, b) => a.start - b.start);
    for (const hint of this.hints) this.names.add(`${hint.kind}:${hint.text}`);
  }

  /** Spans that overlap [start, end): the tagger's spans do not overlap each other, so a binary search finds the first. */
  private within(start: number, end: number): NerHint[] {
    let low = 0;
    let high = this.hints.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.hints[middle].end <= start) low = middle + 1;
      else high = middle;
    }
    const found: NerHint[] = [];
    for (let i = Math.max(0, low - 1); i < this.hints.length && this.hints[i].start < end; i++) {
      const hint = this.hints[i];
      if (hint.end > start) found.push(hint);
    }
    return found;
  }

  static none(): NerHints {
    return new NerHints(undefined);
  }

  all(kind?: NerKind): NerHint[] {
    return kind ? this.hints.filter((hint) => hint.kind === kind) : this.hints;
  }

  /** The kind of the span that covers most of [start, end), if a span covers at least half of it. */
  kindAt(start: number, end: number): NerKind | undefined {
    let best: NerHint | undefined;
    let bestCover = 0;
    for (const hint of this.within(start, end)) {
      const cover = Math.min(hint.end, end) - Math.max(hint.start, start);
      if (cover > bestCover) {
        best = hint;
        bestCover = cover;
      }
    }
    return best && bestCover * 2 >= end - start ? best.kind : undefined;
  }

  /** Whether the tagger gave this very text this kind somewhere in the document. */
  isName(text: string, kind: NerKind): boolean {
    return this.names.has(`${kind}:${text}`);
  }

  /** Spans of one kind that overlap [start, end). */
  overlapping(start: number, end: number, kind: NerKind): NerHint[] {
    return this.within(start, end).filter((hint) => hint.kind === kind);
  }
}
