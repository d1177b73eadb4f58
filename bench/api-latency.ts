/**
 * Import time of the sample corpus, counts after import, and the latency of the neighbours and
 * search endpoints over 200 calls each (median and 95th percentile). Prints figures, asserts nothing.
 * Run: npx tsx bench/api-latency.ts [articles-dir]            (Kuzu)
 *      NEO4J_URI=bolt://127.0.0.1:7687 npx tsx bench/api-latency.ts   (Neo4j; empties that database!)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/config.js';
import { percentile, serveForBench } from './bench-server.js';
import { importDocuments } from '../server/importer/import-documents.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { Neo4jStore } from '../server/store/neo4j/neo4j-store.js';

const CALLS = 200;
const articles = process.argv[2] ?? join(REPO_ROOT, 'data', 'articles');
const dir = mkdtempSync(join(tmpdir(), 'actorgraph-bench-'));
const dbPath = join(dir, 'graph.kuzu');

async function time(label: string, urls: string[]): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const url = urls[i % urls.length];
    const started = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(12)} ${CALLS} calls  median ${percentile(samples, 50).toFixed(2)} ms  p95 ${percentile(samples, 95).toFixed(2)} ms`,
  );
}

const neo4jUri = process.env.NEO4J_URI;
let writer: GraphStore;
if (neo4jUri) {
  const neo4j = await Neo4jStore.open({ uri: neo4jUri });
  await neo4j.deleteEverything();
  writer = neo4j;
} else {
  writer = await KuzuStore.open({ path: dbPath, readOnly: false });
}
console.log(`store        ${neo4jUri ? `neo4j ${neo4jUri}` : 'kuzu (embedded)'}`);
const started = performance.now();
const report = await importDocuments(writer, [articles]);
const importMs = performance.now() - started;
const stats = await writer.stats();
if (!neo4jUri) await writer.close();
console.log(
  `import       ${report.documents.length} documents in ${importMs.toFixed(0)} ms (skipped ${report.skipped.length})`,
);
console.log(`nodes        ${JSON.stringify(stats.nodes)}`);
console.log(`relations    ${JSON.stringify(stats.relationships)}`);

const store = neo4jUri ? writer : await KuzuStore.open({ path: dbPath, readOnly: true });
const server = await serveForBench(store);
const actors = (await store.overview(50, 1)).nodes.filter((node) => node.label === 'Actor').map((node) => node.id);
await time(
  'neighbors',
  actors.map((id) => `${server.url}/api/nodes/${encodeURIComponent(id)}/neighbors?limit=20`),
);
const terms = ['aliyev', 'blinken', 'minsk', 'balanced policy', 'carnegie', 'baer', 'peace', 'washington'];
await time(
  'search',
  terms.map((q) => `${server.url}/api/search?q=${encodeURIComponent(q)}&limit=10`),
);
await server.stop();
await store.close();
rmSync(dir, { recursive: true, force: true });
