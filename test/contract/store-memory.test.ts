/**
 * Issue 14, item 2: the embedded store's memory returns to its baseline. LadybugDB 0.19.1 never
 * frees a prepared statement's native memory (about 35 KB each, measured), and the store used to
 * prepare on every parameterised read: details, neighbours and search then grew the process by
 * about 35, 330 and 115 KB a call, after a GC: about 160 KB a call for this mix of the three. The
 * bound here, 40 KB a call on average over 600 calls, is a quarter of that; with statements
 * prepared once the same mix measures 0 to 12 KB a call (allocator and JIT noise that does not
 * grow with more calls: bench/soak.ts, 20,000 requests). No time is measured.
 */
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic-graph.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const CALLS = 600;
const BOUND_BYTES_PER_CALL = 40 * 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function residentAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return process.memoryUsage().rss;
}

describe('embedded store memory per request', () => {
  const path = join(tempDir(), 'memory.lbug');
  let store: KuzuStore;
  let ids: string[];

  beforeAll(async () => {
    const writer = await KuzuStore.open({ path, readOnly: false });
    await writer.writeBatch(syntheticGraph({ nodes: 600, edges: 1500 }));
    await writer.close();
    store = await KuzuStore.open({ path, readOnly: true });
    ids = (await store.overview(50, 100)).nodes.map((node) => node.id);
  });

  afterAll(async () => {
    await store?.close();
    removeTempDirs();
  });

  it(`grows by less than ${BOUND_BYTES_PER_CALL / 1024} KB a call over ${CALLS} details, neighbours and search calls`, async () => {
    const call = async (i: number) => {
      const id = ids[i % ids.length];
      if (i % 3 === 0) await store.getNode(id);
      else if (i % 3 === 1) await store.neighbors(id, { limit: 20, types: [] });
      else await store.search(['minister', 'grain', 'talks'][i % 3], 10);
    };
    for (let i = 0; i < 150; i++) await call(i);
    const before = await residentAfterGc();
    for (let i = 0; i < CALLS; i++) await call(i);
    const after = await residentAfterGc();
    expect((after - before) / CALLS).toBeLessThan(BOUND_BYTES_PER_CALL);
  });
});
