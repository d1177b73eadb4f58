/**
 * The rules' extraction of this tree against an earlier commit's, in one process: the commit's
 * server code is taken with `git archive` into a temporary folder and loaded next to this tree's.
 * Both extract the same documents: the sample articles repeated with their people's names
 * substituted (as bench/import-throughput.ts builds its corpus), and any folders given with
 * --also. Prints whether the two outputs (the GraphBatch serialised as JSON) are byte for byte
 * the same, per corpus, then words/s of each side over alternating rounds (old, new, new, old, …,
 * so that a change in the machine's load falls on both) and the median ratio, by wall-clock time
 * and by this process's CPU time (steadier when the machine is busy). Asserts nothing.
 *
 * Run: npx tsx bench/extraction-compare.ts <commit> [copies=100] [rounds=10] [--also DIR ...]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../server/config.js';
import type { GraphBatch } from '../server/domain/graph.js';
import * as current from '../server/importer/build-graph.js';
import type { Gazetteer } from '../server/importer/gazetteer.js';
import { readSources, type SourceDocument } from '../server/importer/read/index.js';
import { percentile } from './bench-server.js';
import { wordCount, writeSubstitutedCorpus } from './substituted-corpus.js';

const args = process.argv.slice(2);
const alsoAt = args.indexOf('--also');
const also = alsoAt >= 0 ? args.slice(alsoAt + 1) : [];
const [commit, copiesArg, roundsArg] = alsoAt >= 0 ? args.slice(0, alsoAt) : args;
if (!commit) throw new Error('usage: npx tsx bench/extraction-compare.ts <commit> [copies] [rounds] [--also DIR ...]');
const COPIES = Number(copiesArg ?? 100);
const ROUNDS = Number(roundsArg ?? 10);

type Build = typeof current;

/** The commit's server code and gazetteer in a temporary folder, with this tree's node_modules. */
async function loadOld(dir: string): Promise<Build> {
  const archive = execFileSync('git', ['archive', commit, 'server', 'data/gazetteer.yaml', 'package.json'], {
    cwd: REPO_ROOT,
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  return (await import(join(dir, 'server', 'importer', 'build-graph.ts'))) as Build;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

interface Timing {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds of this process (user + system): less sensitive than wall time to a busy machine. */
  cpu: number;
}

/** What one side takes to extract the documents. */
function timed(build: Build, documents: SourceDocument[], gazetteer: Gazetteer): Timing {
  const cpu = process.cpuUsage();
  const started = performance.now();
  build.buildGraph(documents, { gazetteer });
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 };
}

const dir = mkdtempSync(join(tmpdir(), 'actorgraph-extraction-compare-'));
try {
  const old = await loadOld(dir);
  const corpusDir = mkdtempSync(join(dir, 'corpus-'));
  writeSubstitutedCorpus(corpusDir, COPIES);
  const gazetteers = {
    old: await old.loadGazetteer(join(dir, 'data', 'gazetteer.yaml')),
    new: await current.loadGazetteer(),
  };

  console.log(`old: ${commit} (git archive in ${dir}); new: this tree`);
  for (const folder of [corpusDir, ...also]) {
    const { documents } = await readSources([folder]);
    const serialise = (batch: GraphBatch) => JSON.stringify(batch);
    const before = serialise(old.buildGraph(documents, { gazetteer: gazetteers.old }));
    const after = serialise(current.buildGraph(documents, { gazetteer: gazetteers.new }));
    const name = folder === corpusDir ? `corpus of ${COPIES} copies` : folder;
    const same = before === after ? 'byte for byte the same' : `DIFFERENT (${before.length} / ${after.length} chars)`;
    console.log(`output       ${name}: ${documents.length} documents, ${same}`);
  }

  const { documents } = await readSources([corpusDir]);
  const words = wordCount(documents);
  const timings = { old: [] as Timing[], new: [] as Timing[] };
  // A round of each first, so that both sides' figures are those of compiled code.
  timed(old, documents, gazetteers.old);
  timed(current, documents, gazetteers.new);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
    for (const side of order) timings[side].push(timed(side === 'old' ? old : current, documents, gazetteers[side]));
  }
  console.log(`corpus       ${documents.length} articles, ${words} words, ${ROUNDS} rounds each side`);
  for (const kind of ['wall', 'cpu'] as const) {
    const rate = (side: 'old' | 'new') => Math.round(words / median(timings[side].map((timing) => timing[kind])));
    const ratios = timings.old.map((timing, round) => timing[kind] / timings.new[round][kind]);
    console.log(
      `${kind === 'wall' ? 'wall time' : 'CPU time '}    old ${rate('old')} words/s, new ${rate('new')} words/s (medians); ` +
        `new / old ${median(ratios).toFixed(2)}x (median of the rounds' ratios, from ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
