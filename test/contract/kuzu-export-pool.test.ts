/**
 * The whole-graph export streams on LadybugDB: its pages are ranges of a table, read through a
 * database instance with a buffer pool of its own, so that the engine's memory for an export is
 * that pool whatever the size of the graph (KuzuStore.exportLane). Here the pool is a fraction of
 * the database, and the export still reads every node and relationship once, in bounded pages.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import type { GraphEdge } from '../../server/domain/graph.js';
import { syntheticGraph } from '../../bench/synthetic-graph.js';
import { edge, entity } from '../helpers/sample-graph.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const POOL_BYTES = 16 * 1024 * 1024;
const PAGE_SIZE = 500;

describe('the whole-graph export on LadybugDB', () => {
  const path = join(tempDir(), 'export-pool.lbug');
  const graph = syntheticGraph({ nodes: 12_000, edges: 60_000 });
  let store: KuzuStore;

  beforeAll(async () => {
    const writer = await KuzuStore.open({ path, readOnly: false });
    await writer.writeBatch(graph);
    await writer.close();
    store = await KuzuStore.open({ path, readOnly: true, exportBufferPoolBytes: POOL_BYTES });
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    removeTempDirs();
  });

  it('reads a database larger than its buffer pool, every node and relationship once with its ends, in bounded pages', async () => {
    expect(statSync(path).size).toBeGreaterThan(2 * POOL_BYTES);
    const nodes = new Set<string>();
    for await (const page of store.nodePages(PAGE_SIZE)) {
      expect(page.length).toBeLessThanOrEqual(PAGE_SIZE);
      for (const node of page) nodes.add(node.id);
    }
    expect(nodes.size).toBe(graph.nodes.length);
    const ends = new Map(graph.edges.map((edge) => [edge.id, `${edge.source} -> ${edge.target}`]));
    const edges = new Set<string>();
    let largest = 0;
    let wrongEnds = 0;
    for await (const page of store.edgePages(PAGE_SIZE)) {
      largest = Math.max(largest, page.length);
      for (const edge of page) {
        edges.add(edge.id);
        // Both ends come back as offsets in their tables, mapped to ids by the export.
        if (ends.get(edge.id) !== `${edge.source} -> ${edge.target}`) wrongEnds += 1;
      }
    }
    expect(edges.size).toBe(graph.edges.length);
    expect(wrongEnds).toBe(0);
    // A page is a range of source nodes sized to about PAGE_SIZE relationships by the last range
    // and cut where its nodes' stored degrees pass 4 x PAGE_SIZE (no node here has that many):
    // sized by the last range alone, a CI run gave a page of 5,275.
    expect(largest).toBeLessThanOrEqual(4 * PAGE_SIZE);
  }, 300_000);

  it('leaves no engine result open when an export stops after its first page', async () => {
    // A page is the engine's result, read as it is written (RowsPage): one left open would hold
    // its rows in the engine until the server stops.
    const open = (store as unknown as { exportResults: Set<unknown> }).exportResults;
    for await (const page of store.edgePages(PAGE_SIZE)) {
      expect(page.length).toBeGreaterThan(0);
      expect(open.size).toBeGreaterThan(0);
      break;
    }
    expect(open.size).toBe(0);
    // The next export is whole; its pages' rows never read here (only their lengths), the last
    // page's result is closed with the export lane, a moment after the export.
    let nodes = 0;
    for await (const page of store.nodePages(PAGE_SIZE)) nodes += page.length;
    expect(nodes).toBe(graph.nodes.length);
    await expect.poll(() => open.size, { timeout: 15_000 }).toBe(0);
  }, 300_000);
});

describe('relationship pages on LadybugDB where the table grows denser', () => {
  // 300 actors with no relationship, then 300 with five MET each: the empty ranges widened the
  // next one to every dense actor at once, a page of all 1,500 relationships for a page size of 10
  // (as a 1M-node export read 159,000 rows at once, and then filled its buffer pool).
  const sparse = Array.from({ length: 300 }, (_, i) => entity(`actor:quiet-${i}`, 'Actor', `Quiet ${i}`, 'person'));
  const dense = Array.from({ length: 300 }, (_, i) => entity(`actor:busy-${i}`, 'Actor', `Busy ${i}`, 'person'));
  const met: GraphEdge[] = dense.flatMap((actor, i) =>
    [1, 2, 3, 4, 5].map((step) => edge('MET', actor, dense[(i + step) % dense.length])),
  );
  let store: KuzuStore;

  beforeAll(async () => {
    // Made here: the describe above removes its temporary folders when it ends.
    const path = join(tempDir(), 'denser.lbug');
    const writer = await KuzuStore.open({ path, readOnly: false });
    await writer.writeBatch({ nodes: [...sparse, ...dense], edges: met });
    await writer.close();
    store = await KuzuStore.open({ path, readOnly: true });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    removeTempDirs();
  });

  it('cuts a range where its nodes have more relationships than a few pages hold', async () => {
    const sizes: number[] = [];
    const read = new Set<string>();
    for await (const page of store.edgePages(10)) {
      sizes.push(page.length);
      for (const each of page) read.add(each.id);
    }
    expect(read.size).toBe(met.length);
    // Each busy actor has ten relationships (five out, five in): four pages' worth is four actors.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(40);
  }, 120_000);
});
