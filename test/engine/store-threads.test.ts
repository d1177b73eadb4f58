/**
 * What caught Kuzu 0.11.3's multi-threaded scans: on several threads, `e.id IN $ids` (findEdges)
 * now and then answered a wrong relationship and shortest paths named relationships that were not
 * found. The store now runs queries on the engine's default threads; this checks, on the sample
 * corpus, every answer against the exported graph: 300 findEdges calls and 150 shortest paths
 * whose lengths must equal a breadth-first search's.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import type { GraphBatch } from '../../server/domain/graph.js';
import { importDocuments } from '../../server/importer/import-documents.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

let store: KuzuStore;
let graph: GraphBatch;

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function hopsByBreadthFirst(from: string, to: string, maxLength: number): number | null {
  const adjacent = new Map<string, string[]>();
  for (const edge of graph.edges) {
    adjacent.set(edge.source, [...(adjacent.get(edge.source) ?? []), edge.target]);
    adjacent.set(edge.target, [...(adjacent.get(edge.target) ?? []), edge.source]);
  }
  let frontier = [from];
  const seen = new Set(frontier);
  for (let hops = 1; hops <= maxLength; hops++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const other of adjacent.get(node) ?? []) {
        if (other === to) return hops;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return null;
}

beforeAll(async () => {
  const path = join(tempDir(), 'threads.lbug');
  const writer = await KuzuStore.open({ path, readOnly: false });
  await importDocuments(writer, [join(REPO_ROOT, 'data', 'articles')]);
  await writer.close();
  store = await KuzuStore.open({ path, readOnly: true });
  graph = await store.exportAll();
});

afterAll(async () => {
  await store?.close();
  removeTempDirs();
});

describe('the embedded store on several threads', () => {
  it('finds exactly the relationships asked for, call after call', async () => {
    const rand = random(11);
    const byId = new Map(graph.edges.map((edge) => [edge.id, edge]));
    let wrong = 0;
    for (let call = 0; call < 300; call++) {
      const asked = new Set(Array.from({ length: 40 }, () => graph.edges[Math.floor(rand() * graph.edges.length)].id));
      const found = await store.findEdges([...asked]);
      const right =
        found.length === asked.size &&
        found.every((edge) => {
          const truth = byId.get(edge.id);
          return truth && truth.source === edge.source && truth.target === edge.target && truth.type === edge.type;
        });
      if (!right) wrong += 1;
    }
    expect(wrong).toBe(0);
  });

  it('finds shortest paths as long as a breadth-first search says', { timeout: 120_000 }, async () => {
    const rand = random(5);
    const ids = graph.nodes.map((node) => node.id);
    for (let i = 0; i < 150; i++) {
      const from = ids[Math.floor(rand() * ids.length)];
      const to = ids[Math.floor(rand() * ids.length)];
      if (from === to) continue;
      const path = await store.shortestPath(from, to, { maxLength: 6, types: [] });
      expect(path ? path.edges.length : null, `${from} -> ${to}`).toBe(hopsByBreadthFirst(from, to, 6));
    }
  });
});
