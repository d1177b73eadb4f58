/**
 * The embedded store's two ways of writing new rows (kuzu-writer.ts): the bulk path (COPY FROM
 * CSV files) and UNWIND ... CREATE. Whatever the text, both must leave the same graph as each
 * other, each write stays all or nothing, and an interrupted run's missing full-text indexes are
 * reported by /api/ready.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeEvidence, type GraphBatch, type GraphNode } from '../../server/domain/graph.js';
import { createApp } from '../../server/http/app.js';
import type { GraphParts } from '../../server/store/graph-store.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { mergeCarried } from '../../server/importer/merge-carried.js';
import { entity, sampleGraph } from '../helpers/sample-graph.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** Text the CSV files must carry unchanged: quotes, separators, escapes, line breaks, scripts. */
const HOSTILE_TEXTS = [
  'He said ""hi"", then "left"',
  'a,b,,c',
  'line one\nline two\r\nline three',
  'back\\slash \\" \\n not a newline',
  "single 'quoted' O'Brien",
  '東京 Ünïcödé Zoë 🕊️ مرحبا',
  '=HYPERLINK("http://x")',
  '',
  ' leading and trailing spaces ',
  '[not, a, list]',
  'NULL',
  '\t tab',
];
const HOSTILE_LISTS = [
  ['a,b', 'c"d', "O'Brien"],
  ['[x]', 'NULL', ' spaced '],
  ['plain', 'Mr. Smith'],
  [''],
  ['東京', 'Zoë'],
  [],
];

function hostileGraph(): GraphBatch {
  const graph = sampleGraph();
  HOSTILE_TEXTS.forEach((text, i) => {
    const node: GraphNode = entity(
      `actor:hostile-${i}`,
      'Actor',
      text,
      'person',
      HOSTILE_LISTS[i % HOSTILE_LISTS.length],
    );
    node.properties.description = i % 2 === 0 ? text : null;
    node.properties.confidence = i % 3 === 0 ? 1 : 0.25 * (i % 4);
    graph.nodes.push(node);
    graph.edges.push({
      id: `MET:actor:hostile-${i}->actor:hostile-${(i + 1) % HOSTILE_TEXTS.length}`,
      type: 'MET',
      source: `actor:hostile-${i}`,
      target: `actor:hostile-${(i + 1) % HOSTILE_TEXTS.length}`,
      sourceLabel: 'Actor',
      targetLabel: 'Actor',
      properties: {
        rule: text,
        confidence: i % 2 === 0 ? 1 : 0.5,
        evidence: encodeEvidence([{ documentId: 'doc:1', sentence: text, start: i, end: i + 1 }]),
        date: null,
      },
    });
  });
  graph.nodes.push({
    id: 'doc:hostile',
    label: 'Document',
    properties: {
      title: HOSTILE_TEXTS.join(' | '),
      url: null,
      publisher: 'x,"y"',
      authors: ['A, B', 'C'],
      published: null,
      text: HOSTILE_TEXTS.join('\n'),
      wordCount: 12,
      contentHash: 'h',
      source: null,
    },
  });
  return graph;
}

/** A second batch that adds evidence to facts and aliases to people already written. */
function laterBatch(): GraphBatch {
  const graph = hostileGraph();
  for (const node of graph.nodes) if (node.label === 'Actor') node.properties.aliases = ['later alias, with comma'];
  for (const edge of graph.edges) {
    edge.properties.evidence = encodeEvidence([{ documentId: 'doc:2', sentence: 'Later "again".', start: 1, end: 2 }]);
  }
  return graph;
}

async function writeAll(bulkMinRows: number): Promise<{ graph: GraphBatch; path: string }> {
  const path = join(tempDir(), `bulk-${bulkMinRows}.lbug`);
  const store = await KuzuStore.open({ path, readOnly: false, bulkMinRows });
  try {
    const run = await store.beginWrites();
    await run.write(hostileGraph());
    await run.write(hostileGraph()); // written twice = written once
    await run.write(await mergeCarried(store, laterBatch()));
    await run.finish();
    const graph = await store.exportAll();
    return { graph, path };
  } finally {
    await store.close();
  }
}

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

describe('the embedded store writes new rows through COPY FROM or UNWIND ... CREATE alike', () => {
  it('gives the same graph both ways, with hostile text and lists round-tripping exactly', async () => {
    const bulk = await writeAll(0);
    const create = await writeAll(Number.POSITIVE_INFINITY);
    expect(byId(bulk.graph.nodes)).toEqual(byId(create.graph.nodes));
    expect(byId(bulk.graph.edges)).toEqual(byId(create.graph.edges));

    const expected = hostileGraph();
    const written = new Map(bulk.graph.nodes.map((node) => [node.id, node]));
    HOSTILE_TEXTS.forEach((text, i) => {
      const node = written.get(`actor:hostile-${i}`)!;
      expect(node.properties.name).toBe(text);
      expect(node.properties.description).toBe(i % 2 === 0 ? text : null);
      // The later batch's alias was merged with the first ones.
      expect(node.properties.aliases).toEqual(
        expect.arrayContaining([...HOSTILE_LISTS[i % HOSTILE_LISTS.length], 'later alias, with comma']),
      );
    });
    const doc = written.get('doc:hostile')!;
    const expectedDoc = expected.nodes.find((node) => node.id === 'doc:hostile')!;
    expect(doc.properties).toEqual(expectedDoc.properties);
    // One relationship per fact, with the evidence of both batches.
    const met = bulk.graph.edges.filter((edge) => edge.id === 'MET:actor:hostile-0->actor:hostile-1');
    expect(met).toHaveLength(1);
    expect(String(met[0].properties.evidence)).toContain('doc:2');
    expect(String(met[0].properties.evidence)).toContain('doc:1');
    // The later batch updated those relationships in place: every text kept as written, '' included.
    HOSTILE_TEXTS.forEach((text, i) => {
      const id = `MET:actor:hostile-${i}->actor:hostile-${(i + 1) % HOSTILE_TEXTS.length}`;
      expect(bulk.graph.edges.find((edge) => edge.id === id)?.properties.rule, id).toBe(text);
    });
  });

  it('leaves nothing of a batch that fails half-way, on either path', async () => {
    for (const bulkMinRows of [0, Number.POSITIVE_INFINITY]) {
      const path = join(tempDir(), 'failing.lbug');
      const store = await KuzuStore.open({ path, readOnly: false, bulkMinRows });
      try {
        const bad = hostileGraph();
        // A relationship table comes after the node tables: the nodes are in when it fails.
        bad.edges[bad.edges.length - 1].properties.confidence = 'not a number';
        await expect(store.writeBatch(bad)).rejects.toThrow();
        expect(await store.isEmpty()).toBe(true);
        // And the store takes the next batch.
        await store.writeBatch(hostileGraph());
        expect((await store.stats()).totalNodes).toBe(hostileGraph().nodes.length);
      } finally {
        await store.close();
      }
    }
  });
});

/** A batch as a write in parts: the nodes in two parts, then the relationships, which end at nodes of earlier parts. */
async function* inParts(batch: GraphBatch): GraphParts {
  const half = Math.ceil(batch.nodes.length / 2);
  yield { nodes: batch.nodes.slice(0, half), edges: [] };
  yield { nodes: batch.nodes.slice(half), edges: batch.edges.slice(0, 3) };
  yield { nodes: [], edges: batch.edges.slice(3) };
}

/** The graph and every node's stored degree after these writes. */
async function written(writes: Array<GraphBatch | GraphParts>): Promise<{ graph: GraphBatch; degrees: number[] }> {
  const store = await KuzuStore.open({ path: join(tempDir(), 'parts.lbug'), readOnly: false });
  try {
    const run = await store.beginWrites();
    for (const write of writes) await run.write(write);
    await run.finish();
    const graph = await store.exportAll();
    const degrees = await Promise.all(byId(graph.nodes).map((node) => store.degree(node.id)));
    return { graph: { nodes: byId(graph.nodes), edges: byId(graph.edges) }, degrees };
  } finally {
    await store.close();
  }
}

describe("a write in parts (the import's statements)", () => {
  it('gives the graph and degrees of the same write in one batch, new rows and updates alike', async () => {
    const whole = await written([hostileGraph(), laterBatch()]);
    const parts = await written([inParts(hostileGraph()), inParts(laterBatch())]);
    expect(parts).toEqual(whole);
  });

  it('is all or nothing: a new row given in two parts leaves nothing of the write', async () => {
    const store = await KuzuStore.open({ path: join(tempDir(), 'twice.lbug'), readOnly: false });
    try {
      const run = await store.beginWrites();
      const graph = hostileGraph();
      const twice = (async function* () {
        yield graph;
        yield { nodes: [graph.nodes[0]], edges: [] };
      })();
      await expect(run.write(twice)).rejects.toThrow(/twice/);
      await run.finish();
      expect(await store.isEmpty()).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('full-text indexes after an interrupted run', () => {
  it('makes /api/ready say not ready, with the reason, while the indexes are missing', async () => {
    const path = join(tempDir(), 'interrupted.lbug');
    const writer = await KuzuStore.open({ path, readOnly: false });
    await writer.writeBatch(sampleGraph());
    await writer.close();
    // What a run killed between dropping and rebuilding the indexes leaves next to the database.
    writeFileSync(`${path}.fts-pending`, '');
    const reader = await KuzuStore.open({ path, readOnly: true });
    try {
      const app = createApp({
        store: reader,
        version: '1',
        bodyLimitBytes: 1024,
        timeoutMs: 1000,
        rowLimit: 10,
        lifecycle: { shuttingDown: false },
      });
      const ready = await request(app).get('/api/ready').expect(503);
      expect(ready.body).toMatchObject({ ready: false, reason: expect.stringContaining('full-text') });
    } finally {
      await reader.close();
    }
  });
});
