/**
 * kill -9 during an import: an import writes its articles as one batch in one transaction, so
 * whenever the process dies the database must open afterwards and hold either the whole batch or
 * none of it, on top of what an earlier import wrote. A real `actorgraph import` process is
 * killed at several points of a full import's duration (reading, extracting, writing, committing).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import type { StatsResponse } from '../../server/domain/api.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
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

function startImport(dbPath: string, articles: string) {
  // --store: with NEO4J_URI set the CLI would write to Neo4j. --ner rules: with the test run's
  // CORENLP_URL the CLI would tag 120 articles through CoreNLP, minutes per import; this test is
  // about the database, not the names.
  const child = spawn(
    process.execPath,
    [BIN, 'import', articles, '--store', 'ladybug', '--ner', 'rules', '--db', dbPath],
    {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

async function statsOf(dbPath: string): Promise<StatsResponse> {
  const store = await KuzuStore.open({ path: dbPath, readOnly: true });
  try {
    return await store.stats();
  } finally {
    await store.close();
  }
}

/** A copy of a closed database (checkpointed, so the main file is all of it). */
function copyDatabase(from: string, to: string): string {
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
  return to;
}

let corpus: string;
let base: string;
let before: StatsResponse;
let after: StatsResponse;
let fullImportMs: number;

beforeAll(async () => {
  corpus = largeCorpus();
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  base = join(dir, 'base.lbug');
  expect(await startImport(base, SAMPLES).exited).toBe(0);
  before = await statsOf(base);
  const reference = copyDatabase(base, join(dir, 'reference.lbug'));
  const started = Date.now();
  expect(await startImport(reference, corpus).exited).toBe(0);
  fullImportMs = Date.now() - started;
  after = await statsOf(reference);
  expect(after.totalNodes).toBeGreaterThan(before.totalNodes + 400);
}, 180_000);

afterAll(removeTempDirs);

describe('an import killed with SIGKILL', () => {
  it('leaves a database that opens with all of the batch or none of it', { timeout: 300_000 }, async () => {
    const outcomes: string[] = [];
    for (const fraction of [0.2, 0.5, 0.8, 0.9, 0.95, 0.99, 1.05]) {
      const trial = copyDatabase(base, join(tempDir(), 'trial.lbug'));
      const { child, exited } = startImport(trial, corpus);
      await sleep(Math.round(fullImportMs * fraction));
      child.kill('SIGKILL');
      await exited;
      const stats = await statsOf(trial);
      const outcome = stats.totalNodes === before.totalNodes ? 'none' : 'all';
      expect([before, after], `killed at ${fraction} of the import`).toContainEqual(stats);
      outcomes.push(`${fraction}: ${outcome}`);
      if (fraction === 0.99) {
        // And the killed import can simply be run again.
        expect(await startImport(trial, corpus).exited).toBe(0);
        expect(await statsOf(trial)).toEqual(after);
      }
    }
    // Kills early in the import must find nothing written; which later ones do depends on timing.
    expect(outcomes[0]).toBe('0.2: none');
    console.log(`kill -9 during import (full import ${fullImportMs} ms): ${outcomes.join(', ')}`);
  });
});
