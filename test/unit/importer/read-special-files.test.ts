/**
 * Reading folders that hold more than regular files: symlinks out of the folder, to devices, in
 * loops, and FIFOs. Each is skipped with a reason, quickly and in bounded memory; a symlink that
 * stays inside the folder is followed, and its file read once.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources } from '../../../server/importer/read/index.js';
import { readBoundedFile } from '../../../server/importer/read/read-bounded.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** A folder with one good article, so each test also shows the rest of the folder still comes through. */
function folderWithGoodArticle(): string {
  const dir = tempDir('actorgraph-special-');
  writeFileSync(join(dir, 'good.txt'), 'A Good Title\n\nText.\n');
  return dir;
}

const reasonFor = (skipped: { path: string; reason: string }[], name: string) =>
  skipped.find((entry) => entry.path.endsWith(`/${name}`))?.reason;

describe('reading folders with special files', () => {
  it('skips a symlink to /dev/zero named z.txt without reading it', { timeout: 5000 }, async () => {
    const dir = folderWithGoodArticle();
    symlinkSync('/dev/zero', join(dir, 'z.txt'));
    const rssBefore = process.memoryUsage().rss;
    const { documents, skipped } = await readSources([dir], { maxBytes: 2000 });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
    expect(documents.map((document) => document.fileName)).toEqual(['good.txt']);
    expect(reasonFor(skipped, 'z.txt')).toMatch(/outside the folder/);
  });

  it('skips a FIFO in the folder without waiting on it', { timeout: 5000 }, async () => {
    const dir = folderWithGoodArticle();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const { documents, skipped } = await readSources([dir]);
    expect(documents.map((document) => document.fileName)).toEqual(['good.txt']);
    expect(reasonFor(skipped, 'pipe.txt')).toMatch(/not a regular file \(a FIFO\)/);
  });

  it('refuses a FIFO given directly, with the reason', { timeout: 5000 }, async () => {
    const dir = tempDir('actorgraph-special-');
    const pipe = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    const { documents, skipped } = await readSources([pipe]);
    expect(documents).toEqual([]);
    expect(skipped).toEqual([{ path: pipe, reason: expect.stringMatching(/not a regular file \(a FIFO\)/) }]);
  });

  it('finishes quickly on two symlink loops and reports them', { timeout: 5000 }, async () => {
    const dir = folderWithGoodArticle();
    symlinkSync('.', join(dir, 'loop-a'));
    symlinkSync('.', join(dir, 'loop-b'));
    symlinkSync('ping', join(dir, 'pong'));
    symlinkSync('pong', join(dir, 'ping'));
    const { documents, skipped } = await readSources([dir]);
    expect(documents.map((document) => document.fileName)).toEqual(['good.txt']);
    for (const name of ['loop-a', 'loop-b', 'ping', 'pong']) expect(reasonFor(skipped, name), name).toMatch(/loop/);
  });

  it('skips a symlink to a file outside the folder and does not import it', async () => {
    const outside = tempDir('actorgraph-outside-');
    writeFileSync(join(outside, 'secret.txt'), 'Secret Title\n\nroot:x:0:0\n');
    const dir = folderWithGoodArticle();
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'passwd.txt'));
    symlinkSync(outside, join(dir, 'elsewhere'));
    const { documents, skipped } = await readSources([dir]);
    expect(documents.map((document) => document.fileName)).toEqual(['good.txt']);
    expect(reasonFor(skipped, 'passwd.txt')).toMatch(/outside the folder/);
    expect(reasonFor(skipped, 'elsewhere')).toMatch(/outside the folder/);
  });

  it('follows a symlink that stays inside the folder, and reads its file once', async () => {
    const dir = folderWithGoodArticle();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'inner.txt'), 'Inner Title\n\nText.\n');
    symlinkSync('good.txt', join(dir, 'same.txt'));
    symlinkSync('sub', join(dir, 'sub-link'));
    const { documents, skipped } = await readSources([dir]);
    expect(documents.map((document) => document.fileName).sort()).toEqual(['good.txt', 'inner.txt']);
    expect(skipped).toEqual([]);
  });

  it('reads an oversized file no further than the limit', async () => {
    const dir = tempDir('actorgraph-special-');
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(3000));
    const { skipped } = await readSources([dir], { maxBytes: 2000 });
    expect(reasonFor(skipped, 'big.txt')).toMatch(/over the limit of 2000 bytes/);
  });

  // What the listing checked can be swapped before the open: the open itself must refuse.
  it('refuses to open a device or a FIFO even when asked for one directly', { timeout: 5000 }, async () => {
    await expect(readBoundedFile('/dev/zero', 2000)).rejects.toThrow(/not a regular file \(a character device\)/);
    const pipe = join(tempDir('actorgraph-special-'), 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    await expect(readBoundedFile(pipe, 2000)).rejects.toThrow(/not a regular file \(a FIFO\)/);
  });
});
