/**
 * The one way a statement is read, everywhere it is listed (the explorer's panels, the reader,
 * search, the relationship-table export): speaker — said — "text" — about X, Y — date — source.
 * Pure: the client draws the parts (names as links, text as text), exports join them as plain text.
 * Only types are imported, so that the client can bundle it.
 */
import type { NodeRef, SourceRef, StatementView } from './api.js';

export type SentencePart =
  /** Who said it; empty when the graph does not know. */
  | { kind: 'speakers'; nodes: NodeRef[] }
  | { kind: 'verb'; text: string }
  | { kind: 'quote'; text: string }
  /** Whom and what it is about; the part is left out when the statement is about no one. */
  | { kind: 'about'; nodes: NodeRef[] }
  /** `fromArticle`: the statement carries no date of its own, the article's date stands in. */
  | { kind: 'date'; date: string; fromArticle: boolean }
  /** The first article it was reported in, and how many more. */
  | { kind: 'source'; source: SourceRef; more: number };

export const SENTENCE_SEPARATOR = ' — ';
export const UNKNOWN_SPEAKER = 'Unknown speaker';

/** The parts of the sentence in reading order; the ones the statement has no value for are left out. */
export function sentenceParts(statement: StatementView): SentencePart[] {
  const parts: SentencePart[] = [
    { kind: 'speakers', nodes: statement.speakers },
    // Reported speech is the reporter's wording, not the speaker's: the verb says so.
    { kind: 'verb', text: statement.kind === 'reported' ? 'said (reported)' : 'said' },
    { kind: 'quote', text: statement.text },
  ];
  if (statement.about.length > 0) parts.push({ kind: 'about', nodes: statement.about });
  if (statement.date)
    parts.push({ kind: 'date', date: statement.date, fromArticle: statement.dateSource === 'published' });
  const [first, ...rest] = statement.sources;
  if (first) parts.push({ kind: 'source', source: first, more: rest.length });
  return parts;
}

export function namesOf(nodes: NodeRef[]): string {
  return nodes.map((node) => node.caption).join(', ');
}

/** One part as plain text (the client draws names as links instead). */
export function partText(part: SentencePart): string {
  switch (part.kind) {
    case 'speakers':
      return part.nodes.length > 0 ? namesOf(part.nodes) : UNKNOWN_SPEAKER;
    case 'verb':
      return part.text;
    case 'quote':
      return `“${part.text}”`;
    case 'about':
      return `about ${namesOf(part.nodes)}`;
    case 'date':
      return part.fromArticle ? `${part.date} (article date)` : part.date;
    case 'source':
      return part.more > 0 ? `${part.source.documentTitle} (+${part.more} more)` : part.source.documentTitle;
  }
}

/** The whole sentence as plain text: for exports and for accessible names. */
export function statementSentence(statement: StatementView): string {
  return sentenceParts(statement).map(partText).join(SENTENCE_SEPARATOR);
}
