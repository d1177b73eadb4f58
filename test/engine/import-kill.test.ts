/**
 * kill -9 during an import: an import writes its articles in batches, each in one transaction, so
 * whenever the process dies the database must open afterwards and hold whole batches only, on top
 * of what an earlier import wrote; running the import again finishes it: the documents already
 * written are skipped by content hash and the graph is the one an uninterrupted import gives. A
 * real `actorgraph import` process is killed at several points of a full import's duration.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import type { StatsResponse } from '../../server/domain/api.js';
import { copyDatabase, readDatabase, statsOf } from '../helpers/database-copies.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const BIN = join(REPO_ROOT, 'bin', 'actorgraph.js');
const SAMPLES = join(REPO_ROOT, 'data', 'articles');
const SURNAMES = ['Aliyev', 'Biden', 'Blinken', 'Pashinyan', 'Trump', 'Baer', 'Pompeo', 'Mehdiyev', 'Jalilov'];

/** The sample articles 60 times over, each copy with its own people, so the batch is large. */
function largeCorpus(): string {
  const dir = tempDir('actorgraph-kill-corpus-');
  const sources = readdirSync(SAMPLES).map((name) => readFileSync(join(SAMPLES, name), 'utf8'));
  for (let copy = 0; copy < 60; copy++) {
    sources.forEach((source, index) => {
      let text = source.replace(/^title: (.*)$/m, `title: $1 (copy ${copy})`);
      SURNAMES.forEach((surname, i) => (text = text.replaceAll(surname, `Copy${copy}x${i}son`)));
      writeFileSync(join(dir, `article-${copy}-${index}.txt`), text);
    });
  }
  return dir;
}

function startImport(dbPath: string, articles: string, extra: string[] = []) {
  // --store: with NEO4J_URI set the CLI would write to Neo4j. --ner rules: with the test run's
  // CORENLP_URL the CLI would tag 120 articles through CoreNLP, minutes per import; this test is
  // about the database, not the names.
  const child = spawn(
    process.execPath,
    [BIN, 'import', articles, '--store', 'ladybug', '--ner', 'rules', '--db', dbPath, ...extra],
    {
      cwd: REPO_ROOT,
      // A progress line after every batch, so the resume test can kill the import between two.
      env: { ...process.env, ACTORGRAPH_PROGRESS_EVERY_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let progress = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (progress += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output, progress: () => progress };
}

/** Polls the import's progress every `pollMs` until `ready` says so; fails if the import ends first. */
async function waitForProgress(
  run: ReturnType<typeof startImport>,
  pollMs: number,
  ready: (progress: string) => boolean,
): Promise<void> {
  while (!ready(run.progress())) {
    expect(await Promise.race([run.exited.then(() => 'exited'), sleep(pollMs)]), 'import ended first').not.toBe(
      'exited',
    );
  }
}

/** The folders of statement occurrences an import process spilled to disk (statement-spill.ts). */
function spillsOf(pid: number | undefined): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`actorgraph-spill-${pid}-`));
}

/** The whole graph, sorted by id. */
const exportOf = (dbPath: string) => readDatabase(dbPath, 'export');

let corpus: string;
let base: string;
let before: StatsResponse;
let after: StatsResponse;
let fullImportMs: number;
let referencePath: string;

beforeAll(async () => {
  corpus = largeCorpus();
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  base = join(dir, 'base.lbug');
  expect(await startImport(base, SAMPLES).exited).toBe(0);
  before = await statsOf(base);
  const reference = copyDatabase(base, join(dir, 'reference.lbug'));
  referencePath = reference;
  const started = Date.now();
  expect(await startImport(reference, corpus).exited).toBe(0);
  fullImportMs = Date.now() - started;
  after = await statsOf(reference);
  expect(after.totalNodes).toBeGreaterThan(before.totalNodes + 400);
}, 180_000);

afterAll(removeTempDirs);

describe('an import killed with SIGKILL', () => {
  it('leaves a database that opens with whole batches, and a re-run finishes it', { timeout: 300_000 }, async () => {
    const outcomes: string[] = [];
    const documents = (stats: StatsResponse) => stats.nodes.Document ?? 0;
    for (const fraction of [0.2, 0.5, 0.8, 0.95, 1.05]) {
      const trial = copyDatabase(base, join(tempDir(), 'trial.lbug'));
      const { child, exited } = startImport(trial, corpus);
      await sleep(Math.round(fullImportMs * fraction));
      child.kill('SIGKILL');
      await exited;
      const stats = await statsOf(trial);
      // The corpus is fewer documents than a batch: its documents are all written or none.
      expect([documents(before), documents(after)], `killed at ${fraction}`).toContain(documents(stats));
      // "documents": the batch is written, the statements (written last) are not yet.
      const outcome =
        stats.totalNodes === before.totalNodes ? 'none' : stats.totalNodes === after.totalNodes ? 'all' : 'documents';
      outcomes.push(`${fraction}: ${outcome}`);
    }
    // Kills early in the import must find nothing written; which later ones do depends on timing.
    expect(outcomes[0]).toBe('0.2: none');
    console.log(`kill -9 during import (full import ${fullImportMs} ms): ${outcomes.join(', ')}`);
  });

  it(
    'restarts where it stopped: written batches are "already imported", the graph is the uninterrupted one',
    { timeout: 400_000 },
    async () => {
      const reference = await exportOf(referencePath);
      const trial = copyDatabase(base, join(tempDir(), 'resume.lbug'));
      const killed = startImport(trial, corpus, ['--batch-size', '10']);
      // Killed as soon as its progress line shows some batches written.
      await waitForProgress(killed, 100, (progress) => {
        const done = [...progress.matchAll(/importing: (\d+)\/(\d+)/g)].at(-1);
        return done !== undefined && Number(done[1]) > 0 && Number(done[1]) < Number(done[2]);
      });
      killed.child.kill('SIGKILL');
      await killed.exited;
      const written = (await statsOf(trial)).nodes.Document ?? 0;
      expect(written).toBeGreaterThan(before.nodes.Document ?? 0);
      expect(written).toBeLessThan(after.nodes.Document ?? 0);

      const again = startImport(trial, corpus, ['--batch-size', '10']);
      expect(await again.exited).toBe(0);
      const already = Number(/Already imported: (\d+) document/.exec(again.output())?.[1]);
      expect(already).toBeGreaterThanOrEqual(written - (before.nodes.Document ?? 0));
      expect(await exportOf(trial)).toEqual(reference);
    },
  );

  it(
    'killed while writing the statements (the last writes), a re-run writes them again: the uninterrupted graph',
    { timeout: 400_000 },
    async () => {
      const reference = await exportOf(referencePath);
      const trial = copyDatabase(base, join(tempDir(), 'statements.lbug'));
      const killed = startImport(trial, corpus);
      // The statements phase says 0/N before its one write starts.
      await waitForProgress(killed, 20, (progress) => /statements: 0\//.test(progress));
      killed.child.kill('SIGKILL');
      await killed.exited;
      // The killed import's spilled statement occurrences stay on disk until the next import.
      expect(spillsOf(killed.child.pid)).toHaveLength(1);
      const stats = await statsOf(trial);
      // Every document batch was written before; of the statements, all or nothing.
      expect(stats.nodes.Document).toBe(after.nodes.Document);
      expect([before.nodes.Statement ?? 0, after.nodes.Statement]).toContain(stats.nodes.Statement ?? 0);

      const again = startImport(trial, corpus);
      expect(await again.exited).toBe(0);
      expect(await exportOf(trial)).toEqual(reference);
      expect(spillsOf(killed.child.pid)).toEqual([]);
      expect(spillsOf(again.child.pid)).toEqual([]);
    },
  );
});
