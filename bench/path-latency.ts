/**
 * Latency of GET /api/paths/shortest between two sample actors (Ilham Aliyev and Daniel Baer):
 * 50 calls each, any relationship and SAID/ABOUT only, median and 95th percentile, on Kuzu and,
 * when NEO4J_URI is set, on Neo4j too. Prints figures, asserts nothing.
 * Run: npx tsx bench/path-latency.ts
 *      NEO4J_URI=bolt://127.0.0.1:7687 npx tsx bench/path-latency.ts   (also Neo4j; empties that database!)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/config.js';
import type { PathResponse } from '../server/domain/api.js';
import { percentile, serveForBench } from './bench-server.js';
import { importDocuments } from '../server/importer/import-documents.js';
import { searchHits } from '../server/explore/graph-views.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { Neo4jStore } from '../server/store/neo4j/neo4j-store.js';

const CALLS = 50;
const WARMUP = 5;
const ARTICLES = join(REPO_ROOT, 'data', 'articles');

async function actorId(store: GraphStore, name: string): Promise<string> {
  const hit = (await searchHits(store, name, 5)).find((result) => result.caption === name);
  if (!hit) throw new Error(`no actor named ${name} in the sample corpus`);
  return hit.id;
}

async function time(label: string, url: string): Promise<void> {
  const samples: number[] = [];
  let length: number | null = null;
  for (let i = 0; i < WARMUP + CALLS; i++) {
    const started = performance.now();
    const res = await fetch(url);
    const body = (await res.json()) as PathResponse;
    if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
    if (i >= WARMUP) samples.push(performance.now() - started);
    length = body.length;
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(24)} length ${String(length).padEnd(4)} ${CALLS} calls  median ${percentile(samples, 50).toFixed(2)} ms  p95 ${percentile(samples, 95).toFixed(2)} ms`,
  );
}

async function bench(kind: 'kuzu' | 'neo4j'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-path-bench-'));
  const dbPath = join(dir, 'graph.kuzu');
  let store: GraphStore;
  if (kind === 'neo4j') {
    const neo4j = await Neo4jStore.open({ uri: process.env.NEO4J_URI! });
    await neo4j.deleteEverything();
    await importDocuments(neo4j, [ARTICLES]);
    store = neo4j;
  } else {
    const writer = await KuzuStore.open({ path: dbPath, readOnly: false });
    await importDocuments(writer, [ARTICLES]);
    await writer.close();
    store = await KuzuStore.open({ path: dbPath, readOnly: true });
  }
  const server = await serveForBench(store);
  try {
    const from = encodeURIComponent(await actorId(store, 'Ilham Aliyev'));
    const to = encodeURIComponent(await actorId(store, 'Daniel Baer'));
    const base = `${server.url}/api/paths/shortest?from=${from}&to=${to}`;
    console.log(`store ${kind === 'neo4j' ? `neo4j ${process.env.NEO4J_URI}` : 'kuzu (embedded)'}`);
    await time(`${kind} any type`, base);
    await time(`${kind} SAID,ABOUT`, `${base}&types=SAID,ABOUT`);
    await time(`${kind} maxLength=1 (none)`, `${base}&maxLength=1`);
  } finally {
    await server.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await bench('kuzu');
if (process.env.NEO4J_URI) await bench('neo4j');
