/**
 * An import keeps its statement occurrences in the temporary folder until the end
 * (statement-spill.ts). When that folder cannot take them (full, read-only, not a folder), the
 * user must learn which folder to mend; what the import wrote before stays, and once the folder
 * is mended a second run finishes with the graph an untroubled import gives.
 *
 * A full disk is simulated by failing the spill's writes with ENOSPC (this process runs as root,
 * for whom a read-only folder is still writable); an unusable TMPDIR is a path under a file.
 */
import * as fs from 'node:fs';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import type { GraphBatch } from '../../../server/domain/graph.js';
import { importDocuments } from '../../../server/importer/import-documents.js';
import { KuzuStore } from '../../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

/** The descriptors of spill files, and whether their writes fail as on a full disk. */
const spill = vi.hoisted(() => ({ fds: new Set<number>(), full: false }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (real.openSync as (...args: unknown[]) => number)(path, ...rest);
    if (String(path).includes('actorgraph-spill')) spill.fds.add(fd);
    return fd;
  }) as typeof real.openSync;
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (spill.full && spill.fds.has(fd)) {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return (real.writeSync as (...args: unknown[]) => number)(fd, ...rest);
  }) as typeof real.writeSync;
  return { ...real, default: { ...real, openSync, writeSync }, openSync, writeSync };
});

const FOLDERS = ['data/articles', 'test/fixtures/articles/unseen', 'test/fixtures/articles/styles'];
const savedTmpdir = process.env.TMPDIR;

afterEach(() => {
  spill.full = false;
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
});
afterAll(removeTempDirs);

/** The corpus in two folders (copied, numbered so that every import reads them in one order). */
function corpus(): [string, string] {
  const first = tempDir('actorgraph-spill-test-a-');
  const second = tempDir('actorgraph-spill-test-b-');
  let n = 0;
  for (const folder of FOLDERS)
    for (const name of readdirSync(join(REPO_ROOT, folder)).sort()) {
      copyFileSync(
        join(REPO_ROOT, folder, name),
        join(n % 2 === 0 ? first : second, `${String(n).padStart(3, '0')}-${name}`),
      );
      n += 1;
    }
  return [first, second];
}

async function sortedExport(store: KuzuStore): Promise<GraphBatch> {
  const graph = await store.exportAll();
  return {
    nodes: [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...graph.edges].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

async function withStore<T>(path: string, work: (store: KuzuStore) => Promise<T>): Promise<T> {
  const store = await KuzuStore.open({ path, readOnly: false });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

let first: string;
let second: string;
let untroubled: GraphBatch;

beforeAll(async () => {
  [first, second] = corpus();
  untroubled = await withStore(join(tempDir(), 'untroubled.lbug'), async (store) => {
    await importDocuments(store, [first], { batchSize: 3 });
    await importDocuments(store, [second], { batchSize: 3 });
    return sortedExport(store);
  });
}, 180_000);

describe('an import whose temporary folder cannot take the statement spill', () => {
  it('fails naming the folder, keeps what was written, and a re-run finishes', { timeout: 180_000 }, async () => {
    const path = join(tempDir(), 'graph.lbug');
    const before = await withStore(path, async (store) => {
      await importDocuments(store, [first], { batchSize: 3 });
      return sortedExport(store);
    });

    // TMPDIR names a path under a file: no folder can be made there.
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    process.env.TMPDIR = join(file, 'tmp');
    await withStore(path, async (store) => {
      await expect(importDocuments(store, [second], { batchSize: 3 })).rejects.toThrow(
        `Cannot write the import's statement spill in ${join(file, 'tmp')}`,
      );
      // Nothing of the failed run is half-written: the first import is intact.
      expect(await sortedExport(store)).toEqual(before);
    });

    process.env.TMPDIR = savedTmpdir ?? '';
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    await withStore(path, async (store) => {
      await importDocuments(store, [second], { batchSize: 3 });
      expect(await sortedExport(store)).toEqual(untroubled);
    });
  });

  it('fails naming the folder when it fills up mid-run, and a re-run finishes', { timeout: 180_000 }, async () => {
    const path = join(tempDir(), 'graph.lbug');
    await withStore(path, async (store) => {
      await importDocuments(store, [first], { batchSize: 3 });
      spill.full = true;
      const failed = importDocuments(store, [second], { batchSize: 3 });
      await expect(failed).rejects.toThrow(/Cannot write the import's statement spill in .*actorgraph-spill-\d+-/);
      await expect(failed).rejects.toThrow(/ENOSPC.*TMPDIR/);
      // The spill is written at the end, after the documents' batches: those are kept.
      const graph = await sortedExport(store);
      const documents = (batch: GraphBatch) => batch.nodes.filter((node) => node.label === 'Document').map((n) => n.id);
      expect(documents(graph)).toEqual(documents(untroubled));
    });

    spill.full = false;
    await withStore(path, async (store) => {
      const report = await importDocuments(store, [second], { batchSize: 3 });
      expect(report.alreadyImported.length).toBeGreaterThan(0);
      expect(await sortedExport(store)).toEqual(untroubled);
    });
  });
});
