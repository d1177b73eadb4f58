/**
 * `actorgraph serve` on an interface other than loopback (issue 14, item 7): it refuses to start
 * without ACTORGRAPH_TOKEN, starts with a warning under --insecure-no-auth, and asks for the token
 * when one is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { embeddedStoreEnv } from '../helpers/cli-env.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const BIN = join(REPO_ROOT, 'bin', 'actorgraph.js');

interface Served {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

let db: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = join(tempDir(), 'access.kuzu');
  const store = await KuzuStore.open({ path: db, readOnly: false });
  await store.close();
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

afterAll(removeTempDirs);

function serve(args: string[], env: Record<string, string> = {}): Served {
  // A temp working directory: no developer's .env is read.
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0', ...args], {
    cwd: tempDir(),
    env: embeddedStoreEnv({ LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function started(served: Served): Promise<URL> {
  const by = Date.now() + 30_000;
  while (!/Open (http:\/\/\S+)/.test(served.output())) {
    if (served.child.exitCode !== null || Date.now() > by) throw new Error(`serve did not start:\n${served.output()}`);
    await sleep(50);
  }
  const url = new URL(/Open (http:\/\/\S+)/.exec(served.output())![1]);
  // Listening on every interface: reach it on loopback.
  url.hostname = '127.0.0.1';
  return url;
}

describe('actorgraph serve --host 0.0.0.0', () => {
  it('refuses to start without a token, and says what to do', async () => {
    const served = serve(['--host', '0.0.0.0'], { ACTORGRAPH_TOKEN: '' });
    expect(await served.exit).toBe(1);
    const output = served.output();
    expect(output).toContain('ACTORGRAPH_TOKEN');
    expect(output).toContain('--insecure-no-auth');
    expect(output).not.toContain('Open http');
  }, 60_000);

  it('starts with --insecure-no-auth, and warns', async () => {
    const served = serve(['--host', '0.0.0.0', '--insecure-no-auth'], { ACTORGRAPH_TOKEN: '' });
    const url = await started(served);
    expect(served.output()).toMatch(/Warning: .*no authentication/i);
    expect((await fetch(new URL('/api/stats', url))).status).toBe(200);
  }, 60_000);

  it('starts with ACTORGRAPH_TOKEN, and asks for it', async () => {
    const served = serve(['--host', '0.0.0.0'], { ACTORGRAPH_TOKEN: 'cli-test-token-0123456789' });
    const url = await started(served);
    expect((await fetch(new URL('/api/stats', url))).status).toBe(401);
    const authorized = await fetch(new URL('/api/stats', url), {
      headers: { authorization: 'Bearer cli-test-token-0123456789' },
    });
    expect(authorized.status).toBe(200);
    expect((await fetch(new URL('/api/health', url))).status).toBe(200);
  }, 60_000);
});
