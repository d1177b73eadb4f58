/**
 * Reads at scale on the embedded store: a synthetic graph (bench/synthetic-graph.ts, default
 * 100,000 nodes and 500,000 relationships) bulk-loaded into a database, the real API server over
 * it, and for each call the API's p50/p95 next to the raw query that returns the same rows on the
 * same connection, with the ratio of the p95s (each API call and its raw query run in turn, so
 * that load from elsewhere falls on both); then the whole-graph export streamed from the store
 * against writing the same graph from memory (time, and peak RSS over the RSS before it with its
 * parts: the engine's buffer pool, the JS heap, the rest). Prints figures, asserts nothing. The API
 * is called through node:http on a kept-alive connection; the details and neighbours lines are
 * printed a second time as called by `fetch` (as runs before 2026-12-02 measured every line).
 *
 * Run: npx tsx bench/read-scaling.ts [nodes=100000] [edges=500000]
 *   BENCH_DB=/path/graph.kuzu  keep the database there (built if missing, reused if present), so
 *                              that two checkouts (before/after a change) measure the same file
 *   CALLS=30                   calls per measured line (the busiest nodes: CALLS/6, at least 3)
 *   FORMATS=json,graphml       export formats to measure (none: FORMATS=)
 *   SKIP=busiest,export,calls  leave parts out (they take minutes on slow code; calls: every API line;
 *                              details, clients, neighbours, path, overview, search, console: those lines)
 *   CLIENTS=4                  clients calling at once in the `clients` line
 *   WARMUP=0                   no first round per line timed apart (see interleaved): cold calls in p95
 */
import { Agent, get as httpGet } from 'node:http';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { GraphBatch } from '../server/domain/graph.js';
import { OVERVIEW_MAX_EDGES } from '../server/domain/reads.js';
import { spellingKey } from '../server/domain/search-text.js';
import { loadCypher } from '../server/store/cypher-files.js';
import { sourceFromBatch, type ExportSource } from '../server/export/export-graph.js';
import { EXPORT_FORMATS, type ExportFormatName } from '../server/export/formats.js';
import { selectSubgraph } from '../server/export/subgraph-source.js';
import { writeExport } from '../server/export/write-export.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { percentile, serveForBench } from './bench-server.js';
import { bulkLoad } from './kuzu-bulk-load.js';
import { degreeSummary, syntheticGraph } from './synthetic-graph.js';

const NODES = Number(process.argv[2] ?? 100_000);
const EDGES = Number(process.argv[3] ?? 500_000);
const CALLS = Number(process.env.CALLS ?? 30);
const FORMATS = (process.env.FORMATS ?? 'json').split(',').filter(Boolean) as ExportFormatName[];
const SKIP = new Set((process.env.SKIP ?? '').split(','));
/** A warm-up round before each line's timed calls (see interleaved); WARMUP=0 times cold calls too. */
const WARMUP = process.env.WARMUP !== '0';

const dir = mkdtempSync(join(tmpdir(), 'actorgraph-read-bench-'));
const dbPath = process.env.BENCH_DB ?? join(dir, 'graph.kuzu');

type Row = Record<string, unknown>;
interface Timing {
  p50: number;
  p95: number;
  /** Calls that threw (not timed), and the first one's message. */
  failed: number;
  firstError?: string;
  /** The first call of each input (the warm-up round, left out of p50 / p95), when there was one. */
  first?: { p50: number; p95: number };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0)).padStart(7);
const line = (label: string, text: string) => console.log(`${label.padEnd(34)} ${text}`);

async function timed(calls: number, inputs: string[], run: (input: string) => Promise<unknown>): Promise<Timing> {
  // Not warmed: its only line is the unlabelled lookup, a reference (2.5 s a call at 1M).
  return (await interleaved(calls, inputs, [run], false))[0];
}

/**
 * Each input run through every one of `runs` in turn (the first one first on even calls, last on
 * odd ones), so that a busy machine slows the API call and the raw query it is compared with
 * alike: timed one line after the other, a burst of load from elsewhere fell on one side only.
 * A call that throws is counted as failed and left out of the figures, so that one query too big
 * for the engine at 1M (a raw shortest path filled the buffer pool) does not end the whole run.
 *
 * With `warm` (unless WARMUP=0), every input is first run once through every run, timed apart
 * (`first`): the first call for a node reads its pages into the buffer pool, and in that round the
 * API ran first for half the inputs and the raw query never did (the API's p95 at 1M was a cold
 * read: 406 ms where the same calls warm took 105). The figures then say how a warm store answers,
 * and `first` how the first click on a node does.
 */
async function interleaved(
  calls: number,
  inputs: string[],
  runs: Array<(input: string) => Promise<unknown>>,
  warm = WARMUP,
): Promise<Timing[]> {
  const firsts = warm ? await interleaved(inputs.length, inputs, runs, false) : null;
  const samples: number[][] = runs.map(() => []);
  const errors: string[][] = runs.map(() => []);
  for (let i = 0; i < calls; i++) {
    const order = runs.map((_, k) => k);
    if (i % 2 === 1) order.reverse();
    for (const k of order) {
      const started = performance.now();
      try {
        await runs[k](inputs[i % inputs.length]);
        samples[k].push(performance.now() - started);
      } catch (error) {
        errors[k].push(error instanceof Error ? error.message : String(error));
      }
    }
  }
  return samples.map((each, k) => {
    each.sort((a, b) => a - b);
    const failed = errors[k].length;
    // Every call failed: no figure (NaN), the failure line says why.
    const at = (p: number) => (each.length > 0 ? percentile(each, p) : NaN);
    const first = firsts ? { p50: firsts[k].p50, p95: firsts[k].p95 } : undefined;
    return { p50: at(50), p95: at(95), failed, firstError: errors[k][0], first };
  });
}

/** An API call and the raw query it is compared with, interleaved. */
async function paired(
  calls: number,
  inputs: string[],
  api: (input: string) => Promise<unknown>,
  rawQuery: (input: string) => Promise<unknown>,
  warm = WARMUP,
): Promise<[Timing, Timing]> {
  const [a, r] = await interleaved(calls, inputs, [api, rawQuery], warm);
  return [a, r];
}

function report(label: string, api: Timing | null, raw: Timing | null): void {
  const a = api ? `API ${fmt(api.p50)} /${fmt(api.p95)} ms` : `API ${'–'.padStart(7)} /${'–'.padStart(7)}   `;
  const r = raw ? `raw ${fmt(raw.p50)} /${fmt(raw.p95)} ms` : '';
  const ratio = api && raw ? `  p95 ratio ${(api.p95 / raw.p95).toFixed(2)}x` : '';
  line(label, `${a}   ${r}${ratio}`);
  if (api?.first)
    line(
      '  (first call of each, not above)',
      `API ${fmt(api.first.p50)} /${fmt(api.first.p95)} ms` +
        (raw?.first ? `   raw ${fmt(raw.first.p50)} /${fmt(raw.first.p95)} ms` : ''),
    );
  for (const [side, timing] of [
    ['API', api],
    ['raw', raw],
  ] as const) {
    if (timing && timing.failed > 0)
      line('', `  ${side}: ${timing.failed} calls failed, not timed; the first: ${timing.firstError}`);
  }
}

// --- the database ---------------------------------------------------------------------------
let batch: GraphBatch | null = null;
if (!existsSync(dbPath)) {
  let started = performance.now();
  batch = syntheticGraph({ nodes: NODES, edges: EDGES });
  const degrees = degreeSummary(batch);
  line(
    'synthetic graph',
    `${batch.nodes.length} nodes, ${batch.edges.length} relationships in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  line('degrees', `max ${degrees.max}, p99 ${degrees.p99}, median ${degrees.median}, mean ${degrees.mean.toFixed(1)}`);
  started = performance.now();
  await bulkLoad(dbPath, batch);
  line('bulk load (COPY FROM csv)', `${((performance.now() - started) / 1000).toFixed(1)} s`);
} else {
  line('database', `${dbPath} (reused)`);
}

// No time limit that a busy machine could reach: a slow call is measured, not answered with 408.
const store = await KuzuStore.open({ path: dbPath, readOnly: true, queryTimeoutMs: 600_000 });
/** The raw query on the store's own connection (a protected member, reached for measuring only). */
const raw = (statement: string, params: Row = {}): Promise<Row[]> => store['rows'](statement, params);
const server = await serveForBench(store, { timeoutMs: 600_000 });
/**
 * The API's GET calls through node:http on one kept-alive connection, as a browser keeps one: in a
 * quieter run the global `fetch` (undici) took 14-16 ms for a node's 1 KB details where node:http
 * took 7 ms, the client's time, not the server's (under load 6-12 the two were within noise).
 * `fetch` stays for the lines printed with it (getByFetch).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const get = (path: string, through = agent): Promise<void> =>
  new Promise((resolve, reject) => {
    httpGet(`${server.url}${path}`, { agent: through }, (res) => {
      res.on('error', reject);
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`))));
      res.resume();
    }).on('error', reject);
  });
const getByFetch = async (path: string): Promise<void> => {
  const res = await fetch(`${server.url}${path}`);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
};
const enc = encodeURIComponent;

const stats = await store.stats();
line('store', `${stats.totalNodes} nodes, ${stats.totalRelationships} relationships; ${CALLS} calls per line`);

// --- samples, chosen by raw queries so that both checkouts pick the same ones ------------------
const degreeOf = `MATCH (n:Actor)-[e]-() WITH n, count(e) AS degree`;
const mid = (
  await raw(`${degreeOf} WHERE degree >= 90 AND degree <= 140 RETURN n.id AS id ORDER BY n.id LIMIT 20`)
).map((row) => String(row.id));
const low = (await raw(`${degreeOf} WHERE degree >= 2 AND degree <= 5 RETURN n.id AS id ORDER BY n.id LIMIT 20`)).map(
  (row) => String(row.id),
);
const busiest = (await raw(`${degreeOf} RETURN n.id AS id, degree ORDER BY degree DESC, n.id LIMIT 3`)).map((row) =>
  String(row.id),
);
const actors = (await raw(`MATCH (n:Actor) RETURN n.id AS id ORDER BY n.id LIMIT 2000`)).map((row) => String(row.id));
const pairs: string[] = [];
for (let i = 0; pairs.length < 10 && i < 200; i++) {
  const from = actors[(i * 37) % actors.length];
  const to = actors[(i * 91 + 500) % actors.length];
  if (from !== to) pairs.push(`${from}|${to}`);
}
line('samples', `${mid.length} actors of degree 90–140, ${low.length} of degree 2–5, busiest ${busiest.join(', ')}`);

// --- the calls --------------------------------------------------------------------------------
if (!SKIP.has('calls')) {
  const calls = Math.max(CALLS, 1);
  const pk = `MATCH (n:Actor {id: $id}) RETURN n`;
  report(
    'node by id: getNode',
    ...(await paired(
      calls,
      mid,
      (id) => store.getNode(id),
      (id) => raw(pk, { id }),
    )),
  );
  report(
    '  (unlabelled raw lookup)',
    null,
    await timed(Math.min(calls, 10), mid, (id) => raw('MATCH (n) WHERE n.id = $id RETURN n', { id })),
  );

  // The target: details and neighbours within 3x of this (issue 13), every line timed with it.
  const oneHop = `MATCH (n:Actor {id: $id})-[e]-(m) RETURN e, m`;
  // Each API line twice: through node:http (get) and through fetch, as earlier runs measured it.
  const details = async (label: string, ids: string[], count: number) => {
    const [api, apiByFetch, rawTiming] = await interleaved(count, ids, [
      (id) => get(`/api/nodes/${enc(id)}`),
      (id) => getByFetch(`/api/nodes/${enc(id)}`),
      (id) => raw(oneHop, { id }),
    ]);
    report(label, api, rawTiming);
    report('  (the same calls by fetch)', apiByFetch, rawTiming);
  };
  if (!SKIP.has('details')) {
    await details('node details, degree 90–140', mid, calls);
    await details('node details, degree 2–5', low, calls);
    if (!SKIP.has('busiest')) await details(`node details, busiest 3`, busiest, Math.max(3, Math.round(calls / 6)));
  }

  // Several clients at once, each on its own connection, each calling in turn the node details and
  // the neighbours of the mid-degree actors (from its own place in the list): the wall time of all
  // of them, and the p50 / p95 of every call. The server's reads share its store's connections.
  const CLIENTS = Number(process.env.CLIENTS ?? 4);
  if (!SKIP.has('clients') && CLIENTS > 1) {
    const samples: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const own = new Agent({ keepAlive: true, maxSockets: 1 });
        for (let i = 0; i < calls; i++) {
          const id = enc(mid[(i + client * 5) % mid.length]);
          const path = i % 2 === 0 ? `/api/nodes/${id}` : `/api/nodes/${id}/neighbors?limit=20`;
          const begun = performance.now();
          await get(path, own);
          samples.push(performance.now() - begun);
        }
        own.destroy();
      }),
    );
    const wall = performance.now() - started;
    samples.sort((a, b) => a - b);
    line(
      `${CLIENTS} clients, details + neighbours`,
      `${samples.length} calls in ${(wall / 1000).toFixed(1)} s; each p50 ${fmt(percentile(samples, 50))} / p95 ${fmt(percentile(samples, 95))} ms`,
    );
  }

  const ranked = `MATCH (n:Actor {id: $id})-[e]-(m) WITH DISTINCT m OPTIONAL MATCH (m)-[x]-() WITH m, count(x) AS rank
  RETURN m, rank ORDER BY rank DESC, m.id SKIP 0 LIMIT 20`;
  // The page ranked by the degree each node keeps (server/store/kuzu/kuzu-degrees.ts), read with
  // its nodes: the rows the API answers with, less the relationships among them.
  const rankedStored = `MATCH (n:Actor {id: $id})-[e]-(m) WITH DISTINCT m
  RETURN m, m._degree AS rank ORDER BY rank DESC, m.id SKIP 0 LIMIT 20`;
  // The rows the API answers with, in two plain raw statements: the page's ids by stored degree,
  // then every relationship among the page and the node with all its properties (the API sends
  // 230-660 of them among the hubs of a page, where the raw 1-hop returns the node's own 90-140),
  // the page's nodes by id only (the API reads them whole: the raw side is spared that). The 1-hop
  // line stays for comparison with earlier runs: it does not return the same rows.
  const pageIds = `MATCH (n:Actor {id: $id})-[e]-(m) WITH DISTINCT m
  RETURN m.id AS id ORDER BY m._degree DESC, id LIMIT 20`;
  const among = `MATCH (a)-[e]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN a.id AS source, b.id AS target, e`;
  const sameRows = async (id: string) => {
    const page = await raw(pageIds, { id });
    return raw(among, { ids: [id, ...page.map((row) => String(row.id))] });
  };
  const neighbours = async (label: string, ids: string[]) => {
    const [api, apiByFetch, rankedRaw, oneHopRaw, storedRaw, sameRaw] = await interleaved(calls, ids, [
      (id) => get(`/api/nodes/${enc(id)}/neighbors?limit=20`),
      (id) => getByFetch(`/api/nodes/${enc(id)}/neighbors?limit=20`),
      (id) => raw(ranked, { id }),
      (id) => raw(oneHop, { id }),
      (id) => raw(rankedStored, { id }),
      sameRows,
    ]);
    report(label, api, rankedRaw);
    report('  (against the raw 1-hop rows)', api, oneHopRaw);
    report('  (against the stored-degree page)', api, storedRaw);
    report('  (against the same rows, plain raw)', api, sameRaw);
    report('  (the same calls by fetch, vs same rows)', apiByFetch, sameRaw);
  };
  if (!SKIP.has('neighbours')) {
    await neighbours('neighbours limit 20, degree 90–140', mid);
    if (!SKIP.has('busiest')) await neighbours('neighbours limit 20, busiest 3', busiest);
  }

  const path = `MATCH p = (a:Actor)-[e* SHORTEST 1..6]-(b:Actor) WHERE a.id = $from AND b.id = $to
  RETURN list_transform(nodes(p), x -> x.id) AS nodeIds, list_transform(rels(p), x -> x.id) AS edgeIds LIMIT 1`;
  const pathParams = (pair: string) => {
    const [from, to] = pair.split('|');
    return { from, to };
  };
  if (!SKIP.has('path')) {
    report(
      'shortest path, actor to actor',
      ...(await paired(
        calls,
        pairs,
        (pair) => {
          const { from, to } = pathParams(pair);
          return get(`/api/paths/shortest?from=${enc(from)}&to=${enc(to)}`);
        },
        (pair) => raw(path, pathParams(pair)),
        // No warm-up: a pair takes 20-30 s at 1M, and each pair reads its own part of the graph.
        false,
      )),
    );
  }

  // Search by a sampled actor's surname (many actors share it, as names do in an archive), against
  // the raw name scan the API starts with (search-names.cypher: every actor's, institution's and
  // place's searchText); the API then scans statements' text and titles, and queries the
  // full-text indexes where the database has them (a bulk-loaded one has none).
  if (!SKIP.has('search')) {
    const names = (
      await raw(`MATCH (n:Actor) WHERE n.id IN $ids RETURN n.name AS name ORDER BY n.id`, { ids: mid })
    ).map((row) => String(row.name).split(' ').at(-1)!.toLowerCase());
    const searchNames = loadCypher('search-names', 'kuzu');
    report(
      'search, a surname (limit 10)',
      ...(await paired(
        calls,
        names,
        (q) => get(`/api/search?q=${enc(q)}&limit=10`),
        (q) => raw(searchNames, { q, key: spellingKey(q) || q, limit: 30 }),
      )),
    );
  }

  // The console (POST /api/cypher: a read-only child process, its answer with a graph) against the
  // same statement on the store's connection.
  if (!SKIP.has('console')) {
    const post = async (query: string, params: Row): Promise<void> => {
      const res = await fetch(`${server.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, params }),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`console: ${res.status}`);
    };
    const consoleLine = async (label: string, query: string) => {
      await post(query, { id: mid[0] }); // the child process starts on the first call: untimed
      report(
        label,
        ...(await paired(
          calls,
          mid,
          (id) => post(query, { id }),
          (id) => raw(query, { id }),
        )),
      );
    };
    await consoleLine('console 1-hop count, degree 90–140', `MATCH (n:Actor {id: $id})-[e]-(m) RETURN count(*) AS c`);
    await consoleLine(
      'console 2-hop count, degree 90–140',
      `MATCH (n:Actor {id: $id})-[]-()-[]-(m) RETURN count(*) AS c`,
    );
  }

  // As many calls as the other lines: with a third of them the p95 was the slowest of 7 calls.
  const overviewCalls = calls;
  // The ranking alone, ids and labels: the same nodes without reading them. Returning `n` grouped
  // by the whole node (properties, articles' texts and all) filled the 1 GiB buffer pool at 1M nodes.
  const overview = `MATCH (n) OPTIONAL MATCH (n)-[e]-() WITH n.id AS id, label(n) AS label, count(e) AS degree
  RETURN id, label, degree ORDER BY degree DESC, id LIMIT 500`;
  // The same ranking by the degree each node keeps (server/store/kuzu/kuzu-degrees.ts).
  const overviewStored = `MATCH (n) RETURN n.id AS id, label(n) AS label, n._degree AS degree
  ORDER BY degree DESC, id LIMIT 500`;
  // The rows the API answers with, in two raw statements: the 500 nodes by stored degree with
  // their properties, then the relationships among them (both ends at or above the 500th degree),
  // with the properties the overview sends, the busiest ends first; capped as the API's default,
  // or all of them (ties at the 500th degree may add a few to the raw side).
  const overviewNodes = `MATCH (n) RETURN n ORDER BY n._degree DESC, n.id LIMIT 500`;
  const edgeColumns = ['rule', 'confidence', 'date', 'mentions', 'title', 'status', 'role']
    .map((key) => `e.${key} AS ${key}`)
    .join(', ');
  const overviewEdges = (cap: number | null) => `MATCH (a)-[e]->(b) WHERE a._degree >= $d AND b._degree >= $d
  RETURN a.id AS source, b.id AS target, label(e) AS type, e.id AS id, ${edgeColumns}
  ${
    cap === null
      ? ''
      : `ORDER BY CASE WHEN a._degree > b._degree THEN a._degree ELSE b._degree END DESC,
  CASE WHEN a._degree > b._degree THEN b._degree ELSE a._degree END DESC, id LIMIT ${cap}`
  }`;
  const overviewRaw = (cap: number | null) => async () => {
    const nodes = await raw(overviewNodes);
    return raw(overviewEdges(cap), { d: Number((nodes.at(-1)?.n as Row)?._degree ?? 0) });
  };
  if (!SKIP.has('overview')) {
    const runs: Array<(input: string) => Promise<unknown>> = [
      (limit) => get(`/api/graph/overview?limit=${limit}`),
      overviewRaw(OVERVIEW_MAX_EDGES),
      () => raw(overview),
      () => raw(overviewStored),
    ];
    // One untimed call of each first: every call reads the same pages, and the first one of all
    // read them from disk into the buffer pool (1.8 s where the next took 0.3 s), which made the
    // p95 of whichever side ran first (the API) a cold read the others never paid.
    const first = await interleaved(1, ['500'], runs, false);
    line('  (first calls, cold, untimed)', `API ${fmt(first[0].p50)} ms   raw ${fmt(first[1].p50)} ms`);
    const [api, rows, counted, stored] = await interleaved(overviewCalls, ['500'], runs, false);
    report(`overview, limit 500 (${OVERVIEW_MAX_EDGES} edges)`, api, rows);
    report('  (against the counting ranking)', api, counted);
    report('  (against the stored-degree ranking)', api, stored);
    const everyRuns = [(limit: string) => get(`/api/graph/overview?limit=${limit}&maxEdges=500000`), overviewRaw(null)];
    await interleaved(1, ['500'], everyRuns, false);
    const [every, everyRaw] = await interleaved(overviewCalls, ['500'], everyRuns, false);
    report('overview, limit 500, every edge', every, everyRaw);
  }
}

// --- whole-graph export -------------------------------------------------------------------------
/**
 * Resident memory of the engine's buffer pools: LadybugDB reserves each pool as one anonymous
 * mapping of terabytes (/proc/self/smaps), so what is resident in those is the pools' pages.
 */
function poolResident(): number {
  let bytes = 0;
  let pool = false;
  for (const row of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(row);
    if (range) pool = range[3] === '' && parseInt(range[2], 16) - parseInt(range[1], 16) > 2 ** 40;
    const rss = /^Rss:\s+(\d+) kB/.exec(row);
    if (rss && pool) bytes += Number(rss[1]) * 1024;
  }
  return bytes;
}

interface ExportRun {
  ms: number;
  mb: number;
  /** Peak RSS over the RSS before the export (after a GC), and its parts at that peak. */
  peak: number;
  pool: number;
  heap: number;
  /** RSS over that baseline 3 s after the export (after a GC): what it kept. */
  kept: number;
}

async function exportOnce(format: ExportFormatName, source: ExportSource): Promise<ExportRun> {
  global.gc?.();
  const baseline = process.memoryUsage();
  const basePool = poolResident();
  let peak = baseline.rss;
  let atPeak = { pool: basePool, heap: baseline.heapTotal };
  const sample = () => {
    const now = process.memoryUsage();
    if (now.rss <= peak) return;
    peak = now.rss;
    atPeak = { pool: poolResident(), heap: now.heapTotal };
  };
  const sampler = setInterval(sample, 50);
  const file = join(dir, `export.${EXPORT_FORMATS[format].extension}`);
  const started = performance.now();
  const out = createWriteStream(file);
  await writeExport(format, source, out);
  out.end();
  await finished(out);
  const ms = performance.now() - started;
  clearInterval(sampler);
  sample();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  global.gc?.();
  const kept = process.memoryUsage().rss - baseline.rss;
  const mb = statSync(file).size / 1e6;
  rmSync(file);
  const inMb = (bytes: number) => bytes / 1e6;
  return {
    ms,
    mb,
    peak: inMb(peak - baseline.rss),
    pool: inMb(atPeak.pool - basePool),
    heap: inMb(atPeak.heap - baseline.heapTotal),
    kept: inMb(kept),
  };
}

if (!SKIP.has('export')) {
  // From the store first, every format, while the process holds no graph of its own: with the
  // synthetic graph in memory, the JS heap grows further before it collects, which was counted
  // as the export's (+447 MB for GraphML after it, +268 MB for JSON before it).
  const fromStore = new Map<ExportFormatName, ExportRun>();
  for (const format of FORMATS)
    fromStore.set(format, await exportOnce(format, await selectSubgraph(store, { kind: 'all' }, 600_000)));
  batch ??= syntheticGraph({ nodes: NODES, edges: EDGES });
  // One untimed export from memory first: the first after building the graph (a heap of about a
  // GB) took 88 s and +1.15 GB at 100k/500k where the next took 6 s and +0 MB, the JS heap growing
  // to its new size, which is not the writing's cost.
  if (FORMATS.length > 0) await exportOnce(FORMATS[0], sourceFromBatch(batch));
  for (const format of FORMATS) {
    const streamed = fromStore.get(format)!;
    const memory = await exportOnce(format, sourceFromBatch(batch));
    line(
      `export ${format}, whole graph`,
      `store ${(streamed.ms / 1000).toFixed(1)} s (${streamed.mb.toFixed(0)} MB, peak RSS +${streamed.peak.toFixed(0)} MB)  ` +
        `memory ${(memory.ms / 1000).toFixed(1)} s (${memory.mb.toFixed(0)} MB, peak RSS +${memory.peak.toFixed(0)} MB)  ` +
        `ratio ${(streamed.ms / memory.ms).toFixed(2)}x`,
    );
    line(
      '  (store: at the peak, RSS of)',
      `buffer pool +${streamed.pool.toFixed(0)} MB, JS heap +${streamed.heap.toFixed(0)} MB, ` +
        `the rest +${(streamed.peak - streamed.pool - streamed.heap).toFixed(0)} MB; kept 3 s after: +${streamed.kept.toFixed(0)} MB`,
    );
  }
}

agent.destroy();
await server.stop();
await store.close();
rmSync(dir, { recursive: true, force: true });
