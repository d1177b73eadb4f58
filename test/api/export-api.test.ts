/** POST /api/export and the dossier over HTTP: streamed files with their type and name, clear errors. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixture } from '../helpers/export-fixture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, testStores, type TestServer } from '../helpers/test-server.js';

afterAll(removeTempDirs);

describe.each(testStores())('export API on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ store: kind, importSamples: false, graph: exportFixture() });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('streams the whole graph as GraphML with its content type and file name', async () => {
    const res = await request(server.url).post('/api/export').send({ format: 'graphml' }).expect(200);
    expect(res.headers['content-type']).toContain('application/graphml+xml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="actorgraph.graphml"');
    expect(res.text).toContain('<node id="actor:ada-lovelace">');
    expect(res.text).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
  });

  it("exports a node's neighbourhood and a query's result", async () => {
    const near = await request(server.url)
      .post('/api/export')
      .send({ format: 'json', node: 'actor:charles-babbage', depth: 1 })
      .expect(200);
    const nearGraph = JSON.parse(near.text) as { nodes: Array<{ id: string }> };
    expect(nearGraph.nodes.map((n) => n.id).sort()).toEqual(['actor:ada-lovelace', 'actor:charles-babbage']);
    const query = await request(server.url)
      .post('/api/export')
      .send({ format: 'table', query: 'MATCH (a:Actor)-[r:HOLDS_ROLE]->(b) RETURN a, r, b' })
      .expect(200);
    expect(query.headers['content-type']).toContain('text/csv');
    expect(query.text).toContain('Ada Lovelace,Actor,HOLDS_ROLE,Analytical Society,Institution');
  });

  it('exports the view as sent, with positions and colours', async () => {
    const view = {
      nodes: [
        { id: 'a', label: 'Actor', properties: { name: 'A' }, viz: { x: 1, y: 2, color: '#112233', size: 5 } },
        { id: 'b', label: 'Actor', properties: { name: 'B' }, viz: { x: 3, y: 4, color: '#445566', size: 6 } },
      ],
      edges: [{ id: 'e', type: 'MET', source: 'a', target: 'b', properties: {} }],
    };
    const res = await request(server.url)
      .post('/api/export')
      .send({ format: 'gexf', view, filename: 'my-view' })
      .expect(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-view.gexf"');
    expect(res.text).toContain('<viz:color r="17" g="34" b="51"/>');
    expect(res.text).toContain('<viz:position x="1" y="2" z="0"/>');
  });

  it('answers bad requests with JSON errors before sending any file', async () => {
    const format = await request(server.url).post('/api/export').send({ format: 'pdf' }).expect(400);
    expect(format.body.error.code).toBe('invalid_input');
    await request(server.url).post('/api/export').send({ format: 'json', node: 'actor:nobody' }).expect(404);
    await request(server.url)
      .post('/api/export')
      .send({ format: 'json', query: "MATCH (n) SET n.name = 'x'" })
      .expect(403);
  });

  it('refuses an HTML snapshot above 20,000 nodes with a JSON 413 naming the limit and the alternatives', async () => {
    const nodes = Array.from({ length: 20_001 }, (_, i) => ({ id: `n${i}`, label: 'Actor', properties: {} }));
    const res = await request(server.url)
      .post('/api/export')
      .send({ format: 'html', view: { nodes, edges: [] } })
      .expect(413);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.error.message).toMatch(/at most 20000 nodes.*graphml/);
  });

  it('writes an actor dossier as Markdown and as escaped HTML', async () => {
    const md = await request(server.url).get('/api/nodes/actor%3Aada-lovelace/dossier?format=md').expect(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.text).toContain('# Ada Lovelace');
    expect(md.text).toContain('Engines will compose music');
    const html = await request(server.url).get('/api/nodes/actor%3Atricky/dossier?format=html').expect(200);
    expect(html.text).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(html.text).not.toContain('<b>&amp;</b>');
  });
});
