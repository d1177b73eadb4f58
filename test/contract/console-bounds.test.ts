/**
 * The console's bounds on both stores (issue 14, items 8 and 9): a byte cap on answers (413), a
 * bounded queue (503 + Retry-After), a time limit that counts the wait, timers that belong to one
 * request, and LadybugDB's answers to values that crashed or corrupted Kuzu's worker.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/store/graph-store.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { sampleGraph } from '../helpers/sample-graph.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const CAP = 256 * 1024;

interface Flavour {
  open(options: { maxQueued: number }): Promise<GraphStore>;
  /** About 20 KB a row, 1000 rows: 20 MB unbounded. */
  bigRows: string;
  /** Runs far past any time limit here. */
  slow: string;
  /** Queries the store runs at once (the rest wait). */
  concurrency: number;
}

const ladybugPath = join(tempDir(), 'bounds.lbug');

const FLAVOURS: Record<string, Flavour | null> = {
  ladybug: {
    open: ({ maxQueued }) =>
      KuzuStore.open({ path: ladybugPath, readOnly: true, consoleQueue: { maxQueued, maxResponseBytes: CAP } }),
    bigRows: "UNWIND range(1, 1000) AS x RETURN x, repeat('x', 20000) AS pad",
    // Two short ranges, not one of 2e9: LadybugDB materialises a range, and one that big sometimes
    // hit the worker's memory limit (413) within a second, so the query waiting behind it was
    // answered instead of refused (a failed clean CI run). 1e10 rows take minutes in little memory.
    slow: 'UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN sum(x + y) AS total',
    concurrency: 1,
  },
  neo4j: process.env.NEO4J_URI
    ? {
        open: async ({ maxQueued }) =>
          Neo4jStore.open({ uri: process.env.NEO4J_URI!, consoleMaxQueued: maxQueued, maxResponseBytes: CAP }),
        bigRows: "UNWIND range(1, 1000) AS x RETURN x, [i IN range(1, 2000) | 'xxxxxxxxxx'] AS pad",
        slow: 'UNWIND range(1, 2000000000) AS x RETURN sum(x) AS total',
        concurrency: 4,
      }
    : null,
};

beforeAll(async () => {
  const writer = await KuzuStore.open({ path: ladybugPath, readOnly: false });
  await writer.writeBatch(sampleGraph());
  await writer.close();
});

afterAll(removeTempDirs);

for (const [name, flavour] of Object.entries(FLAVOURS)) {
  if (!flavour) {
    describe.skip(`console bounds: ${name} (set NEO4J_URI to run)`, () => it('needs Neo4j', () => undefined));
    continue;
  }
  describe(`console bounds: ${name}`, () => {
    it('refuses an answer larger than the byte cap with 413 naming the cap and how to narrow it, then answers the next query', async () => {
      const store = await flavour.open({ maxQueued: 8 });
      try {
        const refused = store.runReadQuery(flavour.bigRows, {}, { limit: 1000, timeoutMs: 20_000 });
        await expect(refused).rejects.toMatchObject({ status: 413, code: 'too_large' });
        await expect(refused).rejects.toThrow(/256 KB.*ACTORGRAPH_RESPONSE_MAX_BYTES.*LIMIT/);
        const small = await store.runReadQuery(flavour.bigRows, {}, { limit: 3, timeoutMs: 20_000 });
        expect(small.rows).toHaveLength(3);
      } finally {
        await store.close();
      }
    });

    it('refuses a query beyond the queue with 503 and Retry-After, and one that waited its whole time limit', async () => {
      const store = await flavour.open({ maxQueued: 1 });
      try {
        const limits = { limit: 10, timeoutMs: 1500 };
        const running = Array.from({ length: flavour.concurrency }, () =>
          store.runReadQuery(flavour.slow, {}, limits).catch((error: unknown) => error),
        );
        const waiting = store.runReadQuery('RETURN 1 AS one', {}, limits).catch((error: unknown) => error);
        const refused = store.runReadQuery('RETURN 1 AS one', {}, limits);
        await expect(refused).rejects.toMatchObject({ status: 503, code: 'busy', retryAfterSeconds: 2 });
        // The running ones outlast the waiting one's limit: it is answered 503, not late.
        expect(await waiting).toMatchObject({ status: 503, code: 'busy' });
        // The slow query ends at its time limit (408); Neo4j's may first reach its memory limit (413).
        for (const outcome of await Promise.all(running)) {
          expect([408, 413]).toContain((outcome as { status?: number }).status);
        }
        const next = await store.runReadQuery('RETURN 1 AS one', {}, limits);
        expect(next.rows).toEqual([{ one: 1 }]);
      } finally {
        await store.close();
      }
    });
  });
}

describe('console worker (LadybugDB)', () => {
  let store: KuzuStore;
  const limits = { limit: 100, timeoutMs: 10_000 };

  beforeAll(async () => {
    store = await KuzuStore.open({ path: ladybugPath, readOnly: true });
  });
  afterAll(() => store.close());

  it('refuses parameters nested too deeply to send with 400, and leaves no timer that stops a later query', async () => {
    await store.runReadQuery('RETURN 1 AS one', {}, limits);
    const worker = (store as unknown as { console: { workerPid?: number } }).console.workerPid;
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    await expect(
      store.runReadQuery('RETURN $x AS x', { x: deep }, { ...limits, timeoutMs: 200 }),
    ).rejects.toMatchObject({ status: 400 });
    // Past that request's time limit and the watchdog's grace (200 ms + 1.5 s): a timer left
    // behind would have killed the worker by now.
    await sleep(2500);
    expect((store as unknown as { console: { workerPid?: number } }).console.workerPid).toBe(worker);
    const next = await store.runReadQuery('RETURN 2 AS two', {}, limits);
    expect(next.rows).toEqual([{ two: 2 }]);
  });

  it('converts a mixed-type list parameter to text instead of answering raw memory', async () => {
    const result = await store.runReadQuery('RETURN $x AS x', { x: [1, 'a'] }, limits);
    expect(result.rows).toEqual([{ x: ['1', 'a'] }]);
  });

  it('answers `IN $x` with an empty list, and CALL show_functions(), without losing the worker', async () => {
    const empty = await store.runReadQuery('MATCH (n:Actor) WHERE n.id IN $x RETURN n.id AS id', { x: [] }, limits);
    expect(empty.rows).toEqual([]);
    const functions = await store.runReadQuery('CALL show_functions() RETURN name LIMIT 5', {}, limits);
    expect(functions.rows).toHaveLength(5);
  });

  it('replaces a worker that grew past its memory limit after its query, not in the middle of the next one', async () => {
    // A limit below any worker's size: each query either answers and its worker is replaced
    // right after, or (on a slow machine, past the 100 ms watch) is stopped with 413.
    const tight = await KuzuStore.open({
      path: join(tempDir(), 'tight.lbug'),
      readOnly: true,
      consoleMemoryLimitBytes: 1,
    });
    try {
      const outcome = await tight.runReadQuery('RETURN 1 AS one', {}, limits).catch((error: unknown) => error);
      if (!(outcome instanceof Error)) expect((outcome as { rows: unknown }).rows).toEqual([{ one: 1 }]);
      expect((tight as unknown as { console: { workerPid?: number } }).console.workerPid).toBeUndefined();
    } finally {
      await tight.close();
    }
  });
});
