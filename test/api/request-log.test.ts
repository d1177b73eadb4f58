/**
 * The server's log: one JSON line per request with its id, method, path, query parameter names,
 * status and duration, and never a query value, a request body or a password.
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/http/logger.js';
import { capturedLog } from '../helpers/log-capture.js';
import { sampleGraph } from '../helpers/sample-graph.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

afterAll(removeTempDirs);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request log', () => {
  let server: TestServer;
  const log = capturedLog();
  const lines = log.lines;

  beforeAll(async () => {
    server = await startTestServer({
      importSamples: false,
      graph: sampleGraph(),
      logger: createLogger('info', log.destination),
    });
  });

  beforeEach(() => {
    log.clear();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('logs one line per request with its id, method, path, parameter names, status and duration', async () => {
    const res = await request(server.url)
      .get('/api/search?q=Lovelace-the-secret-name&limit=3')
      .set('X-Request-Id', 'trace-42.a_b')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('trace-42.a_b');
    const [line, ...others] = lines();
    expect(others).toEqual([]);
    expect(line).toMatchObject({
      level: 30,
      msg: 'request',
      requestId: 'trace-42.a_b',
      method: 'GET',
      path: '/api/search',
      query: ['q', 'limit'],
      status: 200,
      durationMs: expect.any(Number),
      time: expect.any(String),
    });
    expect(log.text()).not.toContain('secret-name');
    expect(log.text()).not.toContain('Lovelace');
  });

  it('makes up an id when the incoming one is missing or not tame, and sends it back', async () => {
    const none = await request(server.url).get('/api/stats').expect(200);
    const hostile = await request(server.url)
      .get('/api/stats')
      .set('X-Request-Id', `"}{"injected":1 ${'x'.repeat(70)}`)
      .expect(200);
    const ids = lines().map((line) => line.requestId);
    expect(ids).toEqual([none.headers['x-request-id'], hostile.headers['x-request-id']]);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(log.text()).not.toContain('injected');
  });

  it('leaves successful health and readiness probes out of the info log', async () => {
    await request(server.url).get('/api/health').expect(200);
    await request(server.url).get('/api/ready').expect(200);
    await request(server.url).get('/api/stats').expect(200);
    expect(lines().map((line) => line.path)).toEqual(['/api/stats']);
  });

  it('never logs a console query, its parameters or a password, even when the query fails', async () => {
    await request(server.url)
      .post('/api/cypher')
      .send({
        query: "MATCH (u:Actor) WHERE u.name = $password OR u.name = 'hunter2-cypher-text' RETURN u",
        params: { password: 'hunter2-param' },
      })
      .expect(200);
    await request(server.url).post('/api/cypher').send({ query: 'MATCH (n RETURN hunter2-broken' }).expect(400);
    const logged = lines();
    expect(logged.map((line) => [line.method, line.path, line.status])).toEqual([
      ['POST', '/api/cypher', 200],
      ['POST', '/api/cypher', 400],
    ]);
    expect(log.text()).not.toMatch(/hunter2|password|MATCH/);
  });

  it('logs an unexpected error with the request id of the request it broke', async () => {
    const broken = server.store.stats;
    server.store.stats = () => Promise.reject(new Error('disk on fire'));
    try {
      const res = await request(server.url).get('/api/stats').expect(500);
      expect(res.body).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
      const id = res.headers['x-request-id'];
      const [error, requestLine] = lines();
      expect(error).toMatchObject({ level: 50, requestId: id, err: { message: 'disk on fire' } });
      expect(requestLine).toMatchObject({ requestId: id, status: 500 });
    } finally {
      server.store.stats = broken;
    }
  });
});
