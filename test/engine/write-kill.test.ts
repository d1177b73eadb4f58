/**
 * kill -9 at each point of a write (issue 14 item 1), on the store's own write path: a child
 * process writes a second batch into a database that holds a first one, and is killed as it
 * reaches a point (in the transaction, during a COPY, at commit, after commit). The database must
 * open afterwards, hold all of the second batch or none of it, and take the batch again.
 * (The points around the full-text indexes — dropped, rebuilt — need the fts extension, which
 * cannot be installed offline: the marker that makes them recoverable is tested in
 * test/contract/kuzu-bulk-write.test.ts.)
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import type { StatsResponse } from '../../server/domain/api.js';
import { copyDatabase, readDatabase, statsOf } from '../helpers/database-copies.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const CHILD = join(REPO_ROOT, 'test', 'engine', 'write-kill-child.ts');

/** Runs the child; with `killAt`, kills it with SIGKILL when it prints that point. */
function writePart(
  dbPath: string,
  part: number,
  killAt?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; killed: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, String(part)], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let killed = false;
  let seen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    seen += chunk.toString();
    if (killAt && !killed && seen.split('\n').some((line) => line.startsWith(`point ${killAt}`))) {
      killed = child.kill('SIGKILL');
    }
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, killed })));
}

/** The nodes whose stored degree (server/store/kuzu/kuzu-degrees.ts) is not a fresh count of their relationships. */
const wrongDegrees = (dbPath: string) => readDatabase(dbPath, 'wrong-degrees');

let base: string;
let before: StatsResponse;
let after: StatsResponse;

beforeAll(async () => {
  const dir = tempDir();
  base = join(dir, 'base.lbug');
  expect((await writePart(base, 0)).code).toBe(0);
  before = await statsOf(base);
  const reference = copyDatabase(base, join(dir, 'reference.lbug'));
  expect((await writePart(reference, 1)).code).toBe(0);
  after = await statsOf(reference);
  expect(after.totalNodes).toBeGreaterThan(before.totalNodes);
}, 300_000);

afterAll(removeTempDirs);

describe('a write killed with SIGKILL', () => {
  // Points in the order a write reaches them: the first COPY is of the Actor nodes, the last of
  // the ABOUT relationships, after which only the commit remains.
  for (const point of [
    'begin',
    'copy Actor',
    'copy Statement',
    'copy SAID',
    'copy ABOUT',
    'degrees',
    'commit',
    'finish',
  ]) {
    it(
      `at "${point}" leaves a database that opens with all of the batch or none, and takes it again`,
      // Killed inside its COMMIT, the writer leaves a log that LadybugDB 0.19.1 sometimes cannot
      // replay: the process that opens the database dies of SIGSEGV (on 2026-12-02: 1 local run in
      // 3 or 4 under load, and the first try of 2 CI runs of 3). The store replays such a log in a
      // child process before it opens the database, and sets it aside if that child dies
      // (server/store/kuzu/wal-replay.ts, test/engine/wal-replay.test.ts): the database then opens
      // without the batch, as this case expects either way.
      { timeout: 300_000 },
      async () => {
        const trial = copyDatabase(base, join(tempDir(), 'trial.lbug'));
        const { killed } = await writePart(trial, 1, point);
        expect(killed, `the child reached "${point}"`).toBe(true);
        const stats = await statsOf(trial);
        expect([before, after]).toContainEqual(stats);
        if (point !== 'finish') expect(stats, 'killed before its commit').toEqual(before);
        else expect(stats, 'killed after its commit').toEqual(after);
        expect(await wrongDegrees(trial), 'stored degrees against a fresh count').toEqual([]);
        // And the write can simply be run again.
        expect((await writePart(trial, 1)).code).toBe(0);
        expect(await statsOf(trial)).toEqual(after);
        expect(await wrongDegrees(trial)).toEqual([]);
      },
    );
  }

  it('leaves its CSV folder behind, and the next write removes it', { timeout: 300_000 }, async () => {
    // The child's temporary folder is a private one, so that only its own CSV folders are in it.
    const tmp = tempDir('actorgraph-copy-parent-');
    const env = { ...process.env, TMPDIR: tmp };
    const copyFolders = () => readdirSync(tmp).filter((name) => name.startsWith('actorgraph-copy-'));
    const trial = copyDatabase(base, join(tempDir(), 'trial.lbug'));
    expect((await writePart(trial, 1, 'copy Statement', env)).killed).toBe(true);
    expect(copyFolders(), "the killed write's folder").toHaveLength(1);
    expect((await writePart(trial, 1, undefined, env)).code).toBe(0);
    expect(copyFolders()).toEqual([]);
    expect(await statsOf(trial)).toEqual(after);
  });
});
