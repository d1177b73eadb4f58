/** The `actorgraph` CLI as a user runs it: a real process over a throwaway database. */
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { embeddedStoreEnv } from '../helpers/cli-env.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'bin', 'actorgraph.js');
const ARTICLES = join(REPO_ROOT, 'data', 'articles');
const db = join(tempDir(), 'cli.kuzu');

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: embeddedStoreEnv(),
      maxBuffer: 64 << 20,
      // A command that should fail at once but serves instead is stopped, and the test fails.
      timeout: 60_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

afterAll(removeTempDirs);

describe('actorgraph CLI', () => {
  it('imports a folder, reports what it wrote and skips bad files with their reasons', async () => {
    const bad = tempDir('actorgraph-bad-');
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    const result = await cli('import', ARTICLES, bad, '--db', db);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Imported 2 document\(s\)/);
    expect(result.stdout).toMatch(/Nodes: .*Actor \d+/);
    expect(result.stdout).toMatch(/Relationships: .*SAID \d+/);
    expect(result.stdout).toContain('empty.txt');
    expect(result.stdout).toContain('binary.txt');
  });

  it('changes nothing when the same files are imported again', async () => {
    const count = async () =>
      JSON.parse((await cli('query', 'MATCH (n) RETURN count(n) AS nodes', '--json', '--db', db)).stdout).rows[0]
        .nodes as number;
    const before = await count();
    expect(before).toBeGreaterThan(10);
    expect((await cli('import', ARTICLES, '--db', db)).code).toBe(0);
    expect(await count()).toBe(before);
  });

  it('runs a query as a table, with parameters', async () => {
    const result = await cli(
      'query',
      'MATCH (a:Actor) WHERE a.name = $name RETURN a.name AS name, a.kind AS kind',
      '--param',
      'name=Ilham Aliyev',
      '--db',
      db,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/name\s+\| kind/);
    expect(result.stdout).toMatch(/Ilham Aliyev\s+\| person/);
    expect(result.stdout).toContain('1 row(s)');
  });

  it('refuses a write on the console with a clear message and exit code 1', async () => {
    const result = await cli('query', "MATCH (n) SET n.name = 'x'", '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/read-only/);
  });

  it('exports the whole graph and a query result as JSON', async () => {
    const all = JSON.parse((await cli('export', '--format', 'json', '--db', db)).stdout);
    expect(all.nodes.length).toBeGreaterThan(10);
    expect(Object.keys(all.nodes[0]).sort()).toEqual(['id', 'label', 'properties']);
    expect(Object.keys(all.edges[0]).sort()).toEqual(['id', 'properties', 'source', 'target', 'type']);
    const ids = new Set(all.nodes.map((node: { id: string }) => node.id));
    for (const edge of all.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);

    const part = JSON.parse(
      (
        await cli(
          'export',
          '--format',
          'json',
          '--query',
          'MATCH (a:Actor)-[r:HOLDS_ROLE]->(b) RETURN a, r, b',
          '--db',
          db,
        )
      ).stdout,
    );
    expect(part.edges.length).toBeGreaterThan(0);
    expect(part.edges.every((edge: { type: string }) => edge.type === 'HOLDS_ROLE')).toBe(true);
    const unknown = await cli('export', '--format', 'pdf', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('pdf');
  });

  it('prints titles and file names with terminal escape codes as harmless text', async () => {
    const dir = tempDir('actorgraph-escapes-');
    // Clears the screen, sets the window title, and colours the rest red on a terminal printing it raw.
    const title = '\u001b[2J\u001b]0;pwned\u0007\u001b[31mRed Title\u001b[0m \u009b31m';
    writeFileSync(join(dir, 'evil\u001b[31m.txt'), `${title}\n\nThe body text.\n`);
    const result = await cli('import', dir, '--db', join(tempDir(), 'escapes.kuzu'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Red Title');
    const isControl = (char: string) => {
      const code = char.codePointAt(0)!;
      return (code < 0x20 && char !== '\n') || (code >= 0x7f && code < 0xa0);
    };
    expect([...result.stdout].filter(isControl)).toEqual([]);
  });

  it('refuses to read a database that does not exist, naming it, and creates nothing', async () => {
    const parent = join(tempDir(), 'mistyped');
    const missing = join(parent, 'x.kuzu');
    for (const args of [['query', 'RETURN 1'], ['export'], ['dossier', 'Ada'], ['serve', '--port', '0']]) {
      const result = await cli(...args, '--db', missing);
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr, args[0]).toContain(missing);
      expect(result.stderr, args[0]).toContain('actorgraph import');
      expect(existsSync(parent), args[0]).toBe(false);
    }
  });

  it('refuses a --batch-size that is not a whole number above 0, and writes nothing', async () => {
    const target = join(tempDir(), 'batch.lbug');
    for (const size of ['0', 'abc', '2.5']) {
      const result = await cli('import', ARTICLES, '--ner', 'rules', '--batch-size', size, '--db', target);
      expect(result.code, size).toBe(2);
      expect(result.stderr, size).toContain(`--batch-size must be a whole number above 0, not ${size}`);
    }
    expect(existsSync(target)).toBe(false);
  });

  it('prints help for every command', async () => {
    for (const command of ['import', 'serve', 'start', 'query', 'export']) {
      const result = await cli(command, '--help');
      expect(result.stdout, command).toContain(`Usage: actorgraph ${command}`);
      expect(result.stdout, command).toContain('--db');
    }
  });
});
