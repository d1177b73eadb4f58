/**
 * /api/health says the process is alive without asking the store; /api/ready says whether the
 * store answers (and the server is not shutting down).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../server/domain/errors.js';
import { createApp } from '../../server/http/app.js';
import { READY_TIMEOUT_MS } from '../../server/http/routes/service-routes.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { sampleGraph } from '../helpers/sample-graph.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

afterAll(removeTempDirs);

/** A Neo4j store whose every read fails or never answers, as when the server is away or stuck. */
function unreachableStore(isEmpty: () => Promise<boolean>): GraphStore {
  return { kind: 'neo4j', dialect: 'neo4j', location: 'bolt://db:7687', isEmpty } as GraphStore;
}

function appOver(store: GraphStore, lifecycle = { shuttingDown: false }) {
  return createApp({ store, version: '1.2.3', bodyLimitBytes: 1024, timeoutMs: 1000, rowLimit: 10, lifecycle });
}

describe('health and readiness', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ importSamples: false, graph: sampleGraph() });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('is alive and ready over a reachable store', async () => {
    const health = await request(server.url).get('/api/health').expect(200);
    expect(health.body).toEqual({ status: 'ok', store: 'ladybug', dialect: 'kuzu', version: expect.any(String) });
    const ready = await request(server.url).get('/api/ready').expect(200);
    expect(ready.body).toEqual({ ready: true, store: 'ladybug' });
  });

  it('is alive but not ready when the store fails, with the reason', async () => {
    const app = appOver(
      unreachableStore(() => Promise.reject(new StoreUnavailableError('Neo4j at bolt://db:7687 is unavailable'))),
    );
    await request(app).get('/api/health').expect(200);
    const ready = await request(app).get('/api/ready').expect(503);
    expect(ready.body).toEqual({ ready: false, store: 'neo4j', reason: expect.stringContaining('bolt://db:7687') });
  });

  it('answers health at once and readiness within its limit when the store hangs', async () => {
    const app = appOver(unreachableStore(() => new Promise<boolean>(() => undefined)));
    let started = Date.now();
    await request(app).get('/api/health').expect(200);
    expect(Date.now() - started).toBeLessThan(500);
    started = Date.now();
    const ready = await request(app).get('/api/ready').expect(503);
    expect(Date.now() - started).toBeLessThan(READY_TIMEOUT_MS + 1000);
    expect(ready.body.reason).toContain(`${READY_TIMEOUT_MS} ms`);
  });

  it('is not ready while shutting down, though the store answers', async () => {
    const lifecycle = { shuttingDown: false };
    const app = appOver(server.store, lifecycle);
    await request(app).get('/api/ready').expect(200);
    lifecycle.shuttingDown = true;
    const ready = await request(app).get('/api/ready').expect(503);
    expect(ready.body).toEqual({ ready: false, store: 'ladybug', reason: 'shutting down' });
    await request(app).get('/api/health').expect(200);
  });
});
