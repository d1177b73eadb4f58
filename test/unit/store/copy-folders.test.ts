/**
 * The sweep of the CSV folders that killed writes leave in the temporary folder: a folder goes only
 * when its writing process cannot be alive, in both name forms (with the process id; and the older
 * one without it, when it was last changed before every live process that may write started).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeAbandonedCopyFolders } from '../../../server/store/kuzu/kuzu-writer.js';
import { bootTime, oldestPossibleWriter } from '../../../server/store/kuzu/writer-processes.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

const DAY = 24 * 60 * 60 * 1000;

/** A folder in `parent`, last changed at `changed` (ms since the epoch). */
function folder(parent: string, name: string, changed = Date.now()): void {
  mkdirSync(join(parent, name));
  utimesSync(join(parent, name), new Date(changed), new Date(changed));
}

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  if (child.pid === undefined) throw new Error('no child process');
  return child.pid;
}

describe('removeAbandonedCopyFolders', () => {
  it("removes a gone process's folder and keeps a live one's", () => {
    const parent = tempDir();
    const dead = `actorgraph-copy-${deadPid()}-Ab12Cd`;
    const live = `actorgraph-copy-${process.pid}-Ef34Gh`;
    folder(parent, dead);
    folder(parent, live);
    expect(removeAbandonedCopyFolders(parent)).toEqual([dead]);
    expect(readdirSync(parent)).toEqual([live]);
  });

  it('removes an old-form folder (no process id) unchanged since before every possible writer started', () => {
    const parent = tempDir();
    const writersSince = Date.now() - DAY;
    folder(parent, 'actorgraph-copy-x1Y2z3', writersSince - DAY);
    folder(parent, 'actorgraph-copy-123456', writersSince - 1000);
    // Changed since: its writer may still run, so it stays.
    folder(parent, 'actorgraph-copy-Q9w8E7', writersSince + 1000);
    expect(removeAbandonedCopyFolders(parent, writersSince).sort()).toEqual([
      'actorgraph-copy-123456',
      'actorgraph-copy-x1Y2z3',
    ]);
    expect(readdirSync(parent)).toEqual(['actorgraph-copy-Q9w8E7']);
  });

  it('takes the processes running now when no time is given', () => {
    const parent = tempDir();
    const since = oldestPossibleWriter();
    folder(parent, 'actorgraph-copy-OLD001', Date.parse('2001-01-01'));
    // After the machine started (so the machine's start alone would keep it), before every writer.
    folder(parent, 'actorgraph-copy-OLD002', Math.min(since, Date.now()) - 5000);
    // Changed now: this test's runner, a Node process that started before, may have made it.
    folder(parent, 'actorgraph-copy-NEW001');
    expect(removeAbandonedCopyFolders(parent).sort()).toEqual(['actorgraph-copy-OLD001', 'actorgraph-copy-OLD002']);
    expect(readdirSync(parent)).toEqual(['actorgraph-copy-NEW001']);
  });

  it.runIf(process.platform === 'linux')('finds the oldest Node process since the machine started', () => {
    const since = oldestPossibleWriter();
    expect(since).toBeGreaterThan(bootTime() - 2000);
    // The test runner's main process is a Node process that started before this test.
    expect(since).toBeLessThan(Date.now());
  });

  it('leaves folders of other names alone, however old', () => {
    const parent = tempDir();
    const old = Date.parse('2001-01-01');
    for (const name of ['actorgraph-copy-parent-Ab12Cd', 'actorgraph-copy-abc', 'actorgraph-test-Ab12Cd', 'other'])
      folder(parent, name, old);
    expect(removeAbandonedCopyFolders(parent, Date.now())).toEqual([]);
    expect(readdirSync(parent)).toHaveLength(4);
  });
});
