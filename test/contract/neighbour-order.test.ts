/**
 * A node's neighbours are ranked by degree, then by id, and paged by skip/limit. Ids that tie in
 * degree must come in the same order on every path, or a page could repeat a node and skip another:
 * LadybugDB ranks them in JavaScript (kuzu-neighbors.ts: degrees by offset for few neighbours, by
 * walks for many), Neo4j in one query. Ids with characters past U+FFFF are where JavaScript's `<` (UTF-16 code
 * units) and the engines' string order part. The Neo4j half runs when NEO4J_URI is set.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphBatch, GraphEdge, GraphNode } from '../../server/domain/graph.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { entity } from '../helpers/sample-graph.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** Names that tie in degree: accents, Greek, Han, a fullwidth letter (U+FF21), astral letters and an emoji. */
const TIED = ['é', 'e', 'z', 'Ａ', '𝔸', 'Ω', '中', '😀', 'ä', 'Z', '𝔹', '\uE000'];
const tiedIds = TIED.map((name) => `actor:tie-${name}`);

/** Code point order (UTF-8 byte order): what both engines' ORDER BY gives for these ids. */
function byCodePoints(a: string, b: string): number {
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

function met(source: GraphNode, target: GraphNode): GraphEdge {
  return {
    id: `MET:${source.id}->${target.id}`,
    type: 'MET',
    source: source.id,
    target: target.id,
    sourceLabel: source.label,
    targetLabel: target.label,
    properties: { rule: 'test', confidence: 0.9, evidence: null, date: null },
  };
}

/**
 * Others the busy centre met besides the tied actors: past 200, where LadybugDB's ranking once
 * switched to another query, so that a centre this busy keeps being checked.
 */
const BUSY_OTHERS = 205;

/**
 * A small centre that met every tied actor, and a busy one that met them too and BUSY_OTHERS
 * others: each tied actor has degree 2, every other actor 1.
 */
function tiedGraph(): GraphBatch {
  const small = entity('actor:centre-small', 'Actor', 'Small Centre', 'person');
  const busy = entity('actor:centre-busy', 'Actor', 'Busy Centre', 'person');
  const tied = TIED.map((name, i) => entity(tiedIds[i], 'Actor', `Tied ${name}`, 'person'));
  const others = Array.from({ length: BUSY_OTHERS }, (_, i) =>
    entity(`actor:other-${String(i).padStart(3, '0')}`, 'Actor', `Other ${i}`, 'person'),
  );
  const edges = [...tied.map((node) => met(small, node)), ...[...tied, ...others].map((node) => met(busy, node))];
  return { nodes: [small, busy, ...tied, ...others], edges };
}

/** The neighbours of `centre`, page by page of `size`, until a page comes back short. */
async function pagedNeighbours(store: GraphStore, centre: string, size: number, upTo: number): Promise<string[]> {
  const ids: string[] = [];
  for (let skip = 0; skip < upTo; skip += size) {
    const page = await store.neighbors(centre, { limit: size, skip, types: [] });
    const ranked = page.nodes.map((node) => node.id).filter((id) => id !== centre);
    ids.push(...ranked);
    if (ranked.length < size) break;
  }
  return ids;
}

const expected = [...tiedIds].sort(byCodePoints);

/** The tied ids come in code point order, three per page, from the small centre and the busy one. */
async function expectTiesInOrder(store: GraphStore): Promise<void> {
  await store.writeBatch(tiedGraph());
  expect(await pagedNeighbours(store, 'actor:centre-small', 3, 100)).toEqual(expected);
  expect(await pagedNeighbours(store, 'actor:centre-busy', 3, TIED.length)).toEqual(expected);
}

describe('neighbours that tie in degree, with non-ASCII ids', () => {
  it('page in one order on both LadybugDB paths: no gaps, no repeats', async () => {
    const store = await KuzuStore.open({ path: join(tempDir(), 'ties.lbug'), readOnly: false });
    try {
      await expectTiesInOrder(store);
    } finally {
      await store.close();
    }
  });

  it.runIf(process.env.NEO4J_URI)('page in the same order on Neo4j', async () => {
    const store = await Neo4jStore.open({ uri: process.env.NEO4J_URI! });
    try {
      await store.deleteEverything();
      await expectTiesInOrder(store);
    } finally {
      await store.close();
    }
  });
});
