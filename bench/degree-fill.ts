/**
 * How long a database made before nodes kept their degree (server/store/kuzu/kuzu-degrees.ts)
 * takes to get it: the first read-write open adds the column to every node table and fills it
 * from a count. Prints the time of that open and of a second one (nothing left to add) and the
 * peak RSS. The database is changed (the column added): run it on a copy or a benchmark database.
 *
 * Run: npx tsx bench/degree-fill.ts /path/graph.kuzu
 */
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';

const path = process.argv[2];
if (!path) throw new Error('usage: npx tsx bench/degree-fill.ts /path/graph.kuzu');

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
for (const run of ['first open (adds and fills)', 'second open']) {
  const started = performance.now();
  const store = await KuzuStore.open({ path, readOnly: false });
  const ms = performance.now() - started;
  await store.close();
  console.log(`${run.padEnd(30)} ${(ms / 1000).toFixed(2)} s`);
}
clearInterval(sampler);
console.log(`${'peak RSS'.padEnd(30)} ${(peak / 2 ** 20).toFixed(0)} MB`);
