/**
 * A write-ahead log left by a killed writer is replayed in a child process before a process opens
 * the database (server/store/kuzu/wal-replay.ts): replayed, the database has the log's commits;
 * if the engine crashes replaying it, the log is set aside, whole, and the database opens as of its
 * last checkpoint; the log of a writer still running is left alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Connection } from '@ladybugdb/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { StoreUnavailableError } from '../../server/domain/errors.js';
import { childModule } from '../../server/store/kuzu/child-module.js';
import { openDatabase } from '../../server/store/kuzu/kuzu-database.js';
import { replayLogApart, walPathOf } from '../../server/store/kuzu/wal-replay.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const WRITER = join(REPO_ROOT, 'test', 'engine', 'wal-writer-child.ts');
const STAND_IN = childModule(import.meta.url, 'wal-replay-stand-in-child');

const writers: ChildProcess[] = [];

/** A writer that has committed 3 people checkpointed and 2 in the log only, still running. */
async function writerWithLog(path: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  writers.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('written')) resolve();
    });
    child.once('exit', (code, signal) => reject(new Error(`the writer stopped (${code ?? signal})`)));
  });
  return child;
}

async function killed(child: ChildProcess): Promise<void> {
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

/** The people in the database, read through openDatabase (which replays or sets aside its log first). */
async function peopleIn(path: string): Promise<string[]> {
  const database = await openDatabase(path, { readOnly: false });
  const connection = new Connection(database.database);
  try {
    const result = await connection.query('MATCH (p:Person) RETURN p.id AS id ORDER BY id');
    const rows = await (Array.isArray(result) ? result[0] : result).getAll();
    return rows.map((row) => String(row.id));
  } finally {
    await connection.close();
    await database.release();
  }
}

afterEach(async () => {
  vi.unstubAllEnvs();
  for (const child of writers.splice(0)) if (child.exitCode === null && child.signalCode === null) await killed(child);
});
afterAll(() => removeTempDirs());

describe('the write-ahead log of a killed writer', () => {
  it('is replayed in a child process: the commits in it are there, and no log is left', async () => {
    const path = join(tempDir(), 'replayed.lbug');
    await killed(await writerWithLog(path));
    expect(existsSync(walPathOf(path))).toBe(true);
    expect(await replayLogApart(path)).toEqual({ outcome: 'replayed' });
    expect(existsSync(walPathOf(path))).toBe(false);
    expect(await peopleIn(path)).toEqual(['a', 'b', 'c', 'd', 'e']);
  }, 120_000);

  it('is set aside, whole, when replaying it kills the engine, and the database opens as of its checkpoint', async () => {
    const dir = tempDir();
    const path = join(dir, 'crashing.lbug');
    await killed(await writerWithLog(path));
    const log = readFileSync(walPathOf(path));
    vi.stubEnv('ACTORGRAPH_STAND_IN', 'crash');
    const replay = await replayLogApart(path, {
      child: STAND_IN,
      now: new Date('2026-01-02T03:04:05.678Z'),
    });
    const setAsideAs = `${walPathOf(path)}.unreplayable-2026-01-02T03-04-05-678Z`;
    expect(replay).toMatchObject({ outcome: 'set-aside', signal: 'SIGSEGV', setAsideAs: [setAsideAs] });
    expect(replay.outcome === 'set-aside' && replay.message).toMatch(/could not be replayed.*SIGSEGV.*set aside as/);
    expect(readFileSync(setAsideAs).equals(log)).toBe(true);
    expect(existsSync(walPathOf(path))).toBe(false);
    expect(await peopleIn(path)).toEqual(['a', 'b', 'c']);
    expect(readdirSync(dir).filter((name) => name.includes('.wal'))).toEqual([basename(setAsideAs)]);
  }, 120_000);

  it('is set aside under checkpoint too: where a crash in the checkpoint after the replay leaves it', async () => {
    const dir = tempDir();
    const path = join(dir, 'checkpointing.lbug');
    await killed(await writerWithLog(path));
    // What the engine leaves when it dies checkpointing: the log renamed (seen after a real crash).
    renameSync(walPathOf(path), `${path}.wal.checkpoint`);
    vi.stubEnv('ACTORGRAPH_STAND_IN', 'crash');
    const replay = await replayLogApart(path, { child: STAND_IN, now: new Date('2026-01-02T00:00:00Z') });
    expect(replay).toMatchObject({
      outcome: 'set-aside',
      setAsideAs: [`${path}.wal.checkpoint.unreplayable-2026-01-02T00-00-00-000Z`],
    });
    expect(await peopleIn(path)).toEqual(['a', 'b', 'c']);
  }, 120_000);

  it('is left as it is when its replay fails with a message, which the error carries', async () => {
    const path = join(tempDir(), 'failing.lbug');
    await killed(await writerWithLog(path));
    const log = readFileSync(walPathOf(path));
    vi.stubEnv('ACTORGRAPH_STAND_IN', 'fail');
    await expect(replayLogApart(path, { child: STAND_IN })).rejects.toThrow(
      new StoreUnavailableError(
        `Could not replay the write-ahead log of ${path}: Runtime exception: an invented failure`,
      ),
    );
    expect(readFileSync(walPathOf(path)).equals(log)).toBe(true);
  }, 120_000);

  it('is left as it is when its replay hangs past the time limit, and the replay is stopped', async () => {
    const path = join(tempDir(), 'hanging.lbug');
    await killed(await writerWithLog(path));
    const log = readFileSync(walPathOf(path));
    vi.stubEnv('ACTORGRAPH_STAND_IN', 'hang');
    await expect(replayLogApart(path, { child: STAND_IN, timeoutMs: 3000 })).rejects.toThrow(
      /Replaying the write-ahead log of .*hanging\.lbug took longer than 3 s; it was left as it is/,
    );
    expect(readFileSync(walPathOf(path)).equals(log)).toBe(true);
    // Nothing was lost: the next open replays it as usual.
    expect(await replayLogApart(path)).toEqual({ outcome: 'replayed' });
  }, 120_000);

  it("is left alone while its writer still runs: the child cannot take the database's lock", async () => {
    const path = join(tempDir(), 'in-use.lbug');
    await writerWithLog(path);
    const log = readFileSync(walPathOf(path));
    expect(await replayLogApart(path)).toEqual({ outcome: 'in-use' });
    expect(readFileSync(walPathOf(path)).equals(log)).toBe(true);
  }, 120_000);

  it('costs nothing for a database closed cleanly: there is no log', async () => {
    const path = join(tempDir(), 'clean.lbug');
    await killed(await writerWithLog(path));
    await peopleIn(path);
    expect(existsSync(walPathOf(path))).toBe(false);
    expect(await replayLogApart(path)).toEqual({ outcome: 'no-log' });
  }, 120_000);
});
