/**
 * When Neo4j is away the API says so (503, naming the URI) instead of hanging, and when it comes
 * back the next request works without restarting actorgraph. Starts and stops its own Neo4j test
 * server (test/neo4j-launcher) on a spare port; runs when NEO4J_URI is set, as in CI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { freePort } from '../../server/importer/ner/corenlp-launcher.js';
import { startServer, type RunningServer } from '../../server/http/server.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';

/** This test's own server: a free port unless NEO4J_AVAILABILITY_PORT names one (the machine may be shared). */
let PORT = 0;
let URI = '';

function startNeo4j(): Promise<ChildProcess> {
  // Its own process group, so a test can stop (SIGSTOP) the server and its launcher at once; the
  // launcher's watchdog stops it if this test process dies.
  const child = spawn(join(REPO_ROOT, 'test', 'neo4j-launcher', 'start.sh'), [String(PORT)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
    env: { ...process.env, NEO4J_WATCH_PID: String(process.pid) },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`Neo4j launcher exited (${code}): ${output}`)));
  });
}

function stopNeo4j(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const suite = process.env.NEO4J_URI ? describe : describe.skip;

/** Asks /api/ready until it answers 200 or `ms` have passed; the last answer's body. */
async function readyWithin(url: string, ms: number): Promise<unknown> {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await request(url).get('/api/ready');
    if (res.status === 200 || Date.now() > deadline) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

suite('Neo4j going away and coming back', () => {
  let server: RunningServer | undefined;
  let store: Neo4jStore | undefined;
  let neo4j: ChildProcess | undefined;

  beforeAll(async () => {
    PORT = process.env.NEO4J_AVAILABILITY_PORT ? Number(process.env.NEO4J_AVAILABILITY_PORT) : await freePort();
    URI = `bolt://127.0.0.1:${PORT}`;
  });

  afterAll(async () => {
    await server?.stop();
    await store?.close();
    if (neo4j) await stopNeo4j(neo4j);
  });

  it('answers 503 with the reason while Neo4j is down, and works again once it is up', async () => {
    store = await Neo4jStore.open({ uri: URI, connectionTimeoutMs: 1000, callTimeoutMs: 5000 });
    server = await startServer({
      store,
      version: 'test',
      port: 0,
      host: '127.0.0.1',
      bodyLimitBytes: 100_000,
      timeoutMs: 2000,
      rowLimit: 100,
    });

    const started = Date.now();
    await request(server.url).get('/api/health').expect(200);
    const down = await request(server.url).get('/api/ready').expect(503);
    expect(down.body).toMatchObject({ ready: false, store: 'neo4j', reason: expect.stringContaining(URI) });
    const stats = await request(server.url).get('/api/stats').expect(503);
    expect(stats.body.error).toMatchObject({ code: 'store_unavailable', message: expect.stringContaining(URI) });
    expect(Date.now() - started).toBeLessThan(15_000);

    neo4j = await startNeo4j();
    // As a probe does: the first contact after a restart (the driver reconnecting, the schema
    // checked) may take longer than one probe's limit.
    expect(await readyWithin(server.url, 30_000)).toEqual({ ready: true, store: 'neo4j' });
    const up = await request(server.url).get('/api/stats').expect(200);
    expect(up.body.totalNodes).toBe(0);

    await stopNeo4j(neo4j);
    neo4j = undefined;
    await request(server.url).get('/api/stats').expect(503);

    neo4j = await startNeo4j();
    expect(await readyWithin(server.url, 30_000)).toEqual({ ready: true, store: 'neo4j' });
    await request(server.url).get('/api/stats').expect(200);
  }, 180_000);

  it('answers 503 when Neo4j hangs (its process stopped), and works again when it resumes', async () => {
    const group = -neo4j!.pid!;
    process.kill(group, 'SIGSTOP');
    try {
      const hung = await request(server!.url).get('/api/search?q=aliyev');
      expect(hung.status).toBe(503);
      expect(hung.body.error).toMatchObject({
        code: 'store_unavailable',
        message: expect.stringMatching(/did not answer within 5 s/),
      });
      await request(server!.url).get('/api/health').expect(200);
      await request(server!.url).get('/api/ready').expect(503);
    } finally {
      process.kill(group, 'SIGCONT');
    }
    expect(await readyWithin(server!.url, 30_000)).toEqual({ ready: true, store: 'neo4j' });
    // (Stats, not search: each server this launcher starts has a fresh database, whose missing
    // full-text indexes search remakes; neo4j-fulltext-repair.test.ts tests that.)
    const resumed = await request(server!.url).get('/api/stats');
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
  }, 90_000);
});
