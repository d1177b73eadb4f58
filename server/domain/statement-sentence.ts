/**
 * The one way a statement is read, everywhere it is listed (the explorer's panels, the reader,
 * search, the relationship-table export): speaker — said — "text" — about X, Y — date — source.
 * The server sends the parts with each statement (StatementView.sentence): the client draws them
 * (names as links, text as text) and exports join them as plain text.
 */
import type { NodeRef, SentencePart, SourceRef, StatementView } from './api.js';

/** What a sentence is made from: a statement's view before its sentence is added. */
export type StatementFacts = Omit<StatementView, 'sentence'>;

export const SENTENCE_SEPARATOR = ' — ';
export const UNKNOWN_SPEAKER = 'Unknown speaker';

function namesOf(nodes: NodeRef[]): string {
  return nodes.map((node) => node.caption).join(', ');
}

/** The parts of the sentence in reading order; the ones the statement has no value for are left out. */
export function sentenceParts(statement: StatementFacts): SentencePart[] {
  const { speakers, about, date, sources } = statement;
  const parts: SentencePart[] = [
    { kind: 'speakers', text: speakers.length > 0 ? namesOf(speakers) : UNKNOWN_SPEAKER, nodes: speakers },
    // Reported speech is the reporter's wording, not the speaker's: the verb says so.
    { kind: 'verb', text: statement.kind === 'reported' ? 'said (reported)' : 'said' },
    { kind: 'quote', text: statement.text },
  ];
  if (about.length > 0) parts.push({ kind: 'about', text: `about ${namesOf(about)}`, nodes: about });
  // The article's date stands in when the statement carries none of its own: say so.
  if (date)
    parts.push({ kind: 'date', text: statement.dateSource === 'published' ? `${date} (article date)` : date, date });
  const [first, ...rest] = sources;
  if (first) {
    const more = rest.length > 0 ? ` (+${rest.length} more)` : '';
    parts.push({ kind: 'source', text: `${first.documentTitle}${more}`, source: first });
  }
  return parts;
}

/**
 * Names by caption, the earliest article first: the store returns relationships in no fixed order
 * (LadybugDB's may differ from one read to the next), and a statement reads the same everywhere.
 */
export function inReadingOrder(statement: StatementFacts): StatementFacts {
  const byName = (a: NodeRef, b: NodeRef) => a.caption.localeCompare(b.caption) || a.id.localeCompare(b.id);
  const byDate = (a: SourceRef, b: SourceRef) =>
    (a.published ?? '').localeCompare(b.published ?? '') || a.documentId.localeCompare(b.documentId);
  const speakers = [...statement.speakers].sort(byName);
  const [first] = speakers;
  return {
    ...statement,
    // "The" speaker is the first in reading order (the store's order can change between reads).
    speaker: first ? { id: first.id, caption: first.caption } : statement.speaker,
    speakers,
    about: [...statement.about].sort(byName),
    sources: [...statement.sources].sort(byDate),
  };
}

export interface SentenceOptions {
  /** A document to put first among the sources (the reader's own article: its sentence points into it). */
  firstSource?: string;
}

/** A statement's facts in reading order with its sentence added: what the API sends. */
export function withSentence(statement: StatementFacts, options: SentenceOptions = {}): StatementView {
  const ordered = inReadingOrder(statement);
  const { firstSource } = options;
  if (firstSource !== undefined) {
    // A stable sort: the other sources keep their reading order after it.
    const own = (source: SourceRef) => (source.documentId === firstSource ? 0 : 1);
    ordered.sources.sort((a, b) => own(a) - own(b));
  }
  return { ...ordered, sentence: sentenceParts(ordered) };
}

/** The whole sentence as plain text: for exports and for accessible names. */
export function statementSentence(statement: StatementFacts): string {
  return sentenceParts(statement)
    .map((part) => (part.kind === 'quote' ? `“${part.text}”` : part.text))
    .join(SENTENCE_SEPARATOR);
}
