/**
 * A checkpoint that runs out of LadybugDB's buffer pool after a committed write (the import's
 * case with a large database: the checkpoint rewrites every node group the write reached). The
 * writer must say so and stop: the engine loses the commits that follow a failed checkpoint
 * (engine-defects.test.ts), and before this the import took the failure for a write too large
 * and wrote it again in halves onto the half-checkpointed database.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../server/domain/errors.js';
import type { GraphEdge, GraphNode } from '../../server/domain/graph.js';
import { IMPORT_AUTO_CHECKPOINT } from '../../server/store/kuzu/kuzu-database.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { statsOf } from '../helpers/database-copies.js';
import { entity } from '../helpers/sample-graph.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

const ACTORS = 8192;
/**
 * A pool that holds the small write below but not the checkpoint after it (LadybugDB 0.19.1:
 * the write itself failed at 32 MB, the checkpoint passed at 96 MB; 40-64 MB give this case).
 */
const CHECKPOINT_TOO_LARGE_POOL_BYTES = 48 * 1024 * 1024;
/** Long evidence on every relationship, so that one node group of MET is more than the small pool. */
const LONG = 'x'.repeat(400);

function met(source: number, target: number, evidence: string): GraphEdge {
  return {
    id: `MET:${source}->${target}`,
    type: 'MET',
    source: `actor:a${source}`,
    target: `actor:a${target}`,
    sourceLabel: 'Actor',
    targetLabel: 'Actor',
    properties: { rule: 'test', confidence: 0.9, evidence: evidence + source, date: null },
  };
}

/** One relationship from every 64th actor: every node group of MET is rewritten at checkpoint. */
function spreadWrite(round: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const edges: GraphEdge[] = [];
  for (let i = round; i < ACTORS; i += 64) edges.push(met(i, (i + 100 + round) % ACTORS, 'new'));
  return { nodes: [], edges };
}

/** Read in a child process (database-copies.ts): the database is opened after a failed checkpoint. */
const countMet = async (path: string) => (await statsOf(path)).relationships.MET ?? 0;

describe('a checkpoint that runs out of buffer pool', () => {
  it(
    'stops the writer with a message that says so, and keeps the write that committed',
    { timeout: 300_000 },
    async () => {
      const path = join(tempDir(), 'graph.lbug');
      const setup = await KuzuStore.open({ path, readOnly: false });
      const nodes = Array.from({ length: ACTORS }, (_, i) => entity(`actor:a${i}`, 'Actor', `Person ${i}`, 'person'));
      const edges: GraphEdge[] = [];
      for (let k = 1; k <= 20; k++) for (let i = 0; i < ACTORS; i++) edges.push(met(i, (i + k) % ACTORS, LONG));
      await setup.writeBatch({ nodes, edges });
      await setup.close();

      const store = await KuzuStore.open({
        path,
        readOnly: false,
        bufferPoolBytes: CHECKPOINT_TOO_LARGE_POOL_BYTES,
        autoCheckpoint: IMPORT_AUTO_CHECKPOINT,
      });
      const writer = await store.beginWrites();
      const first = await writer.write(spreadWrite(1)).catch((error: unknown) => error);
      expect(first).toBeInstanceOf(StoreUnavailableError);
      expect((first as Error).message).toMatch(
        /could not checkpoint a write .*buffer pool is full.*Run the import again/is,
      );
      // Nothing more is written: the engine would report it done and lose it.
      await expect(writer.write(spreadWrite(2))).rejects.toBe(first);
      await store.close();

      expect(await countMet(path)).toBe(20 * ACTORS + ACTORS / 64);
    },
  );
});
