/**
 * The Kuzu 0.11.3 defects actorgraph worked around, re-checked on the engine it runs on now
 * (@ladybugdb/core). Each probe runs in its own process because some of these defects killed
 * the process. A test here failing after an engine upgrade means a workaround can go (or must
 * come back): see the comments in server/store/kuzu/kuzu-database.ts and kuzu-store.ts.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const PROBES = new URL('./defect-probes.mjs', import.meta.url).pathname;

async function probe(name: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [PROBES, '@ladybugdb/core', name, tempDir()], {
    timeout: 240_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

afterAll(removeTempDirs);

describe('engine defects that shaped the embedded store', () => {
  it('still loses committed rows when two Database objects share one path, so the store opens one per path', async () => {
    const result = await probe('two-databases');
    expect(result.secondOpen).toBe('opened');
    expect(result.found).toBeLessThan(Number(result.expected));
  });

  it('answers an empty list parameter instead of killing the process', async () => {
    const result = await probe('empty-list');
    expect(result).toMatchObject({ answered: true, inList: 0, unwound: 0 });
  });

  it('survives a transaction that writes to a table with a full-text index (when the extension is installed)', async (context) => {
    const result = await probe('fts-write');
    if (result.fts === 'not installed') context.skip();
    expect(result).toMatchObject({ survived: true, found: ['a', 'b'] });
  });

  it('gives the same relationships and shortest paths on several threads as on one', { timeout: 300_000 }, async () => {
    const result = await probe('threads');
    expect(result).toMatchObject({ wrongIdCalls: 0, brokenPaths: 0, lengthsDiffer: 0 });
  });

  it('loses the commits that follow a checkpoint that ran out of pool, so the import stops writing there', async () => {
    const result = await probe('failed-checkpoint');
    expect(result.checkpoints).toEqual(Array(3).fill(expect.stringMatching(/buffer pool is full/i)));
    // The first write is replayed from the log; the two committed after the failed checkpoint are gone.
    expect(result.found).toBe(result.firstWrite);
    expect(result.found).toBeLessThan(Number(result.committed));
  });
});
