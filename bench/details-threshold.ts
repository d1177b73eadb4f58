/**
 * Where node details should stop listing every relationship and list a sample instead
 * (DETAILS_ALL_UP_TO in server/explore/node-details.ts): for actors of degree about 50, 150, 250
 * and 1,000 in a bench/read-scaling.ts database, the details read whole and sampled, next to the
 * raw 1-hop query of bench/read-scaling.ts, each call of the three in turn (so that load from
 * elsewhere falls on all three). Prints figures, asserts nothing.
 *
 * Run: BENCH_DB=/path/graph.kuzu npx tsx bench/details-threshold.ts
 *   (the database bench/read-scaling.ts builds with BENCH_DB set)
 *   CALLS=12   calls per line
 */
import { existsSync } from 'node:fs';
import { nodeDetails } from '../server/explore/node-details.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { percentile } from './bench-server.js';

const dbPath = process.env.BENCH_DB;
if (!dbPath || !existsSync(dbPath)) throw new Error('Set BENCH_DB to a database built by bench/read-scaling.ts');
const CALLS = Number(process.env.CALLS ?? 12);
/** Each degree with the range its sample actors are taken from. */
const DEGREES: Array<[number, number, number]> = [
  [50, 45, 55],
  [150, 140, 160],
  [250, 230, 270],
  [1000, 800, 1300],
  [4000, 2500, 7000],
];

type Row = Record<string, unknown>;
const store = await KuzuStore.open({ path: dbPath, readOnly: true, queryTimeoutMs: 600_000 });
/** The raw query on the store's own connection (a protected member, reached for measuring only). */
const raw = (statement: string, params: Row = {}): Promise<Row[]> => store['rows'](statement, params);
const oneHop = `MATCH (n:Actor {id: $id})-[e]-(m) RETURN e, m`;

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0)).padStart(6);
/** Of sorted samples. */
const summary = (samples: number[]) => {
  return `${fmt(percentile(samples, 50))} /${fmt(percentile(samples, 95))} ms`;
};

console.log(`${dbPath}; ${CALLS} calls per line; p50 / p95`);
for (const [degree, low, high] of DEGREES) {
  const ids = (
    await raw(
      `MATCH (n:Actor)-[e]-() WITH n, count(e) AS degree WHERE degree >= ${low} AND degree <= ${high}
       RETURN n.id AS id ORDER BY n.id LIMIT 5`,
    )
  ).map((row) => String(row.id));
  if (ids.length === 0) {
    console.log(`degree ~${degree}: no actor of degree ${low}-${high}`);
    continue;
  }
  const runs: Record<string, (id: string) => Promise<unknown>> = {
    whole: (id) => nodeDetails(store, id, { all: true }),
    sampled: (id) => nodeDetails(store, id, { sampleAbove: 0 }),
    raw: (id) => raw(oneHop, { id }),
  };
  const names = Object.keys(runs);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const listed = { whole: 0, sampled: 0 };
  const kb = { whole: 0, sampled: 0 };
  for (let i = 0; i < CALLS; i++) {
    const id = ids[i % ids.length];
    for (const name of i % 2 === 0 ? names : [...names].reverse()) {
      const started = performance.now();
      const result = await runs[name](id);
      samples[name].push(performance.now() - started);
      if (i === 0 && name !== 'raw') {
        listed[name as 'whole' | 'sampled'] = (result as { relations: unknown[] }).relations.length;
        kb[name as 'whole' | 'sampled'] = JSON.stringify(result).length / 1000;
      }
    }
  }
  for (const name of names) samples[name].sort((a, b) => a - b);
  const ratio = (name: string) => (percentile(samples[name], 95) / percentile(samples.raw, 95)).toFixed(2);
  console.log(
    `degree ~${degree} (${ids.length} actors): whole ${summary(samples.whole)} (${listed.whole} listed, ${kb.whole.toFixed(0)} kB, p95 ${ratio('whole')}x raw)  ` +
      `sampled ${summary(samples.sampled)} (${listed.sampled} listed, ${kb.sampled.toFixed(0)} kB, ${ratio('sampled')}x)  raw 1-hop ${summary(samples.raw)}`,
  );
}
await store.close();
