/**
 * Each statement the document reports, as an occurrence to merge across the corpus later
 * (resolve/statements.ts): its date as the sentence gives it, its evidence, what it is about.
 */
import { findStatementDate } from '../extract/dates.js';
import { mentionsWithin } from '../extract/mention-index.js';
import type { ExtractedStatement } from '../extract/statements.js';
import type { ResolvedMention } from '../resolve/entities.js';
import type { DocumentContext } from './document-context.js';

interface Dated {
  date: string | null;
  explicit: boolean;
  speakerKey: string | null;
  end: number;
}

export function addStatementOccurrences(context: DocumentContext, statements: ExtractedStatement[]): void {
  const { document, text } = context;
  let previous: Dated | null = null;
  for (const statement of statements) {
    const dated = dateOf(statement, text.slice(statement.start, statement.end), document.published, previous);
    previous = dated;
    context.facts.occurrences.push({
      statement,
      documentId: context.id,
      date: dated.date,
      dateExplicit: dated.explicit,
      published: document.published,
      evidence: context.evidence(statement.start, statement.end),
      about: aboutKeys(statement, context.mentions),
    });
  }
}

/**
 * The date the statement's own words give; else, when it continues the statement before it, that
 * one's: "…,” the statement read." and "He also called for …" right after a dated statement by the
 * same speaker belong to that occasion.
 */
function dateOf(statement: ExtractedStatement, words: string, published: string | null, previous: Dated | null): Dated {
  const found = findStatementDate(words, published);
  const continues =
    previous !== null &&
    (statement.rule === 'quote:statement-read' ||
      (statement.speakerKey !== null &&
        statement.speakerKey === previous.speakerKey &&
        statement.start - previous.end < 400));
  const date = found?.iso ?? (continues ? previous.date : null);
  const explicit = found ? found.precision === 'explicit' : continues && previous.explicit;
  return { date, explicit, speakerKey: statement.speakerKey, end: statement.end };
}

/** Entities a statement names: mentions inside the statement's own words. */
function aboutKeys(statement: ExtractedStatement, mentions: ResolvedMention[]): string[] {
  const keys = mentionsWithin(mentions, statement.start, statement.end)
    .filter((m) => statement.text.includes(m.text))
    .map((m) => m.entityKey);
  return [...new Set(keys)];
}
