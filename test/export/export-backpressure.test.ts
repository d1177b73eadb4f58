/**
 * Issue 13: the whole-graph export streams, so its memory does not grow with the graph. The store
 * is read no faster than the stream the export goes to takes it: a download that stalls holds the
 * reads at a page or two, and one that is cancelled ends the export, which lets go of its pages and
 * table of ids (it used to wait for a 'drain' that never came, holding them until the server
 * stopped). No time is measured.
 */
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic-graph.js';
import { selectSubgraph } from '../../server/export/subgraph-source.js';
import { ExportStreamClosedError, writeExport } from '../../server/export/write-export.js';
import type { GraphStore, Page } from '../../server/store/graph-store.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const graph = syntheticGraph({ nodes: 6000, edges: 24_000 });
const NODES = graph.nodes.length;
const EDGES = graph.edges.length;
/** The export's page (server/export/subgraph-source.ts): two in memory at most, one read ahead. */
const PAGE = 2000;

/** A stream that takes nothing until `flow()`: a download whose reader has stopped reading. */
function stalledStream(): { out: Writable; flow: () => void; text: () => string } {
  const chunks: string[] = [];
  let held: Array<() => void> | null = [];
  const out = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString());
      if (held) held.push(callback);
      else callback();
    },
  });
  const flow = () => {
    const waiting = held ?? [];
    held = null;
    for (const callback of waiting) callback();
  };
  return { out, flow, text: () => chunks.join('') };
}

/** Until the stream holds all it takes (its writer must wait for 'drain'), a turn of the loop at a time. */
async function filled(out: Writable): Promise<void> {
  while (!out.writableNeedDrain) await new Promise((resolve) => setImmediate(resolve));
}

describe('a whole-graph export into a stream that does not read', () => {
  const path = join(tempDir(), 'backpressure.lbug');
  let store: KuzuStore;
  /** Nodes and relationships the export has read from the store so far. */
  let read = 0;
  /** The store's pages, counted as they are read. */
  let counted: GraphStore;

  beforeAll(async () => {
    const writer = await KuzuStore.open({ path, readOnly: false });
    await writer.writeBatch(graph);
    await writer.close();
    store = await KuzuStore.open({ path, readOnly: true });
    const counting = async function* <T>(pages: AsyncIterable<Page<T>>) {
      for await (const page of pages) {
        read += page.length;
        yield page;
      }
    };
    counted = Object.assign(Object.create(store) as GraphStore, {
      nodePages: (size: number) => counting(store.nodePages(size)),
      edgePages: (size: number) => counting(store.edgePages(size)),
    });
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    removeTempDirs();
  });

  it('stops reading the store while the stream takes nothing, and writes everything once it does', async () => {
    read = 0;
    const { out, flow, text } = stalledStream();
    const exporting = writeExport('json', await selectSubgraph(counted, { kind: 'all' }, 60_000), out);
    await filled(out);
    // Time for whatever the engine still had under way to land (the page read ahead), and for
    // more if the export went on reading: the count is not timed, only bounded.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const whileStalled = read;
    expect(whileStalled).toBeLessThanOrEqual(3 * PAGE);
    flow();
    await exporting;
    out.end();
    const written = JSON.parse(text()) as { nodes: unknown[]; edges: unknown[] };
    expect(written.nodes).toHaveLength(NODES);
    expect(written.edges).toHaveLength(EDGES);
    expect(read).toBe(NODES + EDGES);
  }, 120_000);

  it('ends when the stream is closed before the export is written, and the next export runs', async () => {
    read = 0;
    const { out } = stalledStream();
    const exporting = writeExport('graphml', await selectSubgraph(counted, { kind: 'all' }, 60_000), out);
    await filled(out);
    out.destroy();
    await expect(exporting).rejects.toBeInstanceOf(ExportStreamClosedError);
    expect(read).toBeLessThanOrEqual(3 * PAGE);

    read = 0;
    const next = stalledStream();
    next.flow();
    await writeExport('json', await selectSubgraph(counted, { kind: 'all' }, 60_000), next.out);
    expect(read).toBe(NODES + EDGES);
  }, 120_000);
});
