/**
 * Database files the embedded store cannot read: one written by Kuzu (what actorgraph used before
 * LadybugDB), one from another LadybugDB storage version, and one that is no database at all.
 * Each gives a message that says what to do, never a crash. The headers are written by hand: the
 * store reads them before the engine does (a real Kuzu 0.11.3 file starts with the same bytes).
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { StoreUnavailableError } from '../../server/domain/errors.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'bin', 'actorgraph.js');

function fileWithHeader(name: string, magic: string, storageVersion: number): string {
  const header = Buffer.alloc(4096);
  header.write(magic, 0, 'latin1');
  header.writeBigUInt64LE(BigInt(storageVersion), 4);
  const path = join(tempDir(), name);
  writeFileSync(path, header);
  return path;
}

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: REPO_ROOT });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

afterAll(removeTempDirs);

describe('database files the store cannot read', () => {
  it('recognises a Kuzu database and says to import again, with the command', async () => {
    const path = fileWithHeader('graph.kuzu', 'KUZU', 39);
    for (const readOnly of [false, true]) {
      const opening = KuzuStore.open({ path, readOnly });
      await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(opening).rejects.toThrow(/is a Kuzu database \(storage version 39\)/);
      await expect(opening).rejects.toThrow(/curation file/);
      await expect(opening).rejects.toThrow(
        `actorgraph import <your articles folder> --db ${path.replace(/kuzu$/, 'lbug')}`,
      );
    }
  });

  it('names a newer or older LadybugDB storage version instead of failing inside the engine', async () => {
    await expect(KuzuStore.open({ path: fileWithHeader('newer.lbug', 'LBUG', 9999), readOnly: true })).rejects.toThrow(
      /written by a newer LadybugDB \(storage version 9999; this actorgraph reads version \d+\)/,
    );
    await expect(KuzuStore.open({ path: fileWithHeader('older.lbug', 'LBUG', 1), readOnly: false })).rejects.toThrow(
      /written by an older LadybugDB/,
    );
  });

  it('refuses a file that is no database with the engine message, and keeps working', async () => {
    const path = join(tempDir(), 'notes.lbug');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
    await expect(KuzuStore.open({ path, readOnly: true })).rejects.toThrow(/Could not open the database .*not a valid/);
    const fresh = await KuzuStore.open({ path: join(tempDir(), 'fresh.lbug'), readOnly: false });
    expect(await fresh.isEmpty()).toBe(true);
    await fresh.close();
  });

  it('tells a CLI user the same, with a non-zero exit', async () => {
    const path = fileWithHeader('graph.kuzu', 'KUZU', 39);
    // --store: with NEO4J_URI set the CLI would use Neo4j.
    const result = await cli('query', 'RETURN 1 AS one', '--store', 'ladybug', '--db', path);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/is a Kuzu database/);
    expect(result.stderr).toMatch(/actorgraph import <your articles folder> --db/);
  });

  it('still takes --store kuzu, the old name of the embedded store, with a notice', async () => {
    const path = join(tempDir(), 'alias.lbug');
    // A database that exists: the read commands refuse a --db that does not.
    await (await KuzuStore.open({ path, readOnly: false })).close();
    const result = await cli('query', 'RETURN 1 AS one', '--json', '--store', 'kuzu', '--db', path);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/the store "kuzu" is now called "ladybug"/);
    expect(JSON.parse(result.stdout).rows).toEqual([{ one: 1 }]);
    const renamed = await cli('query', 'RETURN 1 AS one', '--json', '--store', 'ladybug', '--db', path);
    expect(renamed.stderr).not.toMatch(/now called/);
    expect(JSON.parse(renamed.stdout).rows).toEqual([{ one: 1 }]);
  });
});
