/**
 * Embedded databases for the kill tests: copies of a closed one, and what they hold read afterwards.
 * A killed writer's database is read in a child process: if replaying its WAL crashes the engine
 * (a native crash), the test fails saying so, instead of the crash taking the test runner's worker
 * with it (vitest then stops the whole run with "Channel closed" and names no test).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import type { StatsResponse } from '../../server/domain/api.js';
import type { GraphBatch } from '../../server/domain/graph.js';

const CHILD = join(REPO_ROOT, 'test', 'helpers', 'killed-database-child.ts');

type Reading = { stats: StatsResponse; 'wrong-degrees': string[]; export: GraphBatch };

/** Opens the database read-only in a child process (so a killed writer's WAL is replayed first) and reads it. */
export function readDatabase<What extends keyof Reading>(dbPath: string, what: What): Promise<Reading[What]> {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-reading-'));
  const out = join(dir, 'answer.json');
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, what, out], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2000)));
  return new Promise<Reading[What]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        try {
          return resolve(JSON.parse(readFileSync(out, 'utf8')) as Reading[What]);
        } catch (error) {
          return reject(error);
        }
      }
      const how = signal ? `was killed by ${signal}` : `exited with ${code}`;
      reject(new Error(`Reading ${what} of ${dbPath}: the process that opened it ${how}.\n${err}`));
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

/** The counts of a database. */
export function statsOf(dbPath: string): Promise<StatsResponse> {
  return readDatabase(dbPath, 'stats');
}

/** A copy of a closed database, with its WAL when it has one. */
export function copyDatabase(from: string, to: string): string {
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
  return to;
}
