/** `./.env`, read by the CLI with process.loadEnvFile: the environment wins, a bad line is named. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadEnvFile } from '../../server/cli/env-file.js';
import { ConfigError, REPO_ROOT } from '../../server/config.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'bin', 'actorgraph.js');
const SET_HERE = ['AG_TEST_FROM_FILE', 'AG_TEST_SET_BEFORE', 'AG_TEST_MULTILINE', 'AG_TEST_EXPORTED'];

afterEach(() => {
  for (const name of SET_HERE) delete process.env[name];
});
afterAll(removeTempDirs);

function dirWithEnv(text: string): string {
  const dir = tempDir('actorgraph-env-');
  writeFileSync(join(dir, '.env'), text);
  return dir;
}

/** The CLI run in `cwd`, with PORT taken out of the environment unless given. */
async function cli(cwd: string, env: Record<string, string>, ...args: string[]) {
  const { PORT: _port, ...rest } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, env: { ...rest, ...env } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('.env', () => {
  it('sets the variables it holds, but not those the environment already has', () => {
    process.env.AG_TEST_SET_BEFORE = 'from the environment';
    const dir = dirWithEnv(
      [
        '# settings for this machine',
        'AG_TEST_FROM_FILE=from the file',
        'AG_TEST_SET_BEFORE=from the file',
        'AG_TEST_MULTILINE="first',
        'second"',
        'export AG_TEST_EXPORTED=yes',
        '',
      ].join('\n'),
    );
    expect(loadEnvFile(dir)).toBe(join(dir, '.env'));
    expect(process.env.AG_TEST_FROM_FILE).toBe('from the file');
    expect(process.env.AG_TEST_SET_BEFORE).toBe('from the environment');
    expect(process.env.AG_TEST_MULTILINE).toBe('first\nsecond');
    expect(process.env.AG_TEST_EXPORTED).toBe('yes');
  });

  it('is optional', () => {
    expect(loadEnvFile(tempDir())).toBeNull();
  });

  it('refuses a malformed file naming it and the line, without showing the line', () => {
    const dir = dirWithEnv('AG_TEST_FROM_FILE=1\nNEO4J_PASSWORD hunter2\n');
    let thrown: unknown;
    try {
      loadEnvFile(dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toContain(join(dir, '.env'));
    expect((thrown as Error).message).toContain('line 2');
    expect((thrown as Error).message).not.toContain('hunter2');
    // Nothing was loaded from it.
    expect(process.env.AG_TEST_FROM_FILE).toBeUndefined();
  });

  it('is read by the CLI from its working directory, after the environment', async () => {
    const dir = dirWithEnv('PORT=notaport\n');
    const db = join(tempDir(), 'none.kuzu');
    const fromFile = await cli(dir, {}, 'serve', '--db', db);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain('PORT ("notaport")');
    const fromEnvironment = await cli(dir, { PORT: '70000' }, 'serve', '--db', db);
    expect(fromEnvironment.code).toBe(1);
    expect(fromEnvironment.stderr).toContain('PORT ("70000")');
    expect(fromEnvironment.stderr).not.toContain('notaport');
  });

  it('stops the CLI with a clear message when malformed', async () => {
    const dir = dirWithEnv('LOG_LEVEL=debug\nthis line is wrong\n');
    const result = await cli(dir, {}, 'serve', '--db', join(tempDir(), 'none.kuzu'));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `actorgraph: Malformed ${join(dir, '.env')}: line 2 is not NAME=value (nor a # comment)\n`,
    );
  });
});
