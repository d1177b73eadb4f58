/**
 * Who may use the API (issue 14, item 7): a bearer token when one is configured, the Host header
 * checked against the names the server answers to (DNS rebinding), rate limits on the console and
 * exports when the server is reachable from other machines; and request bodies capped after
 * decompression (item 9: a small gzip body must not inflate into tens of megabytes).
 */
import express from 'express';
import request from 'supertest';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../../server/http/app.js';
import type { GraphStore } from '../../server/store/graph-store.js';

/** Answers what the routes under test ask for without a database. */
const store = {
  kind: 'ladybug',
  dialect: 'kuzu',
  isEmpty: async () => false,
  runReadQuery: async () => ({
    columns: [],
    rows: [],
    graph: { nodes: [], edges: [] },
    truncated: false,
    elapsedMs: 0,
  }),
} as unknown as GraphStore;

function app(options: Partial<AppOptions> = {}): express.Express {
  return createApp({ store, version: 'test', bodyLimitBytes: 1024 * 1024, timeoutMs: 1000, rowLimit: 10, ...options });
}

const TOKEN = 'a-long-enough-test-token';

describe('a bearer token, when one is configured', () => {
  const withToken = app({ token: TOKEN });

  it('refuses a request without one: 401 with WWW-Authenticate: Bearer', async () => {
    const res = await request(withToken).get('/api/stats').expect(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('refuses a wrong token, and one sent another way than as a bearer', async () => {
    const wrong = await request(withToken).get('/api/stats').set('Authorization', 'Bearer not-the-token').expect(401);
    expect(wrong.headers['www-authenticate']).toMatch(/^Bearer .*invalid_token/);
    await request(withToken).get('/api/stats').set('Authorization', `Basic ${TOKEN}`).expect(401);
    await request(withToken).post('/api/cypher').send({ query: 'RETURN 1' }).expect(401);
  });

  it('accepts the right token', async () => {
    await request(withToken).get('/api/openapi.json').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    await request(withToken)
      .post('/api/cypher')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ query: 'RETURN 1' })
      .expect(200);
  });

  it('leaves /api/health and /api/ready open for probes', async () => {
    await request(withToken).get('/api/health').expect(200);
    await request(withToken).get('/api/ready').expect(200);
  });

  it('asks for nothing when no token is configured', async () => {
    await request(app()).get('/api/openapi.json').expect(200);
  });
});

describe('the Host header', () => {
  it('is refused when it names a host the server does not answer to (DNS rebinding)', async () => {
    const res = await request(app()).get('/api/health').set('Host', 'evil.example').expect(421);
    expect(res.body.error.code).toBe('misdirected_request');
    expect(res.body.error.message).toContain('evil.example');
    expect(res.body.error.message).toContain('ACTORGRAPH_ALLOWED_HOSTS');
  });

  it('is accepted for localhost, 127.0.0.1 and [::1], with or without a port', async () => {
    for (const host of ['localhost:3000', 'localhost', '127.0.0.1:4000', '[::1]:3000', 'LOCALHOST:3000'])
      await request(app()).get('/api/health').set('Host', host).expect(200);
  });

  it('is accepted for the names added by configuration', async () => {
    const named = app({ allowedHosts: ['graph.example.org'] });
    await request(named).get('/api/health').set('Host', 'graph.example.org:8080').expect(200);
    await request(named).get('/api/health').set('Host', 'evil.example').expect(421);
  });
});

describe('rate limits on the console and exports', () => {
  const limit = { burst: 3, perMinute: 6 };

  it('answer 429 with Retry-After once a client has used its burst, when not on loopback', async () => {
    const open = app({ loopbackOnly: false, rateLimit: limit });
    for (let i = 0; i < limit.burst; i += 1)
      await request(open).post('/api/cypher').send({ query: 'RETURN 1' }).expect(200);
    const refused = await request(open).post('/api/cypher').send({ query: 'RETURN 1' }).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body.error.code).toBe('rate_limited');
    // Exports share the client's bucket; graph reads are not limited.
    await request(open).post('/api/export').send({ format: 'json' }).expect(429);
    await request(open).get('/api/health').expect(200);
  });

  it('do not apply on loopback', async () => {
    const local = app({ loopbackOnly: true, rateLimit: limit });
    for (let i = 0; i < limit.burst + 2; i += 1)
      await request(local).post('/api/cypher').send({ query: 'RETURN 1' }).expect(200);
  });
});

describe('request bodies', () => {
  it('are capped after decompression: a small gzip body that inflates to 60 MB gets 413', async () => {
    const inflated = Buffer.from(`{"format":"json","filename":"${'a'.repeat(60 * 1024 * 1024)}"}`);
    const bomb = gzipSync(inflated, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    // Sent with fetch: supertest would serialise a Buffer as JSON when the type is JSON.
    const server = app().listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      for (const path of ['/api/export', '/api/cypher']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
          body: bomb,
        });
        expect(res.status, `${path}: ${await res.text()}`).toBe(413);
      }
    } finally {
      server.close();
    }
  });
});
