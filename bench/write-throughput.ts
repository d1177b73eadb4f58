/**
 * Write throughput of the stores against the engine's own bulk path. The rows are the graph of
 * the sample articles repeated with their people's names substituted (as bench/import-throughput.ts
 * builds its corpus), extracted once with the rules; only the writes are timed.
 *  (a) raw `COPY FROM` of those rows (CSV files written beforehand) into an empty LadybugDB database;
 *  (b) KuzuStore's BatchWriter.write() of the same rows, one call, into an empty database;
 *  (c) write() of further batches of `batch` articles each (merged with what the store holds, as the
 *      importer does; the merge is not timed) into the database of (b);
 *  (d) write() of the last of those batches again: every node and relationship exists already, so
 *      each is looked up and updated in place (an import of articles whose facts are known).
 * Prints rows/s, the ratios (b)/(a), (c)/(a) and (d)/(a) (targets: >= 0.3 for (b), >= 0.05 for
 * (c)) and the database size per article. With NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) set, (b) and (c) on Neo4j too; that
 * database is emptied first, so point it at a throwaway server. Asserts nothing.
 * Run: npx tsx bench/write-throughput.ts [articles=300] [batch=100] [incrementalBatches=3]
 */
import { Connection, Database } from '@ladybugdb/core';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/config.js';
import type { GraphBatch } from '../server/domain/graph.js';
import { NODE_PROPS, REL_PROPS } from '../server/domain/schema.js';
import { buildGraph, loadGazetteer } from '../server/importer/build-graph.js';
import { readSources } from '../server/importer/read/index.js';
import { loadCypher, splitStatements } from '../server/store/cypher-files.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { COPY_CSV_OPTIONS, writeCsv } from '../server/store/kuzu/kuzu-csv.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { mergeCarried } from '../server/importer/merge-carried.js';
import { Neo4jStore } from '../server/store/neo4j/neo4j-store.js';
import { groupBy } from '../server/domain/group-by.js';

const ARTICLES = Number(process.argv[2] ?? 300);
const BATCH = Number(process.argv[3] ?? 100);
const INCREMENTS = Number(process.argv[4] ?? 3);
const SURNAMES = ['Aliyev', 'Biden', 'Blinken', 'Pashinyan', 'Trump', 'Baer', 'Stronski', 'Pompeo', 'Shaw', 'Mehdiyev'];
const SYLLABLES = ['ka', 'ro', 'mi', 'ten', 'sal', 'vor', 'de', 'lin', 'ga', 'tus', 'be', 'nor'];

function invented(copy: number, slot: number): string {
  let word = SYLLABLES[slot % SYLLABLES.length];
  for (let n = copy + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word[0].toUpperCase() + word.slice(1);
}

const work = mkdtempSync(join(tmpdir(), 'actorgraph-write-bench-'));

/** The graphs of `count` articles starting at article `first`, `per` articles per graph. */
async function graphs(first: number, count: number, per: number): Promise<GraphBatch[]> {
  const samples = join(REPO_ROOT, 'data', 'articles');
  const sources = readdirSync(samples).map((name) => readFileSync(join(samples, name), 'utf8'));
  const gazetteer = await loadGazetteer();
  const out: GraphBatch[] = [];
  for (let start = first; start < first + count; start += per) {
    const dir = join(work, `corpus-${start}`);
    mkdirSync(dir);
    for (let n = start; n < Math.min(start + per, first + count); n++) {
      const copy = Math.floor(n / sources.length);
      let text = sources[n % sources.length];
      SURNAMES.forEach((surname, i) => (text = text.replaceAll(surname, invented(copy, i))));
      text = text.replace(/^title: (.*)$/m, `title: $1 (copy ${copy})`);
      writeFileSync(join(dir, `article-${n}.txt`), text);
    }
    out.push(buildGraph((await readSources([dir])).documents, { gazetteer }));
  }
  return out;
}

const rowsOf = (batch: GraphBatch) => batch.nodes.length + batch.edges.length;

function sizeOf(path: string): number {
  let total = 0;
  for (const suffix of ['', '.wal']) {
    try {
      total += statSync(path + suffix).size;
    } catch {
      // no WAL
    }
  }
  return total;
}

/** (a): CSV files for every table (not timed), then the COPY statements alone (timed). */
async function rawCopy(batch: GraphBatch): Promise<number> {
  const path = join(work, 'raw.lbug');
  const database = new Database(path, 1024 * 1024 * 1024);
  await database.init();
  const connection = new Connection(database);
  await connection.init();
  const run = async (statement: string) => {
    const result = await connection.query(statement);
    for (const each of Array.isArray(result) ? result : [result]) each.close();
  };
  for (const statement of splitStatements(loadCypher('schema', 'kuzu'))) await run(statement);
  const copies: string[] = [];
  const byLabel = groupBy(batch.nodes, (node) => node.label);
  for (const [label, nodes] of byLabel) {
    const keys = Object.keys(NODE_PROPS[label]);
    const file = join(work, `raw-${label}.csv`);
    writeCsv(
      file,
      ['id', ...keys],
      nodes.map((node) => [node.id, ...keys.map((key) => node.properties[key] ?? null)]),
    );
    copies.push(`COPY ${label} FROM '${file}' ${COPY_CSV_OPTIONS}`);
  }
  const byTable = groupBy(batch.edges, (edge) => `${edge.type}|${edge.sourceLabel}|${edge.targetLabel}`);
  for (const [key, edges] of byTable) {
    const [type, from, to] = key.split('|') as [keyof typeof REL_PROPS, string, string];
    const keys = Object.keys(REL_PROPS[type]).filter((k) => k !== 'id');
    const file = join(work, `raw-${type}-${from}-${to}.csv`);
    writeCsv(
      file,
      ['from', 'to', 'id', ...keys],
      edges.map((edge) => [edge.source, edge.target, edge.id, ...keys.map((k) => edge.properties[k] ?? null)]),
    );
    const multi = loadCypher('schema', 'kuzu').match(new RegExp(`TABLE IF NOT EXISTS ${type}\\(([^;]*)`))![1];
    const named = (multi.match(/FROM /g) ?? []).length > 1 ? `, from='${from}', to='${to}'` : '';
    copies.push(`COPY ${type} FROM '${file}' ${COPY_CSV_OPTIONS.replace(/\)$/, `${named})`)}`);
  }
  const started = performance.now();
  for (const statement of copies) await run(statement);
  const seconds = (performance.now() - started) / 1000;
  await connection.close();
  await database.close();
  return seconds;
}

async function timedWrite(store: GraphStore, batch: GraphBatch, merge: boolean): Promise<number> {
  const merged = merge ? await mergeCarried(store, batch) : batch;
  const writer = await store.beginWrites();
  const started = performance.now();
  await writer.write(merged);
  const seconds = (performance.now() - started) / 1000;
  await writer.finish();
  return seconds;
}

function line(name: string, rows: number, seconds: number, baseline?: number): void {
  const rate = rows / seconds;
  const ratio = baseline ? `  ratio to (a) ${(rate / baseline).toFixed(3)}` : '';
  console.log(`${name.padEnd(44)} ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rate)} rows/s${ratio}`);
}

async function benchStore(
  name: string,
  open: () => Promise<GraphStore>,
  base: GraphBatch,
  increments: GraphBatch[],
  copyRate?: number,
) {
  const store = await open();
  const b = await timedWrite(store, base, false);
  line(`(b) ${name} write() into an empty database`, rowsOf(base), b, copyRate);
  let rows = 0;
  let seconds = 0;
  for (const increment of increments) {
    seconds += await timedWrite(store, increment, true);
    rows += rowsOf(increment);
  }
  if (increments.length > 0) {
    line(`(c) ${name} write(), ${increments.length} batches of ${BATCH} articles`, rows, seconds, copyRate);
    // Every row of this batch exists already: each relationship is looked up and updated in place.
    const again = increments[increments.length - 1];
    line(`(d) ${name} write() of the last batch again`, rowsOf(again), await timedWrite(store, again, true), copyRate);
  }
  return store;
}

try {
  const [base] = await graphs(0, ARTICLES, ARTICLES);
  const increments = await graphs(ARTICLES, BATCH * INCREMENTS, BATCH);
  console.log(
    `rows: ${ARTICLES} articles = ${base.nodes.length} nodes + ${base.edges.length} relationships; increments of ${BATCH} articles`,
  );
  console.log('(absolute figures depend on the load of this shared machine; compare the ratios)');
  const copySeconds = await rawCopy(base);
  const copyRate = rowsOf(base) / copySeconds;
  line('(a) raw COPY FROM into an empty database', rowsOf(base), copySeconds);
  const dbPath = join(work, 'store.lbug');
  const kuzu = await benchStore(
    'ladybug',
    () => KuzuStore.open({ path: dbPath, readOnly: false }),
    base,
    increments,
    copyRate,
  );
  await kuzu.close();
  const articles = ARTICLES + BATCH * INCREMENTS;
  const bytes = sizeOf(dbPath);
  console.log(
    `database size: ${(bytes / 1e6).toFixed(1)} MB for ${articles} articles = ${Math.round(bytes / articles / 1024)} KB per article`,
  );
  if (process.env.NEO4J_URI) {
    const open = async () => {
      const store = await Neo4jStore.open({
        uri: process.env.NEO4J_URI!,
        ...(process.env.NEO4J_USER ? { user: process.env.NEO4J_USER, password: process.env.NEO4J_PASSWORD ?? '' } : {}),
      });
      await store.connect();
      await store.deleteEverything();
      return store;
    };
    const neo = await benchStore('neo4j', open, base, increments, copyRate);
    await neo.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
