/**
 * The sweep of the CSV folders that killed writes leave in the temporary folder: a folder goes only
 * when its writing process cannot be alive, in both name forms (with the process id, and the older
 * one without it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeAbandonedCopyFolders } from '../../../server/store/kuzu/kuzu-writer.js';
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

  it('removes an old-form folder (no process id) unchanged since before the machine started', () => {
    const parent = tempDir();
    const bootedAt = Date.now() - DAY;
    folder(parent, 'actorgraph-copy-x1Y2z3', bootedAt - DAY);
    folder(parent, 'actorgraph-copy-123456', bootedAt - 1000);
    // Changed since the start: its writer may still run, so it stays.
    folder(parent, 'actorgraph-copy-Q9w8E7', bootedAt + 1000);
    expect(removeAbandonedCopyFolders(parent, bootedAt).sort()).toEqual([
      'actorgraph-copy-123456',
      'actorgraph-copy-x1Y2z3',
    ]);
    expect(readdirSync(parent)).toEqual(['actorgraph-copy-Q9w8E7']);
  });

  it("takes the machine's real start time when none is given", () => {
    const parent = tempDir();
    folder(parent, 'actorgraph-copy-OLD001', Date.parse('2001-01-01'));
    folder(parent, 'actorgraph-copy-NEW001');
    expect(removeAbandonedCopyFolders(parent)).toEqual(['actorgraph-copy-OLD001']);
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
