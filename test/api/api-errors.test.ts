/**
 * The HTTP API on a hand-made graph: answers, and bad input answered with the right status and a
 * JSON error, never a stack trace.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleGraph } from '../helpers/sample-graph.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { DIALECT_OF, startTestServer, testStores, type TestServer } from '../helpers/test-server.js';

afterAll(removeTempDirs);

describe.each(testStores())('HTTP API on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      store: kind,
      importSamples: false,
      graph: sampleGraph(),
      queryTimeoutMs: 500,
      bodyLimitBytes: 10_000,
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('reports health, store and version', async () => {
    const res = await request(server.url).get('/api/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      store: kind,
      dialect: DIALECT_OF[kind],
      version: expect.any(String),
    });
  });

  it('sends a Content-Security-Policy that forbids inline scripts', async () => {
    const res = await request(server.url).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('counts the graph and describes its schema', async () => {
    const stats = await request(server.url).get('/api/stats').expect(200);
    expect(stats.body).toMatchObject({ nodes: { Actor: 3, Institution: 1 }, relationships: { SAID: 1, MET: 1 } });
    const schema = await request(server.url).get('/api/schema').expect(200);
    expect(schema.body.labels.map((entry: { label: string }) => entry.label)).toContain('Statement');
  });

  it('shows node details with statements and their source sentences', async () => {
    const res = await request(server.url).get('/api/nodes/actor%3Aada-lovelace').expect(200);
    expect(res.body.node).toMatchObject({ label: 'Actor', caption: 'Ada Lovelace' });
    expect(res.body.statements[0]).toMatchObject({
      text: 'Engines will compose music',
      speaker: { id: 'actor:ada-lovelace' },
      sources: [
        { documentId: 'doc:1', documentTitle: 'Engines & <Music>', sentence: expect.stringContaining('compose music') },
      ],
    });
    const role = res.body.relations.find((relation: { edge: { type: string } }) => relation.edge.type === 'HOLDS_ROLE');
    expect(role).toMatchObject({
      direction: 'out',
      other: { caption: 'Analytical Society' },
      evidence: [{ documentTitle: 'Engines & <Music>' }],
    });
  });

  it('pages neighbours and filters them by relationship type', async () => {
    const res = await request(server.url)
      .get('/api/nodes/actor%3Aada-lovelace/neighbors?limit=10&types=MET')
      .expect(200);
    expect(res.body.nodes.map((node: { id: string }) => node.id).sort()).toEqual([
      'actor:ada-lovelace',
      'actor:charles-babbage',
    ]);
    const bad = await request(server.url).get('/api/nodes/actor%3Aada-lovelace/neighbors?types=LIKES').expect(400);
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('LIKES') });
  });

  it('returns an article with its mention spans', async () => {
    const res = await request(server.url).get('/api/documents/doc%3A1').expect(200);
    expect(res.body.mentions).toContainEqual({
      start: 0,
      end: 12,
      nodeId: 'actor:ada-lovelace',
      label: 'Actor',
      caption: 'Ada Lovelace',
    });
    await request(server.url).get('/api/documents/actor%3Aada-lovelace').expect(404);
  });

  it('answers 404 with a JSON error for an unknown node or route', async () => {
    const node = await request(server.url).get('/api/nodes/actor%3Anobody').expect(404);
    expect(node.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining('actor:nobody') } });
    await request(server.url).get('/api/nodes/actor%3Anobody/neighbors').expect(404);
    await request(server.url).get('/api/nope').expect(404);
  });

  it('validates query strings', async () => {
    await request(server.url).get('/api/search').expect(400);
    await request(server.url).get('/api/graph/overview?limit=-3').expect(400);
    await request(server.url).get('/api/graph/overview?limit=abc').expect(400);
    // The overview's relationship cap: a whole number from 1 to 500,000.
    await request(server.url).get('/api/graph/overview?maxEdges=0').expect(400);
    await request(server.url).get('/api/graph/overview?maxEdges=500001').expect(400);
  });

  it('runs console queries and reports bad ones with the database message', async () => {
    const ok = await request(server.url)
      .post('/api/cypher')
      .send({
        query: 'MATCH (a:Actor) WHERE a.kind = $kind RETURN a.name AS name ORDER BY name',
        params: { kind: 'person' },
      })
      .expect(200);
    expect(ok.body.rows).toEqual([{ name: 'Ada Lovelace' }, { name: 'Charles Babbage' }]);
    const malformed = await request(server.url).post('/api/cypher').send({ query: 'MATCH (n RETURN n' }).expect(400);
    expect(malformed.body.error.code).toBe('query_error');
    const unknown = await request(server.url)
      .post('/api/cypher')
      .send({ query: 'MATCH (n:Nobody) RETURN n' })
      .expect(400);
    expect(unknown.body.error.message).toContain('Nobody');
    const write = await request(server.url)
      .post('/api/cypher')
      .send({ query: "MATCH (n) SET n.name = 'x'" })
      .expect(403);
    expect(write.body.error.code).toBe('read_only');
    const slow = await request(server.url)
      .post('/api/cypher')
      .send({
        query:
          'UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y WITH x, y WHERE (x + y) % 3 = 1 RETURN count(*) AS n',
      })
      .expect(408);
    expect(slow.body.error.code).toBe('timeout');
    const missing = await request(server.url).post('/api/cypher').send({}).expect(400);
    expect(missing.body.error.message).toContain('query');
  });

  it('keeps answering health while a console query runs away', async () => {
    const runaway = request(server.url).post('/api/cypher').send({
      query:
        'UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y WITH x, y WHERE (x + y) % 5 = 1 RETURN count(*) AS n',
    });
    const started = Date.now();
    await request(server.url).get('/api/health').expect(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await runaway.expect(408);
  });

  it('refuses bodies that are too large or not JSON', async () => {
    const huge = await request(server.url)
      .post('/api/cypher')
      .send({ query: `RETURN '${'x'.repeat(20_000)}'` })
      .expect(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const broken = await request(server.url)
      .post('/api/cypher')
      .set('content-type', 'application/json')
      .send('{"query": ')
      .expect(400);
    expect(broken.body.error.code).toBe('invalid_json');
    expect(JSON.stringify(broken.body)).not.toMatch(/at .*\.js/);
  });
});
