/**
 * Import throughput on a larger corpus: the sample articles repeated with their people's names
 * substituted (so each copy brings new entities), imported into a fresh embedded database.
 *
 * Two modes:
 * - `npx tsx bench/import-throughput.ts [copies=100]`: extraction alone and the whole import, with
 *   the rules alone and, when CORENLP_URL names a running (warm) CoreNLP server, with its tags; the
 *   peak memory of this process and (CORENLP_PID given) of the CoreNLP server.
 * - `npx tsx bench/import-throughput.ts --scaling 100,1000,5000[,20000] [--cap-seconds 1500]`: the
 *   scaling table. Each size is imported with the rules alone (`--ner rules` semantics) by a child
 *   process of its own into a fresh database, so that its peak RSS is that import's alone; a child
 *   past the cap is killed and its row says so. Prints wall time, time per article, words/s, peak
 *   RSS, database size on disk, the share of the time spent in store writes (write calls) and in
 *   store reads for merging (findNodes/findEdges), and the ratios the issue's targets name.
 *   IMPORT_LIVE=1 adds the live JS heap (after a full GC) at each phase's end; IMPORT_SNAPSHOT=dir
 *   writes a heap snapshot there at each phase's end, summarised by bench/heap-summary.ts.
 *   IMPORT_TRACE=1 adds, per write, the engine statement (COPY of a table, CHECKPOINT) in which RSS
 *   was highest, with the pool and glibc's heap (in use, free) then (import-trace.ts);
 *   IMPORT_THREADS=n runs the engine's queries on n threads; IMPORT_TRIM_BEFORE=<regexp of kinds>
 *   calls malloc_trim before each such statement; IMPORT_POOL_MB sets the buffer pool.
 * - `npx tsx bench/import-throughput.ts --corpus dir 20000`: writes the corpus only, for a child
 *   run by hand (`node --import tsx bench/import-throughput.ts --child dir db`, e.g. under gdb).
 * Asserts nothing; the machine is shared, so compare ratios from one run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import { boundImportHeapGrowth } from '../server/cli/import-heap.js';
import { nativeMemoryRelease } from '../server/cli/native-heap.js';
import { REPO_ROOT } from '../server/config.js';
import { buildGraph, loadGazetteer } from '../server/importer/build-graph.js';
import { DEFAULT_BATCH_SIZE, importDocuments } from '../server/importer/import-documents.js';
import { CoreNlpClient } from '../server/importer/ner/corenlp-client.js';
import { tagDocuments } from '../server/importer/ner/tag-documents.js';
import { readSources } from '../server/importer/read/index.js';
import type { GraphStore } from '../server/store/graph-store.js';
import { IMPORT_AUTO_CHECKPOINT, IMPORT_BUFFER_POOL_BYTES } from '../server/store/kuzu/kuzu-database.js';
import { summariseTrace, traceStatements } from './import-trace.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';

const SURNAMES = [
  'Aliyev',
  'Biden',
  'Blinken',
  'Pashinyan',
  'Trump',
  'Baer',
  'Stronski',
  'Pompeo',
  'Shaw',
  'Mehdiyev',
  'Jalilov',
];
const FIRST = ['Ilham', 'Joe', 'Anthony', 'Nikol', 'Donald', 'Daniel', 'Paul', 'Michael', 'Scott', 'Mushvig', 'Orkhan'];
const SYLLABLES = ['ka', 'ro', 'mi', 'ten', 'sal', 'vor', 'de', 'lin', 'ga', 'tus', 'be', 'nor'];

/** A name no gazetteer knows, different for every copy: syllables spelling out the numbers. */
function invented(copy: number, slot: number): string {
  let word = SYLLABLES[slot % SYLLABLES.length];
  for (let n = copy + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length];
  return word[0].toUpperCase() + word.slice(1);
}

/** Writes `articles` articles (the samples, copy after copy) into `dir`; returns the word count. */
function writeCorpus(dir: string, articles: number): number {
  const samples = join(REPO_ROOT, 'data', 'articles');
  const sources = readdirSync(samples).map((name) => readFileSync(join(samples, name), 'utf8'));
  let words = 0;
  for (let n = 0; n < articles; n++) {
    const copy = Math.floor(n / sources.length);
    const index = n % sources.length;
    let text = sources[index];
    SURNAMES.forEach((surname, i) => (text = text.replaceAll(surname, invented(copy, i))));
    FIRST.forEach((first, i) => (text = text.replaceAll(`${first} `, `${invented(copy, i + 5)} `)));
    text = text.replace(/^title: (.*)$/m, `title: $1 (copy ${copy})`);
    words += text.split(/\s+/).length;
    writeFileSync(join(dir, `article-${copy}-${index}.txt`), text);
  }
  return words;
}

/** Bytes of a file or folder (the database is a file plus a WAL, or a folder on older engines). */
function sizeOnDisk(path: string): number {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOnDisk(join(path, name)), 0);
}

interface StoreTiming {
  writeMs: () => number;
  /** findNodes and findEdges (the merge reads), each. */
  nodeReadMs: () => number;
  edgeReadMs: () => number;
  /** Each write call's time, in order (to see whether a batch's write grows with the store). */
  writes: () => number[];
}

/** Wraps the store's write and merge-read calls to time them (whatever API the importer uses). */
function timeStore(store: GraphStore): StoreTiming {
  let writeMs = 0;
  let nodeReadMs = 0;
  let edgeReadMs = 0;
  const writes: number[] = [];
  // Only the outermost timed call counts (writeBatch runs a BatchWriter of its own inside).
  let depth = 0;
  const timed =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, add: (ms: number) => void) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      depth += 1;
      try {
        return await fn(...args);
      } finally {
        depth -= 1;
        if (depth === 0) add(performance.now() - started);
      }
    };
  const addWrite = (ms: number) => {
    writeMs += ms;
    writes.push(ms);
  };
  store.writeBatch = timed(store.writeBatch.bind(store), addWrite);
  store.findNodes = timed(store.findNodes.bind(store), (ms) => (nodeReadMs += ms));
  store.findEdges = timed(store.findEdges.bind(store), (ms) => (edgeReadMs += ms));
  if (typeof store.beginWrites === 'function') {
    const begin = store.beginWrites.bind(store);
    store.beginWrites = async () => {
      const run = await begin();
      const write = timed(run.write.bind(run), addWrite);
      return {
        // A failed write on stderr (the parent keeps its tail): a statements write the engine found
        // too large is written again in halves, and a crash after that should say so.
        write: (batch) =>
          write(batch).catch((error: unknown) => {
            const size =
              'nodes' in batch ? `${batch.nodes.length} nodes, ${batch.edges.length} relationships` : 'in parts';
            process.stderr.write(`write failed (${size}): ${error instanceof Error ? error.message : String(error)}\n`);
            throw error;
          }),
        finish: timed(run.finish.bind(run), addWrite),
      };
    };
  }
  return { writeMs: () => writeMs, nodeReadMs: () => nodeReadMs, edgeReadMs: () => edgeReadMs, writes: () => writes };
}

/** Mean of the first and of the last quarter of the document batches' writes (statements and finish left out). */
function writeGrowth(writes: number[], batches: number): { firstMs: number; lastMs: number } {
  const batchWrites = writes.slice(0, batches);
  const quarter = Math.max(1, Math.floor(batchWrites.length / 4));
  const mean = (items: number[]) => items.reduce((sum, ms) => sum + ms, 0) / Math.max(1, items.length);
  return { firstMs: mean(batchWrites.slice(0, quarter)), lastMs: mean(batchWrites.slice(-quarter)) };
}

/** process.memoryUsage() in MB, with the phase it was taken in. */
interface MemorySample {
  phase: string;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Resident MB of the engine's buffer pool (its one mapping of the pool's size), when read (smaps). */
  pool?: number;
}

/**
 * Resident MB of the engine's buffer pool (Linux; undefined elsewhere): LadybugDB 0.19.1 reserves
 * the pool's frames as one mapping of terabytes of address space (8 TiB here, whatever the pool's
 * size), the largest of the process, and its resident part is what the pool holds.
 */
function poolResidentMb(): number | undefined {
  let smaps: string;
  try {
    smaps = readFileSync('/proc/self/smaps', 'utf8');
  } catch {
    return undefined;
  }
  let largest = 0;
  let resident: number | undefined;
  for (const match of smaps.matchAll(
    /^Size:\s+(\d+) kB\nKernelPageSize:[^\n]*\nMMUPageSize:[^\n]*\nRss:\s+(\d+) kB/gm,
  )) {
    if (Number(match[1]) > largest) [largest, resident] = [Number(match[1]), Math.round(Number(match[2]) / 1024)];
  }
  return largest > 2 ** 30 ? resident : undefined;
}

function memorySample(phase: string): MemorySample {
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  const usage = process.memoryUsage();
  return {
    phase,
    rss: mb(usage.rss),
    heapTotal: mb(usage.heapTotal),
    heapUsed: mb(usage.heapUsed),
    external: mb(usage.external),
    arrayBuffers: mb(usage.arrayBuffers),
  };
}

/**
 * Samples memory every half second and at each phase's end, keeping the sample of highest RSS: it
 * splits the peak into the JS heap, V8's external memory and the rest, which is native (mostly
 * LadybugDB's buffer pool and a write's transaction-local memory). A sample cannot be taken while
 * JavaScript runs synchronously, so the peak it sees may be a little under maxRSS.
 */
class MemoryWatch {
  peak: MemorySample = memorySample('start');
  readonly phaseEnds: MemorySample[] = [];
  private readonly timer = setInterval(() => this.take(this.phase), 500);

  constructor(private phase = 'start') {}

  private ticks = 0;

  take(phase: string): MemorySample {
    const sample = memorySample(phase);
    // The pool's share every 2 s (smaps is long to read) and at each phase's end.
    if (this.ticks++ % 4 === 0 || phase !== this.phase || sample.rss > this.peak.rss) sample.pool = poolResidentMb();
    if (sample.rss > this.peak.rss) this.peak = sample;
    return sample;
  }

  /** The previous phase ended: sample it. */
  enter(next: string): void {
    this.phaseEnds.push(this.take(this.phase));
    this.phase = next;
  }

  stop(): void {
    clearInterval(this.timer);
    this.enter('end');
  }
}

/** The JS heap in use after a full collection, in MB (the child runs with --expose-gc). */
function liveHeapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / (1024 * 1024));
}

/** The child: one import of `dir` into `db`, then one JSON line with its figures. */
async function importOnce(dir: string, db: string): Promise<void> {
  // As `actorgraph import` does; IMPORT_V8_FLAGS: V8 flags set at run time after it, to measure GC
  // settings (IMPORT_V8_FLAGS=--heap-growing-percent=0 is V8's default growth).
  boundImportHeapGrowth();
  if (process.env.IMPORT_V8_FLAGS) v8.setFlagsFromString(process.env.IMPORT_V8_FLAGS);
  const memory = new MemoryWatch();
  // Time in garbage collection (V8's pauses), to weigh a GC setting against the memory it saves.
  let gcMs = 0;
  const gcWatch = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (gcMs += entry.duration)));
  gcWatch.observe({ entryTypes: ['gc'] });
  // IMPORT_POOL_MB: the engine's buffer pool (to measure its effect on peak RSS and time); by
  // default the one `actorgraph import` takes.
  const poolMb = Number(process.env.IMPORT_POOL_MB ?? IMPORT_BUFFER_POOL_BYTES / (1024 * 1024));
  // IMPORT_TRACE=1: each engine statement with the RSS around it (import-trace.ts); IMPORT_THREADS:
  // the engine's threads per query (its default: the machine's cores), to see whether its memory
  // outside the pool is per thread.
  const threads = process.env.IMPORT_THREADS ? Number(process.env.IMPORT_THREADS) : undefined;
  // IMPORT_TRIM_BEFORE=CHECKPOINT (a regular expression of statement kinds): malloc_trim before
  // each such statement, to see whether its peak holds memory freed by the write's COPYs.
  const trimBefore = process.env.IMPORT_TRIM_BEFORE ? new RegExp(process.env.IMPORT_TRIM_BEFORE) : undefined;
  const trimmer = trimBefore ? nativeMemoryRelease() : undefined;
  const before = trimBefore && trimmer ? { kinds: trimBefore, run: trimmer.afterWrite } : undefined;
  const trace =
    process.env.IMPORT_TRACE || threads || before ? traceStatements(poolResidentMb, threads, before) : undefined;
  // As `actorgraph import` opens it (open-store.ts): its pool and its own checkpoints.
  const store = await KuzuStore.open({
    path: db,
    readOnly: false,
    bufferPoolBytes: poolMb * 1024 * 1024,
    autoCheckpoint: IMPORT_AUTO_CHECKPOINT,
  });
  const timing = timeStore(store);
  const started = performance.now();
  // IMPORT_BATCH: documents per write (to measure the batch size); no tagger: the rules alone.
  const batch = process.env.IMPORT_BATCH ? { batchSize: Number(process.env.IMPORT_BATCH) } : {};
  // IMPORT_STATEMENTS: statement occurrences per write in the last phase.
  const perWrite = process.env.IMPORT_STATEMENTS ? { statementsPerWrite: Number(process.env.IMPORT_STATEMENTS) } : {};
  // IMPORT_PART: statement occurrences per part of a statements write.
  const perPart = process.env.IMPORT_PART ? { statementsPerPart: Number(process.env.IMPORT_PART) } : {};
  // As `actorgraph import` does: malloc_trim after each write (cli/native-heap.ts); IMPORT_TRIM=0
  // leaves it out, to measure what it saves and costs.
  const release = process.env.IMPORT_TRIM === '0' ? undefined : nativeMemoryRelease();
  if (release?.unavailable) process.stderr.write(`no malloc_trim: ${release.unavailable}\n`);
  let trimMs = 0;
  const afterWrite = release
    ? () => {
        const at = performance.now();
        release.afterWrite();
        trimMs += performance.now() - at;
      }
    : undefined;
  const phases: Record<string, number> = {};
  // IMPORT_LIVE=1: the live JS heap (after a full GC) at each phase's end, to see what the import keeps.
  const live = process.env.IMPORT_LIVE ? liveHeapMb : undefined;
  const liveMb: Record<string, number> = {};
  let phase = '';
  let phaseStarted = performance.now();
  let statementWrites = 0;
  const report = await importDocuments(store, [dir], {
    ...batch,
    ...perWrite,
    ...perPart,
    ...(afterWrite ? { afterWrite } : {}),
    onProgress: ({ phase: next, current, total }) => {
      // On stderr, so that a run that fails says in which phase (the parent keeps stderr's tail).
      if (next === 'statements' && current > 0) statementWrites += 1;
      if (next !== phase || next === 'statements') process.stderr.write(`phase ${next} ${current}/${total}\n`);
      if (next === phase) return;
      memory.enter(next);
      if (live) liveMb[phase || 'start'] = live();
      // IMPORT_SNAPSHOT=dir: a heap snapshot at each phase's end, to see what the import keeps
      // (summarise with bench/heap-summary.ts).
      if (process.env.IMPORT_SNAPSHOT)
        v8.writeHeapSnapshot(join(process.env.IMPORT_SNAPSHOT, `${phase || 'start'}.heapsnapshot`));
      const now = performance.now();
      if (phase) phases[phase] = now - phaseStarted;
      [phase, phaseStarted] = [next, now];
    },
  });
  const ms = performance.now() - started;
  memory.stop();
  gcWatch.disconnect();
  if (live) liveMb[phase] = live();
  trace?.stop();
  await store.close();
  const batches = Math.ceil(report.documents.length / (batch.batchSize ?? DEFAULT_BATCH_SIZE));
  const result = {
    ms,
    documents: report.documents.length,
    writeMs: timing.writeMs(),
    readMs: timing.nodeReadMs() + timing.edgeReadMs(),
    nodeReadMs: timing.nodeReadMs(),
    edgeReadMs: timing.edgeReadMs(),
    phases,
    statements: report.nodesByLabel.Statement ?? 0,
    statementWrites,
    ...writeGrowth(timing.writes(), batches),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    liveMb,
    gcMs,
    trimMs: afterWrite && !release?.unavailable ? trimMs : undefined,
    memory: { peak: memory.peak, phaseEnds: memory.phaseEnds },
    trace: process.env.IMPORT_TRACE && trace ? summariseTrace(trace.statements) : undefined,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

interface Row {
  articles: number;
  words: number;
  wallMs: number;
  failed?: string;
  result?: {
    ms: number;
    documents: number;
    writeMs: number;
    readMs: number;
    nodeReadMs: number;
    edgeReadMs: number;
    phases: Record<string, number>;
    statements: number;
    statementWrites: number;
    firstMs: number;
    lastMs: number;
    maxRssMb: number;
    liveMb: Record<string, number>;
    gcMs: number;
    /** Time in malloc_trim (undefined: not called). */
    trimMs?: number;
    memory: { peak: MemorySample; phaseEnds: MemorySample[] };
    trace?: string[];
  };
  dbBytes: number;
}

function runChild(dir: string, db: string, capSeconds: number): Promise<{ out: string; failed?: string }> {
  const self = fileURLToPath(import.meta.url);
  // IMPORT_HEAP_MB: V8's old-space limit for the child (the JS heap is otherwise left to grow with
  // uncollected garbage: to measure what a limit on it would save).
  const heap = process.env.IMPORT_HEAP_MB ? [`--max-old-space-size=${process.env.IMPORT_HEAP_MB}`] : [];
  if (process.env.IMPORT_LIVE) heap.push('--expose-gc');
  const child = spawn(process.execPath, [...heap, '--import', 'tsx', self, '--child', dir, db], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2000)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, capSeconds * 1000);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && timedOut) resolve({ out, failed: `killed after the ${capSeconds} s cap` });
      else if (code !== 0) {
        const lines = err.trim().split('\n');
        const during = lines.filter((line) => line.startsWith('phase ')).pop() ?? 'before any phase';
        const error = lines
          .filter((line) => !line.startsWith('phase '))
          .slice(-3)
          .join(' / ');
        // A native crash (the engine) ends the child by a signal, with nothing on stderr.
        const how = signal ? `killed by ${signal} (pid ${child.pid})` : `exit ${code}`;
        resolve({ out, failed: `${how} during ${during}: ${error}` });
      } else resolve({ out });
    }),
  );
}

async function scaling(sizes: number[], capSeconds: number): Promise<void> {
  const rows: Row[] = [];
  for (const articles of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'actorgraph-scaling-'));
    try {
      const corpus = join(dir, 'corpus');
      mkdirSync(corpus);
      const words = writeCorpus(corpus, articles);
      const db = join(dir, 'graph.lbug');
      const started = performance.now();
      const { out, failed } = await runChild(corpus, db, capSeconds);
      const wallMs = performance.now() - started;
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      const row: Row = { articles, words, wallMs, dbBytes: sizeOnDisk(db) + sizeOnDisk(`${db}.wal`) };
      if (failed) row.failed = failed;
      if (line) row.result = JSON.parse(line.slice('RESULT '.length)) as Row['result'];
      rows.push(row);
      printRow(row);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printRatios(rows);
}

function printRow(row: Row): void {
  const r = row.result;
  const cells = [
    String(row.articles).padStart(6),
    `${(row.wallMs / 1000).toFixed(1)} s`.padStart(9),
    r ? `${(r.ms / row.articles).toFixed(1)} ms`.padStart(10) : '-'.padStart(10),
    r ? `${Math.round(row.words / (r.ms / 1000))}`.padStart(8) : '-'.padStart(8),
    r ? `${Math.round(r.maxRssMb)} MB`.padStart(8) : '-'.padStart(8),
    `${(row.dbBytes / 1e6).toFixed(1)} MB`.padStart(10),
    r ? `${Math.round((100 * r.writeMs) / r.ms)}%`.padStart(6) : '-'.padStart(6),
    r ? `${Math.round((100 * r.readMs) / r.ms)}%`.padStart(6) : '-'.padStart(6),
  ];
  console.log(`${cells.join(' ')}${row.failed ? `  FAILED: ${row.failed}` : ''}`);
  if (!r) return;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const phases = Object.entries(r.phases).map(([name, ms]) => `${name} ${seconds(ms)}`);
  console.log(
    `        phases: ${phases.join(', ')} (${r.statements} statements in ${r.statementWrites} writes); reads: nodes ${seconds(r.nodeReadMs)}, edges ${seconds(r.edgeReadMs)}; ` +
      `a batch's write: first quarter ${Math.round(r.firstMs)} ms, last quarter ${Math.round(r.lastMs)} ms; ` +
      `GC pauses ${seconds(r.gcMs)} (${Math.round((100 * r.gcMs) / r.ms)}%); ` +
      (r.trimMs === undefined ? 'no malloc_trim' : `malloc_trim ${seconds(r.trimMs)}`),
  );
  const split = (m: MemorySample) =>
    `${m.rss} MB = JS heap ${m.heapTotal} (used ${m.heapUsed}) + external ${m.external} (array buffers ${m.arrayBuffers}) + native ${m.rss - m.heapTotal - m.external}` +
    (m.pool === undefined ? '' : ` (pool ${m.pool}, other ${m.rss - m.heapTotal - m.external - m.pool})`);
  console.log(`        memory at sampled peak (${r.memory.peak.phase}): ${split(r.memory.peak)}`);
  console.log(`        at each phase's end: ${r.memory.phaseEnds.map((m) => `${m.phase} ${split(m)}`).join('; ')}`);
  const live = Object.entries(r.liveMb ?? {});
  if (live.length > 0)
    console.log(`        live JS heap at each phase's end: ${live.map(([p, mb]) => `${p} ${mb} MB`).join(', ')}`);
  for (const line of r.trace ?? []) console.log(`        trace: ${line}`);
}

function printRatios(table: Row[]): void {
  const perArticle = (n: number) => {
    const row = table.find((r) => r.articles === n && r.result);
    return row?.result ? row.result.ms / n : undefined;
  };
  const rss = (n: number) => table.find((r) => r.articles === n && r.result)?.result?.maxRssMb;
  const [small, large] = [perArticle(100), perArticle(5000)];
  if (small && large) console.log(`time per article 5,000 / 100: ${(large / small).toFixed(2)}x (target <= 1.3x)`);
  const [base, big] = [rss(1000), rss(20000)];
  if (base && big) console.log(`peak RSS 20,000 / 1,000: ${(big / base).toFixed(2)}x (target <= 1.2x)`);
  const [base5] = [rss(5000)];
  if (base && base5) console.log(`peak RSS 5,000 / 1,000: ${(base5 / base).toFixed(2)}x`);
}

async function classic(copies: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-throughput-'));
  const words = writeCorpus(dir, copies * readdirSync(join(REPO_ROOT, 'data', 'articles')).length);
  console.log(`corpus       ${readdirSync(dir).length} articles, ${words} words`);

  const read = await readSources([dir]);
  const gazetteer = await loadGazetteer();
  let started = performance.now();
  const batch = buildGraph(read.documents, { gazetteer });
  const extractSeconds = (performance.now() - started) / 1000;
  console.log(
    `extraction   ${extractSeconds.toFixed(2)} s, ${Math.round(words / extractSeconds)} words/s (${batch.nodes.length} nodes, ${batch.edges.length} relationships)`,
  );

  const corenlpUrl = process.env.CORENLP_URL;
  if (corenlpUrl) {
    const tagger = new CoreNlpClient({ url: corenlpUrl });
    // One small document first, so that the figure is the warm server's.
    await tagger.tag('Warm-up sentence by Ana Perez in Vienna.');
    started = performance.now();
    const tagged = await tagDocuments(read.documents, { tagger, mode: 'corenlp' });
    const tagSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const nerBatch = buildGraph(tagged.documents, { gazetteer, ner: tagged.spans });
    const nerExtractSeconds = (performance.now() - started) / 1000;
    console.log(
      `corenlp tags ${tagSeconds.toFixed(2)} s, ${Math.round(words / tagSeconds)} words/s (warm server, ${tagged.documents.length} documents, 2 at a time)`,
    );
    console.log(
      `+ extraction ${nerExtractSeconds.toFixed(2)} s; tags + extraction ${Math.round(words / (tagSeconds + nerExtractSeconds))} words/s (${nerBatch.nodes.length} nodes)`,
    );
  }
  console.log(`peak memory  this process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  if (process.env.CORENLP_PID) {
    const status = readFileSync(`/proc/${process.env.CORENLP_PID}/status`, 'utf8');
    const peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    if (peak) console.log(`peak memory  CoreNLP server ${Math.round(Number(peak) / 1024)} MB`);
  }

  const store = await KuzuStore.open({ path: join(dir, 'graph.lbug'), readOnly: false });
  started = performance.now();
  const report = await importDocuments(store, [dir]);
  const importSeconds = (performance.now() - started) / 1000;
  console.log(
    `import       ${importSeconds.toFixed(2)} s, ${Math.round(words / importSeconds)} words/s end to end (${report.documents.length} documents)`,
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

const args = process.argv.slice(2);
if (args[0] === '--corpus') {
  // --corpus dir articles: only the corpus, to run a child import by hand (under gdb, say).
  mkdirSync(args[1], { recursive: true });
  console.log(`${writeCorpus(args[1], Number(args[2]))} words in ${args[1]}`);
} else if (args[0] === '--child') {
  await importOnce(args[1], args[2]);
} else if (args[0] === '--scaling') {
  const sizes = (args[1] ?? '100,1000,5000').split(',').map(Number);
  const capAt = args.indexOf('--cap-seconds');
  const cap = capAt >= 0 ? Number(args[capAt + 1]) : 1500;
  console.log('rules alone, one child import per size into a fresh database; figures taken on a shared, busy machine');
  console.log('  arts      wall   per art  words/s  peak RSS    db size  write  reads');
  await scaling(sizes, cap);
} else {
  await classic(Number(args[0] ?? 100));
}
