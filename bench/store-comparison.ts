/**
 * The embedded store before and after the move to LadybugDB, side by side in one run: the store
 * code of commit e8f820d (the last on Kuzu, taken with `git archive`) on kuzu 0.11.3, and this
 * tree's on @ladybugdb/core. Import of a synthetic graph, overview, neighbours, shortest path and
 * search latency (median / p95), and search answers on the sample corpus. kuzu is installed into
 * a temporary folder the first time (about 550 MB); each side runs in its own process, where
 * bench/engine-alias.mjs points `import 'kuzu'` at it. Prints figures, asserts nothing.
 *
 * Run: npx tsx bench/store-comparison.ts [nodes=100000] [edges=500000]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/config.js';
import { REL_TYPES, type GraphBatch } from '../server/domain/graph.js';
import { searchHits } from '../server/explore/graph-views.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { percentile } from './bench-server.js';
import { syntheticGraph } from './synthetic-graph.js';

/** The overview with every relationship among its nodes, as before the API capped them. */
const ALL_EDGES = 500_000;

const NODES = Number(process.argv[2] ?? 100_000);
const EDGES = Number(process.argv[3] ?? 500_000);
const KUZU_DIR = process.env.BENCH_KUZU_DIR ?? join(tmpdir(), 'actorgraph-bench-kuzu-0.11.3');
const KUZU_MODULE = join(KUZU_DIR, 'node_modules', 'kuzu', 'index.mjs');
/** The last commit whose store ran on kuzu. */
const OLD_COMMIT = 'e8f820d';

/** Search queries on the sample corpus and the node a user means by each. */
const SAMPLE_QUERIES: Array<[string, RegExp]> = [
  ['Aliyev', /^Ilham Aliyev$/],
  ['Aliev', /^Ilham Aliyev$/],
  ['US', /^United States$/],
  ['Blinken', /^Anthony Blinken$/],
  ['Pashinian', /^Nikol Pashinyan$/],
  ['Minsk', /Minsk Group/],
  ['balance is disturbed', /balance is disturbed/],
  ['Karabakh', /Karabakh/],
];

interface Result {
  engine: string;
  importMs: number;
  overviewMs: number[];
  neighboursMs: number[];
  pathMs: number[];
  searchMs: number[];
  sampleSearch: Array<{ query: string; top: string; right: boolean; ms: number }>;
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await work();
  samples.push(performance.now() - started);
  return value;
}

/** In the child: everything on one engine. One store stays open (a Kuzu file is not reopened). */
async function runOnEngine(engine: string, source: string): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-compare-'));
  // The store and importer of the tree being measured (this one, or the old one on kuzu).
  type Open = (options: { path: string; readOnly: boolean }) => Promise<GraphStore>;
  const { KuzuStore } = (await import(join(source, 'server/store/kuzu/kuzu-store.ts'))) as {
    KuzuStore: { open: Open };
  };
  const { importDocuments } = (await import(join(source, 'server/importer/import-documents.ts'))) as {
    importDocuments: (store: GraphStore, paths: string[]) => Promise<unknown>;
  };
  try {
    const batch: GraphBatch = syntheticGraph({ nodes: NODES, edges: EDGES });
    const store = await KuzuStore.open({ path: join(dir, 'graph.db'), readOnly: false });
    const started = performance.now();
    // As an import of many articles would: batches of 50,000 nodes, then of relationships.
    for (let i = 0; i < batch.nodes.length; i += 50_000) {
      await store.writeBatch({ nodes: batch.nodes.slice(i, i + 50_000), edges: [] });
    }
    for (let i = 0; i < batch.edges.length; i += 50_000) {
      await store.writeBatch({ nodes: [], edges: batch.edges.slice(i, i + 50_000) });
    }
    const importMs = performance.now() - started;
    const result: Result = {
      engine,
      importMs,
      overviewMs: [],
      neighboursMs: [],
      pathMs: [],
      searchMs: [],
      sampleSearch: [],
    };
    for (let i = 0; i < 5; i++) await timed(result.overviewMs, () => store.overview(2000, ALL_EDGES));
    const ids = batch.nodes.map((node) => node.id);
    const at = (i: number) => ids[(i * 7919) % ids.length];
    // All types named: an empty list would kill kuzu 0.11.3.
    for (let i = 0; i < 100; i++) {
      await timed(result.neighboursMs, () => store.neighbors(at(i), { types: [...REL_TYPES], limit: 20 }));
    }
    for (let i = 0; i < 30; i++) {
      await timed(result.pathMs, () => store.shortestPath(at(i), at(i + 500), { maxLength: 4, types: [] }));
    }
    const names = batch.nodes.filter((node) => typeof node.properties.name === 'string');
    const words = batch.nodes.filter((node) => node.label === 'Statement');
    for (let i = 0; i < 60; i++) {
      const name = String(names[(i * 104729) % names.length].properties.name);
      const text = String(words[(i * 15485863) % words.length].properties.text ?? '');
      const query = i % 3 === 0 ? name.slice(0, 4) : i % 3 === 1 ? name : text.split(' ').slice(1, 3).join(' ');
      await timed(result.searchMs, () => store.search(query, 10));
    }
    await store.close();

    const sample = await KuzuStore.open({ path: join(dir, 'sample.db'), readOnly: false });
    await importDocuments(sample, [join(REPO_ROOT, 'data', 'articles')]);
    for (const [query, meant] of SAMPLE_QUERIES) {
      const ms: number[] = [];
      const hits = await timed(ms, () => searchHits(sample, query, 10));
      const top = hits[0]?.snippet ?? hits[0]?.caption ?? '(none)';
      result.sampleSearch.push({ query, top, right: meant.test(top), ms: ms[0] });
    }
    await sample.close();
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function row(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label} ${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 95).toFixed(1)} ms`;
}

if (process.argv.includes('--child')) {
  const engine = process.env.BENCH_ENGINE ? `kuzu 0.11.3, store of ${OLD_COMMIT}` : 'LadybugDB 0.19.1, this tree';
  const source = process.env.BENCH_SOURCE || REPO_ROOT;
  console.log(`RESULT ${JSON.stringify(await runOnEngine(engine, source))}`);
} else {
  if (!existsSync(KUZU_MODULE)) {
    mkdirSync(KUZU_DIR, { recursive: true });
    console.log(`installing kuzu@0.11.3 into ${KUZU_DIR} …`);
    execFileSync('npm', ['install', '--prefix', KUZU_DIR, '--no-audit', '--no-fund', 'kuzu@0.11.3'], {
      stdio: 'inherit',
    });
  }
  // The old store's source, with this tree's node_modules (kuzu itself comes from KUZU_DIR).
  const oldSource = mkdtempSync(join(tmpdir(), 'actorgraph-old-store-'));
  execFileSync('sh', [
    '-c',
    `git -C "${REPO_ROOT}" archive ${OLD_COMMIT} server cypher data package.json | tar -x -C "${oldSource}"`,
  ]);
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(oldSource, 'node_modules'));
  console.log(
    `synthetic graph: ${NODES} nodes, ${EDGES} relationships; ACTORGRAPH_NER=${process.env.ACTORGRAPH_NER ?? ''}`,
  );
  const results: Result[] = [];
  for (const [engine, source] of [
    [KUZU_MODULE, oldSource],
    ['', REPO_ROOT],
  ]) {
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './bench/engine-alias.mjs',
        'bench/store-comparison.ts',
        String(NODES),
        String(EDGES),
        '--child',
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, BENCH_ENGINE: engine, BENCH_SOURCE: source },
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      },
    );
    const line = child.stdout.split('\n').find((each) => each.startsWith('RESULT '));
    if (!line) {
      console.error(`${engine || 'LadybugDB'} failed (exit ${child.status}):\n${child.stderr.slice(-3000)}`);
      continue;
    }
    results.push(JSON.parse(line.slice('RESULT '.length)) as Result);
  }
  rmSync(oldSource, { recursive: true, force: true });
  for (const result of results) {
    console.log(`\n${result.engine}`);
    console.log(`  import                 ${(result.importMs / 1000).toFixed(1)} s`);
    console.log(row('  overview (2000)   p50/p95', result.overviewMs));
    console.log(row('  neighbours        p50/p95', result.neighboursMs));
    console.log(row('  shortest path     p50/p95', result.pathMs));
    console.log(row('  search            p50/p95', result.searchMs));
    const right = result.sampleSearch.filter((each) => each.right).length;
    console.log(`  sample corpus search: ${right} of ${result.sampleSearch.length} with the meant node first`);
    for (const each of result.sampleSearch) {
      console.log(
        `    ${each.right ? '✓' : '✗'} ${each.query.padEnd(22)} → ${each.top.slice(0, 60)} (${each.ms.toFixed(1)} ms)`,
      );
    }
  }
}
