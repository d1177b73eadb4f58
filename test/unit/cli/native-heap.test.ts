/**
 * `actorgraph import` gives the engine's freed native memory back to the system after each write
 * (glibc's malloc_trim through koffi): the import calls it after every write and its finish, and
 * the graph is the one an import without it writes; without koffi (or glibc) it does nothing and
 * says why. What it saves is measured by bench/import-throughput.ts (IMPORT_TRIM=0 leaves it out).
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMallocTrim, nativeMemoryRelease } from '../../../server/cli/native-heap.js';
import { REPO_ROOT } from '../../../server/config.js';
import type { GraphBatch } from '../../../server/domain/graph.js';
import { importDocuments, type ImportOptions } from '../../../server/importer/import-documents.js';
import { KuzuStore } from '../../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

const ARTICLES = join(REPO_ROOT, 'data', 'articles');

const glibc =
  process.platform === 'linux' &&
  Boolean((process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);

/** Imports the folders into a fresh database; its sorted export and the number of writes. */
async function imported(options: ImportOptions): Promise<{ graph: GraphBatch; writes: number }> {
  const store = await KuzuStore.open({ path: join(tempDir(), 'graph.lbug'), readOnly: false });
  let writes = 0;
  const begin = store.beginWrites.bind(store);
  store.beginWrites = async () => {
    const writer = await begin();
    return { write: (batch) => ((writes += 1), writer.write(batch)), finish: () => writer.finish() };
  };
  try {
    await importDocuments(store, [ARTICLES], options);
    const graph = await store.exportAll();
    return {
      graph: {
        nodes: [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id)),
        edges: [...graph.edges].sort((a, b) => a.id.localeCompare(b.id)),
      },
      writes,
    };
  } finally {
    await store.close();
  }
}

afterAll(removeTempDirs);

describe("the import's native memory", () => {
  it.runIf(glibc)(
    'is returned after every write and the finish, and the graph is the same as without',
    { timeout: 120_000 },
    async () => {
      const release = nativeMemoryRelease();
      expect(release.unavailable).toBeNull();
      const trimmed = await imported({ batchSize: 1, afterWrite: release.afterWrite });
      expect(trimmed.writes).toBeGreaterThan(2);
      expect(release.calls()).toBe(trimmed.writes + 1);
      const plain = await imported({ batchSize: 1 });
      expect(trimmed.graph.nodes.length).toBeGreaterThan(0);
      expect(trimmed.graph).toEqual(plain.graph);
    },
  );

  it('is left alone, with the reason, where koffi cannot be loaded', () => {
    const missing = loadMallocTrim(() => {
      throw new Error("Cannot find module 'koffi'");
    });
    expect(typeof missing).toBe('string');
    expect(missing).toMatch(glibc ? /koffi could not call malloc_trim: Cannot find module 'koffi'/ : /not glibc/);
    const release = nativeMemoryRelease(missing);
    release.afterWrite();
    expect(release.unavailable).toBe(missing);
    expect(release.calls()).toBe(0);
  });
});
