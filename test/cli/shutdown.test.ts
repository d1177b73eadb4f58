/**
 * `actorgraph serve` stopped with SIGTERM, as a container runtime does: a request in flight is
 * finished, one that outlives SHUTDOWN_TIMEOUT_MS is cut off, and the exit code says which.
 * The slow request is an export whose body arrives in two parts, so the timing is ours, not the
 * machine's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { embeddedStoreEnv } from '../helpers/cli-env.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const BIN = join(REPO_ROOT, 'bin', 'actorgraph.js');
const EXPORT_BODY = JSON.stringify({ format: 'json', filename: 'everything' });
/** Most a process may take past its shutdown limit (closing the store, exiting). */
const EXIT_SLACK_MS = 4000;

interface Served {
  child: ChildProcess;
  url: URL;
  output: () => string;
  exit: Promise<{ code: number | null; at: number }>;
}

let db: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = join(tempDir(), 'shutdown.kuzu');
  const store = await KuzuStore.open({ path: db, readOnly: false });
  await store.close();
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

afterAll(removeTempDirs);

async function serve(shutdownTimeoutMs: number): Promise<Served> {
  // A temp working directory: no developer's .env is read.
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], {
    cwd: tempDir(),
    env: embeddedStoreEnv({ LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  const startedBy = Date.now() + 30_000;
  while (!/Open (http:\/\/\S+)/.test(output)) {
    if (child.exitCode !== null || Date.now() > startedBy) throw new Error(`serve did not start:\n${output}`);
    await sleep(50);
  }
  return { child, url: new URL(/Open (http:\/\/\S+)/.exec(output)![1]), output: () => output, exit };
}

/** Starts POST /api/export and sends only the first half of its body. */
function halfSentExport(url: URL): { request: ClientRequest; response: Promise<{ status: number; body: string }> } {
  const request = httpRequest(new URL('/api/export', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(EXPORT_BODY) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (res: IncomingMessage) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.once('error', reject);
    });
  });
  request.write(EXPORT_BODY.slice(0, 10));
  return { request, response };
}

async function refusesConnections(url: URL): Promise<boolean> {
  try {
    await fetch(new URL('/api/health', url), { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

describe('actorgraph serve on SIGTERM', () => {
  it('stops taking connections, finishes the request in flight, and exits 0', async () => {
    const served = await serve(5000);
    const { request, response } = halfSentExport(served.url);
    await sleep(300);
    const signalled = Date.now();
    served.child.kill('SIGTERM');
    await sleep(300);
    expect(await refusesConnections(served.url)).toBe(true);
    request.end(EXPORT_BODY.slice(10));
    const answer = await response;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ nodes: [], edges: [] });
    const { code, at } = await served.exit;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(5000);
    const log = served.output();
    expect(log).toMatch(/"msg":"shutting down/);
    expect(log).toMatch(/"method":"POST","path":"\/api\/export".*"status":200/);
    expect(log).not.toContain('cut off');
  }, 60_000);

  it('cuts off a request that outlives the limit, says so, and exits 1', async () => {
    const limitMs = 1000;
    const served = await serve(limitMs);
    const { response } = halfSentExport(served.url);
    await sleep(300);
    const signalled = Date.now();
    served.child.kill('SIGTERM');
    await expect(response).rejects.toThrow(/socket hang up|ECONNRESET/);
    const { code, at } = await served.exit;
    expect(code).toBe(1);
    expect(at - signalled).toBeGreaterThanOrEqual(limitMs - 50);
    expect(at - signalled).toBeLessThan(limitMs + EXIT_SLACK_MS);
    expect(served.output()).toMatch(/cut off 1 request\(s\)/);
  }, 60_000);
});
