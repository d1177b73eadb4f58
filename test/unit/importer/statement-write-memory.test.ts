/**
 * The import's statements are written last, a group of whole speakers in one all-or-nothing write
 * (import-documents.ts, finishCorpus). The write must not hold its whole graph in JavaScript
 * memory while the store takes it: the statement nodes with their SAID, ABOUT and REPORTED_IN
 * relationships, their curated and merged copies and the writer's rows came to several KB per
 * statement occurrence, so the import's heap peaked in this phase and grew with the write.
 * Measured where the store takes rows (each COPY of the write), after a full collection.
 */
import { join } from 'node:path';
import { Connection } from '@ladybugdb/core';
import { afterAll, describe, expect, it } from 'vitest';
import { importDocuments } from '../../../server/importer/import-documents.js';
import { KuzuStore } from '../../../server/store/kuzu/kuzu-store.js';
import { heapUsed } from '../../helpers/live-heap.js';
import { renamedCopies } from '../../helpers/renamed-corpus.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

const COPIES = 60;

type QueryFn = (this: unknown, statement: string, ...rest: unknown[]) => unknown;

/** Calls `onCopy` before each COPY statement any connection runs, until the returned function is called. */
function watchCopies(onCopy: () => void): () => void {
  const prototype = Connection.prototype as unknown as { query: QueryFn };
  const query = prototype.query;
  prototype.query = function (this: unknown, statement: string, ...rest: unknown[]) {
    if (statement.startsWith('COPY ')) onCopy();
    return query.call(this, statement, ...rest);
  };
  return () => {
    prototype.query = query;
  };
}

afterAll(removeTempDirs);

describe("the import's statements write", () => {
  it('holds far less than its whole graph while the store takes it', { timeout: 240_000 }, async () => {
    const dir = renamedCopies(COPIES, 'actorgraph-memory-corpus-');
    const store = await KuzuStore.open({ path: join(tempDir(), 'graph.lbug'), readOnly: false });
    let phase = '';
    let before = 0;
    let occurrences = 0;
    let peak = 0;
    const unwatch = watchCopies(() => {
      if (phase === 'statements') peak = Math.max(peak, heapUsed());
    });
    try {
      await importDocuments(store, [dir], {
        // Every statement in one write, in parts of 100 occurrences.
        statementsPerWrite: 1_000_000,
        statementsPerPart: 100,
        onProgress: (progress) => {
          if (progress.phase === 'statements' && phase !== 'statements') {
            before = heapUsed();
            occurrences = progress.total;
          }
          phase = progress.phase;
        },
      });
    } finally {
      unwatch();
      await store.close();
    }
    expect(occurrences).toBeGreaterThan(1_500);
    expect(peak).toBeGreaterThan(0);
    const perOccurrence = (peak - before) / occurrences;
    // The occurrences themselves (their words and sentence, ~800 bytes) stay for the whole write;
    // the graph made of them, held whole, made it 6.2 KB an occurrence (1.1 KB in parts).
    expect(perOccurrence).toBeLessThan(2_000);
  });
});
