/**
 * The sample articles imported end to end into Kuzu and read back through the API: the facts a
 * reader of the two articles would check first.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDetailsResponse, RelationView, SearchResponse } from '../../server/domain/api.js';
import { nodeIdByName } from '../helpers/api-lookup.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, testStores, type TestServer } from '../helpers/test-server.js';

afterAll(removeTempDirs);

describe.each(testStores())('the sample corpus in the graph (%s)', (kind) => {
  let server: TestServer;

  const findId = (name: string) => nodeIdByName(server.url, name);

  async function details(name: string): Promise<NodeDetailsResponse> {
    const id = await findId(name);
    return (
      await request(server.url)
        .get(`/api/nodes/${encodeURIComponent(id)}`)
        .expect(200)
    ).body as NodeDetailsResponse;
  }

  const roles = (node: NodeDetailsResponse): RelationView[] =>
    node.relations.filter((relation) => relation.edge.type === 'HOLDS_ROLE' && relation.direction === 'out');

  beforeAll(async () => {
    server = await startTestServer({ store: kind, importSamples: true });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('has Ilham Aliyev, a person, holding the role of President of Azerbaijan', async () => {
    const aliyev = await details('Ilham Aliyev');
    expect(aliyev.node).toMatchObject({ label: 'Actor', properties: { kind: 'person' } });
    const president = roles(aliyev).find((relation) => /president/i.test(String(relation.edge.properties.title)));
    expect(president?.other.caption).toBe('Azerbaijan');
    expect(president?.evidence.length).toBeGreaterThan(0);
  });

  it('counts Aliyev’s distinct neighbours, in all and by relationship type, for paged expansion', async () => {
    const aliyev = await details('Ilham Aliyev');
    const others = new Set(aliyev.relations.map((relation) => relation.other.id));
    expect(aliyev.neighbours.byType.SAID).toBe(aliyev.statements.length);
    expect(aliyev.neighbours.byType.HOLDS_ROLE).toBeGreaterThanOrEqual(1);
    expect(aliyev.neighbours.total).toBeGreaterThanOrEqual(others.size + aliyev.statements.length);
    expect(aliyev.neighbours.total).toBeLessThanOrEqual(aliyev.degree);
    const id = aliyev.node.id;
    const page = (
      await request(server.url)
        .get(`/api/nodes/${encodeURIComponent(id)}/neighbors?limit=100`)
        .expect(200)
    ).body as { nodes: unknown[] };
    expect(page.nodes.length - 1).toBe(aliyev.neighbours.total);
  });

  it('has one statement about the missing message, said by Aliyev and reported in both articles', async () => {
    const aliyev = await details('Ilham Aliyev');
    const statement = aliyev.statements.find((item) =>
      /didn.t get any message from new administration so far/.test(item.text),
    );
    expect(statement).toBeDefined();
    expect(statement!.speaker?.caption).toBe('Ilham Aliyev');
    expect(new Set(statement!.sources.map((source) => source.documentId)).size).toBeGreaterThanOrEqual(1);
    const balance = aliyev.statements.filter((item) => /the balance is disturbed/.test(item.text));
    expect(balance).toHaveLength(1);
    expect(new Set(balance[0].sources.map((source) => source.documentId)).size).toBe(2);
  });

  it('has Daniel Baer as a senior fellow at the Carnegie Endowment for International Peace', async () => {
    const baer = await details('Daniel Baer');
    const fellow = roles(baer).find((relation) => /senior fellow/i.test(String(relation.edge.properties.title)));
    expect(fellow?.other).toMatchObject({
      label: 'Institution',
      caption: 'Carnegie Endowment for International Peace',
    });
  });

  it('knows Blinken by one node whatever the article calls him', async () => {
    const res = await request(server.url).get('/api/search?q=blinken&limit=10').expect(200);
    const actors = (res.body as SearchResponse).results.filter((result) => result.label === 'Actor');
    expect(actors.map((actor) => actor.caption)).toEqual(['Anthony Blinken']);
  });

  it("finds the United States by the gazetteer's abbreviations, also those no article writes", async () => {
    // The sample articles write "US" and "U.S.", never "USA" or "United States of America".
    for (const q of ['USA', 'U.S.', 'United States of America']) {
      const res = await request(server.url)
        .get(`/api/search?q=${encodeURIComponent(q)}&limit=5`)
        .expect(200);
      expect((res.body as SearchResponse).results[0]?.caption, q).toBe('United States');
    }
  });

  it('shows an article with its mentions at the right characters', async () => {
    const aliyev = await details('Ilham Aliyev');
    const documentId = aliyev.statements[0].sources[0].documentId;
    const res = await request(server.url)
      .get(`/api/documents/${encodeURIComponent(documentId)}`)
      .expect(200);
    const text = String(res.body.document.properties.text);
    const mention = res.body.mentions.find((span: { nodeId: string }) => span.nodeId === aliyev.node.id);
    expect(text.slice(mention.start, mention.end)).toMatch(/Aliyev/);
  });

  it('draws an overview and expands neighbours', async () => {
    const overview = await request(server.url).get('/api/graph/overview?limit=40').expect(200);
    expect(overview.body.nodes.length).toBe(40);
    // Capped: the first maxEdges relationships, and how many there are among the nodes in all.
    const capped = await request(server.url).get('/api/graph/overview?limit=40&maxEdges=3').expect(200);
    expect(capped.body.edges).toHaveLength(3);
    expect(capped.body.totalEdges).toBe(overview.body.edges.length);
    expect(capped.body.totalEdges).toBeGreaterThan(3);
    const id = await findId('Ilham Aliyev');
    const neighbours = await request(server.url)
      .get(`/api/nodes/${encodeURIComponent(id)}/neighbors?limit=5`)
      .expect(200);
    expect(neighbours.body.nodes[0].id).toBe(id);
    expect(neighbours.body.nodes.length).toBe(6);
  });

  it('gives the same counts when the articles are imported a second time', async () => {
    const before = (await request(server.url).get('/api/stats').expect(200)).body;
    await server.reimportSamples();
    const after = (await request(server.url).get('/api/stats').expect(200)).body;
    expect(after).toEqual(before);
  });
});
