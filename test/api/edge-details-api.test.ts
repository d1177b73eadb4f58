/**
 * GET /api/edges/:id over the sample articles: a relationship with its two ends and every sentence
 * that states it, pointing at the right characters of the article; an unknown id is a 404.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResponse, EdgeDetailsResponse, NodeDetailsResponse } from '../../server/domain/api.js';
import { nodeIdByName } from '../helpers/api-lookup.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, testStores, type TestServer } from '../helpers/test-server.js';

afterAll(removeTempDirs);

describe.each(testStores())('GET /api/edges/:id (%s)', (kind) => {
  let server: TestServer;

  async function details(name: string): Promise<NodeDetailsResponse> {
    const id = await nodeIdByName(server.url, name);
    return (
      await request(server.url)
        .get(`/api/nodes/${encodeURIComponent(id)}`)
        .expect(200)
    ).body as NodeDetailsResponse;
  }

  const edge = async (id: string): Promise<EdgeDetailsResponse> =>
    (
      await request(server.url)
        .get(`/api/edges/${encodeURIComponent(id)}`)
        .expect(200)
    ).body as EdgeDetailsResponse;

  beforeAll(async () => {
    server = await startTestServer({ store: kind, importSamples: true });
  });

  afterAll(async () => {
    await server?.close();
  });

  it("shows Aliyev's presidency of Azerbaijan with the sentences that state it", async () => {
    const aliyev = await details('Ilham Aliyev');
    const president = aliyev.relations.find(
      (relation) => relation.edge.type === 'HOLDS_ROLE' && /president/i.test(String(relation.edge.properties.title)),
    );
    expect(president).toBeDefined();

    const body = await edge(president!.edge.id);
    expect(body.edge).toMatchObject({ id: president!.edge.id, type: 'HOLDS_ROLE', source: aliyev.node.id });
    expect(body.source.caption).toBe('Ilham Aliyev');
    expect(body.target.caption).toBe('Azerbaijan');
    // The same sentences the node details list, with their articles' titles.
    expect(body.evidence).toEqual(president!.evidence);
    expect(body.evidence.length).toBeGreaterThan(0);
    expect(body.evidence.map((source) => source.documentTitle)).toContain(
      'Baku Calls on Washington To Pursue Balanced Policy in South Caucasus',
    );

    // Each sentence is found at its offsets in its article's text.
    for (const source of body.evidence) {
      const article = (
        await request(server.url)
          .get(`/api/documents/${encodeURIComponent(source.documentId)}`)
          .expect(200)
      ).body as DocumentResponse;
      expect(String(article.document.properties.text).slice(source.start, source.end)).toBe(source.sentence);
    }
  });

  it('shows the sentence a statement was reported in', async () => {
    const aliyev = await details('Ilham Aliyev');
    const statement = aliyev.statements.find((item) => /the balance is disturbed/.test(item.text))!;
    const documentId = statement.sources[0].documentId;
    const article = (
      await request(server.url)
        .get(`/api/nodes/${encodeURIComponent(documentId)}`)
        .expect(200)
    ).body as NodeDetailsResponse;
    const reportedIn = article.relations.find(
      (relation) => relation.edge.type === 'REPORTED_IN' && relation.other.id === statement.id,
    );
    expect(reportedIn).toBeDefined();
    const body = await edge(reportedIn!.edge.id);
    expect(body.evidence).toHaveLength(1);
    expect(body.evidence[0].sentence).toMatch(/the balance is disturbed/);
    expect(body.evidence[0].documentId).toBe(body.target.id);
  });

  it('answers 404 with a message for an unknown id', async () => {
    const res = await request(server.url).get('/api/edges/HOLDS_ROLE%3Anobody-%3Enowhere').expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect(res.body.error.message).toContain('HOLDS_ROLE:nobody->nowhere');
  });
});
