/**
 * One Statement per thing said: occurrences of the same words by the same speaker (straight or
 * curly quotes, other spacing, a fragment of a longer quote) merge into one, which keeps the
 * longest wording and every place it was reported.
 */
import type { Evidence } from '../../domain/graph.js';
import type { ExtractedStatement } from '../extract/statements.js';

export interface StatementOccurrence {
  statement: ExtractedStatement;
  documentId: string;
  /** Date the text gives for it (ISO), if any. */
  date: string | null;
  /** The text gives the day or month itself ("on April 13"), not only relative to the article ("last week"). */
  dateExplicit: boolean;
  published: string | null;
  evidence: Evidence;
  /** Entity keys the statement names. */
  about: string[];
}

export interface MergedStatement {
  text: string;
  kind: 'quote' | 'reported';
  speakerKey: string | null;
  occurrences: StatementOccurrence[];
}

/** Quote marks, apostrophes, dashes, spacing, case and end punctuation do not make a new statement. */
export function statementKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´']/g, "'")
    .replace(/[“”„"«»]/g, '')
    .replace(/[‐‑‒–—−]/g, '-')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function mergeStatements(occurrences: StatementOccurrence[]): MergedStatement[] {
  const merged: MergedStatement[] = [];
  // Each statement's key, computed once; a fragment's home is looked for among its own speaker's
  // statements only, in the order they were made (a search of every statement, recomputing every
  // key, grew with the square of the corpus).
  const keyOf = new Map<MergedStatement, string>();
  const bySpeaker = new Map<string | null, MergedStatement[]>();
  // Longest first, so that a fragment finds the longer statement it belongs to.
  const ordered = [...occurrences].sort(
    (a, b) => b.statement.text.length - a.statement.text.length || a.evidence.start - b.evidence.start,
  );
  for (const occurrence of ordered) {
    const key = statementKey(occurrence.statement.text);
    const speakerKey = occurrence.statement.speakerKey;
    let candidates = bySpeaker.get(speakerKey);
    if (!candidates) bySpeaker.set(speakerKey, (candidates = []));
    const home = candidates.find((candidate) => keyOf.get(candidate)!.includes(key));
    if (home) {
      home.occurrences.push(occurrence);
      if (occurrence.statement.kind === 'quote') home.kind = 'quote';
    } else {
      const statement: MergedStatement = {
        text: occurrence.statement.text,
        kind: occurrence.statement.kind,
        speakerKey,
        occurrences: [occurrence],
      };
      merged.push(statement);
      keyOf.set(statement, key);
      candidates.push(statement);
    }
  }
  for (const statement of merged)
    statement.occurrences.sort(
      (a, b) => a.documentId.localeCompare(b.documentId) || a.evidence.start - b.evidence.start,
    );
  return merged.sort((a, b) => keyOf.get(a)!.localeCompare(keyOf.get(b)!));
}
