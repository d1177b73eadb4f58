/**
 * Runs the named-entity tagger over every document before extraction. In mode 'corenlp' a tagger
 * that cannot be reached stops the import (nothing is written); in mode 'auto' the import goes on
 * with the rules alone and says why. A document the tagger refuses is skipped with its reason.
 */
import type { SourceDocument, SkippedFile } from '../read/types.js';
import { NerDocumentError, NerUnavailableError, type NerMode, type NerSpan, type NerTagger } from './ner-types.js';

export interface NerChoice {
  tagger: NerTagger | null;
  mode: NerMode;
  /** Called when mode 'auto' gives up on the tagger for this import (the reason says why). */
  onFallback?: (reason: string) => void;
  /** Documents sent to the tagger at once (default TAG_CONCURRENCY; bench/corenlp-concurrency.ts tries others). */
  concurrency?: number;
}

export interface NerUsed {
  used: 'corenlp' | 'rules';
  /** Why the rules worked alone when a tagger was asked for. */
  note?: string;
}

export interface TaggedDocuments {
  /** The documents to extract (those the tagger refused are left out). */
  documents: SourceDocument[];
  /** Each document's spans; absent when the rules work alone. */
  spans?: Map<SourceDocument, NerSpan[]>;
  skipped: SkippedFile[];
  used: NerUsed;
}

/** Documents tagged at once: CoreNLP's server runs two threads. */
export const TAG_CONCURRENCY = 2;

export async function tagDocuments(
  documents: SourceDocument[],
  choice: NerChoice | undefined,
  onTagged: (count: number, path: string) => void = () => undefined,
): Promise<TaggedDocuments> {
  const tagger = choice?.mode === 'rules' ? null : (choice?.tagger ?? null);
  if (!tagger) return { documents, skipped: [], used: { used: 'rules' } };
  const spans = new Map<SourceDocument, NerSpan[]>();
  const skipped: SkippedFile[] = [];
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (next < documents.length && !failed) {
      const document = documents[next++];
      try {
        spans.set(document, await tagger.tag(document.text));
      } catch (error) {
        if (!(error instanceof NerDocumentError)) {
          failed = true;
          throw error;
        }
        skipped.push({ path: document.path, reason: `named-entity tagging failed: ${error.message}` });
      }
      onTagged(++done, document.path);
    }
  };
  try {
    const concurrency = Math.max(1, choice?.concurrency ?? TAG_CONCURRENCY);
    await Promise.all(Array.from({ length: Math.min(concurrency, documents.length) }, worker));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (choice?.mode === 'corenlp' || !(error instanceof NerUnavailableError)) throw error;
    choice?.onFallback?.(reason);
    return { documents, skipped: [], used: { used: 'rules', note: `fell back to the rules: ${reason}` } };
  }
  return {
    documents: documents.filter((document) => spans.has(document)),
    spans,
    skipped,
    used: { used: 'corenlp' },
  };
}
