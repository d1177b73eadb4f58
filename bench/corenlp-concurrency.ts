/**
 * How many documents to keep in flight to CoreNLP's server: tags the same corpus (the sample
 * articles repeated with substituted names) with 1, 2, 3, … documents at once through
 * tagDocuments, the levels in a forward and then a backward pass (1 2 3 4 4 3 2 1 …) so that a
 * change in the machine's load falls on every level, and prints words/s per level (median of its
 * runs), its ratio to the importer's default (TAG_CONCURRENCY) and, on Linux, how many cores the
 * server kept busy (CPU seconds of its process group over wall seconds). Then the extraction with
 * those tags, and tags + extraction in words/s. Asserts nothing.
 *
 * A running (warm) server: CORENLP_URL=http://127.0.0.1:9000 CORENLP_PID=<its process group>;
 * without CORENLP_URL one is started on a free port and stopped afterwards.
 * Run: npx tsx bench/corenlp-concurrency.ts [copies=6] [levels=1,2,3,4] [passes=2]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph, loadGazetteer } from '../server/importer/build-graph.js';
import { CoreNlpClient } from '../server/importer/ner/corenlp-client.js';
import { startCoreNlp, type RunningCoreNlp } from '../server/importer/ner/corenlp-launcher.js';
import { TAG_CONCURRENCY, tagDocuments } from '../server/importer/ner/tag-documents.js';
import { readSources } from '../server/importer/read/index.js';
import { percentile } from './bench-server.js';
import { wordCount, writeSubstitutedCorpus } from './substituted-corpus.js';

const COPIES = Number(process.argv[2] ?? 6);
const LEVELS = (process.argv[3] ?? '1,2,3,4').split(',').map(Number);
const PASSES = Number(process.argv[4] ?? 2);
/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** CPU seconds used so far by every process of a process group (Linux; undefined elsewhere). */
function groupCpuSeconds(group: number): number | undefined {
  let ticks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // the process ended meanwhile
      }
      // Fields after the command's closing parenthesis: state ppid pgrp … utime (14th) stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return undefined;
  }
  return ticks / TICKS;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

let started: RunningCoreNlp | undefined;
const dir = mkdtempSync(join(tmpdir(), 'actorgraph-corenlp-concurrency-'));
try {
  let url = process.env.CORENLP_URL;
  let group = process.env.CORENLP_PID ? Number(process.env.CORENLP_PID) : undefined;
  if (!url) {
    console.log('starting CoreNLP on a free port…');
    started = await startCoreNlp();
    ({ url } = started);
    group = started.pid;
  }
  writeSubstitutedCorpus(dir, COPIES);
  const { documents } = await readSources([dir]);
  const words = wordCount(documents);
  const tagger = new CoreNlpClient({ url });
  // A few documents first, at the highest level, so that the figures are the warm server's.
  await tagDocuments(documents.slice(0, Math.max(...LEVELS)), {
    tagger,
    mode: 'corenlp',
    concurrency: Math.max(...LEVELS),
  });
  console.log(
    `corpus       ${documents.length} articles, ${words} words; CoreNLP at ${url}; ${PASSES} passes over levels ${LEVELS.join(',')}`,
  );

  const runs = new Map<number, Array<{ seconds: number; cores?: number }>>(LEVELS.map((level) => [level, []]));
  let spans: Awaited<ReturnType<typeof tagDocuments>>['spans'];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const level of pass % 2 === 0 ? LEVELS : [...LEVELS].reverse()) {
      const cpuBefore = group === undefined ? undefined : groupCpuSeconds(group);
      const begin = performance.now();
      const tagged = await tagDocuments(documents, { tagger, mode: 'corenlp', concurrency: level });
      const seconds = (performance.now() - begin) / 1000;
      const cpuAfter = group === undefined ? undefined : groupCpuSeconds(group);
      const cores = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / seconds : undefined;
      runs.get(level)!.push({ seconds, ...(cores !== undefined ? { cores } : {}) });
      spans = tagged.spans;
      console.log(
        `  pass ${pass + 1}, ${level} at once: ${seconds.toFixed(1)} s, ${Math.round(words / seconds)} words/s${cores !== undefined ? `, server busy on ${cores.toFixed(2)} cores` : ''}`,
      );
    }
  }

  const base = median(runs.get(TAG_CONCURRENCY)?.map((run) => run.seconds) ?? [NaN]);
  console.log('at once   words/s (median)   vs default   server cores (median)');
  for (const level of LEVELS) {
    const list = runs.get(level)!;
    const seconds = median(list.map((run) => run.seconds));
    const cores = list.every((run) => run.cores !== undefined) ? median(list.map((run) => run.cores!)) : undefined;
    console.log(
      `${String(level).padStart(7)} ${String(Math.round(words / seconds)).padStart(18)} ${`${(base / seconds).toFixed(2)}x`.padStart(12)} ${cores === undefined ? '' : cores.toFixed(2).padStart(22)}${level === TAG_CONCURRENCY ? '   (the default)' : ''}`,
    );
  }

  const gazetteer = await loadGazetteer();
  const begin = performance.now();
  buildGraph(documents, { gazetteer, ner: spans });
  const extractSeconds = (performance.now() - begin) / 1000;
  const best = Math.min(...LEVELS.map((level) => median(runs.get(level)!.map((run) => run.seconds))));
  console.log(
    `extraction with the tags ${extractSeconds.toFixed(2)} s (${Math.round(words / extractSeconds)} words/s); tags at the best level + extraction: ${Math.round(words / (best + extractSeconds))} words/s`,
  );
} finally {
  await started?.stop();
  rmSync(dir, { recursive: true, force: true });
}
