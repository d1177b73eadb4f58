/**
 * Every answer that lists statements says, per statement, who said it and whom it is about (names
 * and ids), so that the explorer can read it as a sentence: node details (its statements and its
 * ABOUT list), the edge panel, the reader's article and search suggestions.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DocumentResponse,
  EdgeDetailsResponse,
  NodeDetailsResponse,
  SearchResponse,
  StatementView,
} from '../../server/domain/api.js';
import { nodeIdByName } from '../helpers/api-lookup.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, testStores, type TestServer } from '../helpers/test-server.js';

afterAll(removeTempDirs);

describe.each(testStores())('statements with their speakers and what they are about (%s)', (kind) => {
  let server: TestServer;
  const get = async <T>(path: string): Promise<T> => (await request(server.url).get(path).expect(200)).body as T;
  const details = (id: string) => get<NodeDetailsResponse>(`/api/nodes/${encodeURIComponent(id)}`);

  beforeAll(async () => {
    server = await startTestServer({ store: kind, importSamples: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The same statement, read from its own node: the truth the listings must agree with. */
  async function expectParties(view: StatementView): Promise<void> {
    const own = await details(view.id);
    const ends = (type: string, direction: 'in' | 'out') =>
      own.relations
        .filter((relation) => relation.edge.type === type && relation.direction === direction)
        .map((relation) => relation.other.id)
        .sort();
    expect(view.about.map((node) => node.id).sort()).toEqual([...new Set(ends('ABOUT', 'out'))]);
    expect(view.speakers.length).toBeGreaterThan(0);
    for (const node of [...view.speakers, ...view.about]) expect(node.caption).not.toBe('');
  }

  it("lists Aliyev's statements with him as speaker and what each is about", async () => {
    const aliyev = await details(await nodeIdByName(server.url, 'Ilham Aliyev'));
    expect(aliyev.statements.length).toBeGreaterThan(0);
    for (const statement of aliyev.statements) {
      expect(statement.speakers.map((node) => node.id)).toContain(aliyev.node.id);
    }
    const about = aliyev.statements.find((statement) => statement.about.length > 0);
    expect(about).toBeDefined();
    await expectParties(about!);
  });

  it("gives each statement of an ABOUT list its speaker, and the edge panel the statement's sentence", async () => {
    const azerbaijan = await details(await nodeIdByName(server.url, 'Azerbaijan'));
    const aboutList = azerbaijan.relations.filter((relation) => relation.edge.type === 'ABOUT');
    expect(aboutList.length).toBeGreaterThan(0);
    for (const relation of aboutList) {
      expect(relation.statement?.id).toBe(relation.other.id);
      expect(relation.statement!.speakers.length).toBeGreaterThan(0);
      expect(relation.statement!.about.map((node) => node.id)).toContain(azerbaijan.node.id);
    }
    const edge = await get<EdgeDetailsResponse>(`/api/edges/${encodeURIComponent(aboutList[0].edge.id)}`);
    expect(edge.statement).toEqual(aboutList[0].statement);
  });

  it("lists an article's statements in text order, each reported in that article", async () => {
    const aliyev = await details(await nodeIdByName(server.url, 'Ilham Aliyev'));
    const documentId = aliyev.statements[0].sources[0].documentId;
    const article = await get<DocumentResponse>(`/api/documents/${encodeURIComponent(documentId)}`);
    expect(article.statements.map((statement) => statement.id)).toContain(aliyev.statements[0].id);
    const starts = article.statements.map(
      (statement) => statement.sources.find((source) => source.documentId === documentId)!.start,
    );
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // The reader's sentence points into this article first.
    for (const statement of article.statements) expect(statement.sources[0].documentId).toBe(documentId);
  });

  it('gives statement hits in search their speakers and what they are about', async () => {
    const aliyev = await details(await nodeIdByName(server.url, 'Ilham Aliyev'));
    const words = aliyev.statements[0].text.split(/\s+/).slice(0, 4).join(' ');
    const search = await get<SearchResponse>(`/api/search?q=${encodeURIComponent(words)}&limit=20`);
    const hit = search.results.find((result) => result.id === aliyev.statements[0].id);
    expect(hit?.statement).toEqual(aliyev.statements[0]);
    for (const result of search.results) expect(result.statement !== undefined).toBe(result.label === 'Statement');
  });
});
