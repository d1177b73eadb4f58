/**
 * LadybugDB nodes keep their degree (server/store/kuzu/kuzu-degrees.ts) and the neighbours and
 * the overview rank by it: after every kind of write it must equal a fresh count of the node's
 * relationships, or a busy node would be ranked where it no longer belongs. A database made
 * before the column existed gets it, filled, on its first read-write open.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import type { GraphEdge } from '../../server/domain/graph.js';
import { NODE_LABELS } from '../../server/domain/graph.js';
import { importDocuments } from '../../server/importer/import-documents.js';
import { DEGREE_COLUMN, hasStoredDegrees } from '../../server/store/kuzu/kuzu-degrees.js';
import { rankedNeighborIds } from '../../server/store/kuzu/kuzu-neighbors.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { sampleGraph } from '../helpers/sample-graph.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

type Rows = (statement: string, params?: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;
const rowsOf =
  (store: KuzuStore): Rows =>
  (statement, params) =>
    store['rows'](statement, params);

/** Every node's stored degree and a fresh count, by id. */
async function degrees(store: KuzuStore): Promise<{ stored: Map<string, number>; counted: Map<string, number> }> {
  const rows = await rowsOf(store)(
    `MATCH (n) OPTIONAL MATCH (n)-[e]-() WITH n, count(e) AS counted RETURN n.id AS id, n.${DEGREE_COLUMN} AS stored, counted`,
  );
  return {
    stored: new Map(rows.map((row) => [String(row.id), Number(row.stored)])),
    counted: new Map(rows.map((row) => [String(row.id), Number(row.counted)])),
  };
}

/** The stored degrees, checked against a fresh count. */
async function trueDegrees(store: KuzuStore): Promise<Map<string, number>> {
  const { stored, counted } = await degrees(store);
  expect(stored.size).toBeGreaterThan(0);
  expect(stored).toEqual(counted);
  return stored;
}

const corpus = (folder: string) => join(REPO_ROOT, folder);

describe('stored degrees on LadybugDB', () => {
  it('equal a fresh count after an import, an incremental import and re-imports', { timeout: 240_000 }, async () => {
    // bulkMinRows 0: the first import goes in by COPY FROM, the later ones' new rows too.
    const store = await KuzuStore.open({ path: join(tempDir(), 'graph.lbug'), readOnly: false, bulkMinRows: 0 });
    try {
      // Small batches: several writes, and the statements written at the end of the import.
      await importDocuments(store, [corpus('data/articles')], { batchSize: 1 });
      const first = await trueDegrees(store);
      expect(Math.max(...first.values())).toBeGreaterThan(1);

      await importDocuments(store, [corpus('test/fixtures/articles/unseen')], { batchSize: 4 });
      const second = await trueDegrees(store);
      // Nodes of the first import got relationships from the second.
      expect([...first].some(([id, degree]) => (second.get(id) ?? 0) > degree)).toBe(true);

      // The same files again: every relationship exists already and must not count twice.
      await importDocuments(store, [corpus('data/articles'), corpus('test/fixtures/articles/unseen')], {
        batchSize: 3,
      });
      expect(await trueDegrees(store)).toEqual(second);
    } finally {
      await store.close();
    }
  });

  it('equal a fresh count after row-by-row writes and a batch written twice', async () => {
    const store = await KuzuStore.open({ path: join(tempDir(), 'graph.lbug'), readOnly: false, bulkMinRows: Infinity });
    try {
      const graph = sampleGraph();
      const [firstHalf, secondHalf] = [graph.edges.slice(0, 3), graph.edges.slice(3)];
      await store.writeBatch({ nodes: graph.nodes, edges: firstHalf });
      await trueDegrees(store);
      await store.writeBatch({ nodes: [], edges: secondHalf });
      const whole = await trueDegrees(store);
      await store.writeBatch(graph);
      expect(await trueDegrees(store)).toEqual(whole);
      // A relationship to a node that exists nowhere is left out, and counts nowhere.
      const dangling: GraphEdge = { ...graph.edges[0], id: 'MET:dangling', target: 'actor:nobody' };
      await store.writeBatch({ nodes: [], edges: [dangling] });
      expect(await trueDegrees(store)).toEqual(whole);
    } finally {
      await store.close();
    }
  });

  it('are added and filled on the first read-write open of a database made without them', async () => {
    const path = join(tempDir(), 'old.lbug');
    const store = await KuzuStore.open({ path, readOnly: false });
    await store.writeBatch(sampleGraph());
    const expected = await trueDegrees(store);
    // The database as the code before stored degrees left it: no such column.
    for (const label of NODE_LABELS) await rowsOf(store)(`ALTER TABLE ${label} DROP ${DEGREE_COLUMN}`);
    expect(await hasStoredDegrees(rowsOf(store))).toBe(false);
    await store.close();

    const reopened = await KuzuStore.open({ path, readOnly: false });
    try {
      expect(await hasStoredDegrees(rowsOf(reopened))).toBe(true);
      expect(await trueDegrees(reopened)).toEqual(expected);
    } finally {
      await reopened.close();
    }
  });

  it('are no property: not in nodes, neighbours, the overview, the export or the schema', async () => {
    const store = await KuzuStore.open({ path: join(tempDir(), 'graph.lbug'), readOnly: false });
    try {
      await store.writeBatch(sampleGraph());
      const nodes = [
        ...(await store.overview(10, 100)).nodes,
        ...(await store.neighbors('actor:ada-lovelace', { limit: 10, types: [] })).nodes,
        ...(await store.exportAll()).nodes,
      ];
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) expect(Object.keys(node.properties)).not.toContain(DEGREE_COLUMN);
      const schema = await store.schema();
      expect(schema.propertyKeys).not.toContain(DEGREE_COLUMN);
      for (const label of schema.labels) expect(label.properties).not.toContain(DEGREE_COLUMN);
    } finally {
      await store.close();
    }
  });

  it('rank neighbours and the overview as counting does (the read-only fallback)', async () => {
    const store = await KuzuStore.open({ path: join(tempDir(), 'graph.lbug'), readOnly: false });
    try {
      const graph = sampleGraph();
      await store.writeBatch(graph);
      const rows = rowsOf(store);
      for (const node of graph.nodes) {
        for (const skip of [0, 1]) {
          const options = { limit: 2, skip, types: [] };
          const stored = await rankedNeighborIds(rows, node, options, true);
          expect(await rankedNeighborIds(rows, node, options, false)).toEqual(stored);
        }
      }
      const overview = (name: string) =>
        store['query'](name, { limit: 5 }).then((found) =>
          found.map((row) => `${String(row.id)} ${String(row.label)}`),
        );
      expect(await overview('overview-counted')).toEqual(await overview('overview'));
    } finally {
      await store.close();
    }
  });
});
