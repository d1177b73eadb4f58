/**
 * Soak: 20,000 mixed requests (search, neighbours, node details, overview, shortest path, console,
 * neighbourhood export) against a served database, a few in flight at once. Prints requests/s,
 * p50/p99 latency, the statuses, and the server process's resident memory at the start (after a
 * warm-up and a GC), at the end, and after a GC at the end, with end-after-GC / start (issue 14
 * item 2: the target is within 10%). The server runs in its own process (bench/soak-server.ts,
 * --expose-gc), so the figures are its memory alone. Prints figures, asserts nothing.
 *
 * Run: npx tsx bench/soak.ts [requests=20000] [in-flight=8]            (LadybugDB, synthetic graph)
 *      NEO4J_URI=bolt://127.0.0.1:7687 npx tsx bench/soak.ts             (Neo4j: empties that database,
 *      and refuses unless it is a throwaway test server, see Neo4jStore.deleteEverything)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GraphStore } from '../server/store/graph-store.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { Neo4jStore } from '../server/store/neo4j/neo4j-store.js';
import { percentile } from './bench-server.js';
import { syntheticGraph } from './synthetic-graph.js';

const REQUESTS = Number(process.argv[2] ?? 20_000);
const IN_FLIGHT = Number(process.argv[3] ?? 8);
const WARM_UP = Math.min(500, Math.ceil(REQUESTS / 10));
const GRAPH = { nodes: 3000, edges: 8000 };

const neo4jUri = process.env.NEO4J_URI;
const dir = mkdtempSync(join(tmpdir(), 'actorgraph-soak-'));
const dbPath = join(dir, 'graph.lbug');

async function fill(): Promise<void> {
  const graph = syntheticGraph(GRAPH);
  let writer: GraphStore;
  if (neo4jUri) {
    const neo4j = await Neo4jStore.open({ uri: neo4jUri });
    await neo4j.deleteEverything();
    writer = neo4j;
  } else {
    writer = await KuzuStore.open({ path: dbPath, readOnly: false });
  }
  await writer.writeBatch(graph);
  await writer.close();
}

/** The server process, and a way to ask it for its memory. */
async function startServer(): Promise<{ url: string; ask(measure: 'rss' | 'gc'): Promise<number>; stop(): void }> {
  const child: ChildProcess = fork(join(dirname(fileURLToPath(import.meta.url)), 'soak-server.ts'), [], {
    execArgv: ['--expose-gc', '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
    env: { ...process.env, SOAK_DB: dbPath },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () => new Promise<Record<string, unknown>>((resolve) => child.once('message', resolve));
  const { url } = (await next()) as { url: string };
  return {
    url,
    async ask(measure) {
      const reply = next();
      child.send({ measure });
      return Number((await reply).rss);
    },
    stop() {
      child.send({ stop: true });
    },
  };
}

interface Call {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

function mix(ids: string[], terms: string[]): (i: number) => Call {
  const id = (i: number) => encodeURIComponent(ids[i % ids.length]);
  const calls: Array<(i: number) => Call> = [
    (i) => ({
      kind: 'search',
      method: 'GET',
      path: `/api/search?q=${encodeURIComponent(terms[i % terms.length])}&limit=10`,
    }),
    (i) => ({ kind: 'neighbours', method: 'GET', path: `/api/nodes/${id(i)}/neighbors?limit=20` }),
    (i) => ({ kind: 'details', method: 'GET', path: `/api/nodes/${id(i)}` }),
    () => ({ kind: 'overview', method: 'GET', path: '/api/graph/overview?limit=100' }),
    (i) => ({ kind: 'path', method: 'GET', path: `/api/paths/shortest?from=${id(i)}&to=${id(i * 7 + 3)}&maxLength=4` }),
    (i) => ({
      kind: 'console',
      method: 'POST',
      path: '/api/cypher',
      body: {
        query: 'MATCH (a:Actor) WHERE a.name STARTS WITH $p RETURN a.name AS name LIMIT 10',
        params: { p: terms[i % terms.length].slice(0, 2) },
      },
    }),
    (i) => ({
      kind: 'export',
      method: 'POST',
      path: '/api/export',
      body: { format: 'json', node: ids[i % ids.length], depth: 1 },
    }),
  ];
  return (i) => calls[i % calls.length](Math.floor(i / calls.length));
}

async function send(url: string, call: Call): Promise<number> {
  const res = await fetch(url + call.path, {
    method: call.method,
    ...(call.body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(call.body) } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

async function run(
  url: string,
  count: number,
  callAt: (i: number) => Call,
  latencies: number[],
  statuses: Map<string, number>,
) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const call = callAt(next++);
      const started = performance.now();
      const status = await send(url, call).catch(() => 0);
      latencies.push(performance.now() - started);
      const key = `${call.kind} ${status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

await fill();
const server = await startServer();
try {
  const ids = await (async () => {
    const res = await fetch(`${server.url}/api/graph/overview?limit=200`);
    const body = (await res.json()) as { nodes: Array<{ id: string }> };
    return body.nodes.map((node) => node.id);
  })();
  const terms = ['minister', 'ministry', 'grain', 'talks', 'border', 'ceasefire', 'sanctions', 'ge'];
  const callAt = mix(ids, terms);
  await run(server.url, WARM_UP, callAt, [], new Map());
  const start = await server.ask('gc');
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  const began = performance.now();
  await run(server.url, REQUESTS, callAt, latencies, statuses);
  const seconds = (performance.now() - began) / 1000;
  const end = await server.ask('rss');
  const afterGc = await server.ask('gc');
  latencies.sort((a, b) => a - b);
  console.log(
    `store        ${neo4jUri ? `neo4j ${neo4jUri}` : 'ladybug (embedded)'}, synthetic graph ${GRAPH.nodes} nodes / ${GRAPH.edges} relationships`,
  );
  console.log(`requests     ${REQUESTS} (+${WARM_UP} warm-up), ${IN_FLIGHT} in flight, ${seconds.toFixed(1)} s`);
  console.log(`requests/s   ${(REQUESTS / seconds).toFixed(1)}`);
  console.log(
    `latency      p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
  console.log(
    `statuses     ${[...statuses]
      .sort()
      .map(([key, n]) => `${key}: ${n}`)
      .join(', ')}`,
  );
  console.log(`RSS          start ${mb(start)} (after warm-up and GC)  end ${mb(end)}  end after GC ${mb(afterGc)}`);
  console.log(
    `RSS ratio    end after GC / start = ${(afterGc / start).toFixed(3)} (target <= 1.10); per request ${((afterGc - start) / REQUESTS / 1024).toFixed(2)} KB`,
  );
} finally {
  server.stop();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  rmSync(dir, { recursive: true, force: true });
}
