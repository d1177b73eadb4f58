/**
 * The console's starter queries for each dialect run on their own store over the sample articles
 * and return rows: a person who picks one from the list gets an answer, not a syntax error.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterQueries } from '../../client/ui/console/starters.js';
import type { CypherResponse } from '../../server/domain/api.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { DIALECT_OF, startTestServer, testStores, type TestServer } from '../helpers/test-server.js';

afterAll(removeTempDirs);

describe.each(testStores())('the console starter queries (%s)', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ store: kind, importSamples: true });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('are offered for the dialect /api/health names', async () => {
    const health = await request(server.url).get('/api/health').expect(200);
    expect(health.body.dialect).toBe(DIALECT_OF[kind]);
    expect(starterQueries(DIALECT_OF[kind]).map((starter) => starter.name)).toEqual(
      expect.arrayContaining(['Who said what about whom', 'Actors two steps from X', 'Statements in a date range']),
    );
  });

  it.each(starterQueries(DIALECT_OF[kind]).map((starter) => [starter.name, starter] as const))(
    '"%s" runs and returns rows',
    async (_name, starter) => {
      const res = await request(server.url).post('/api/cypher').send({ query: starter.query, params: starter.params });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const body = res.body as CypherResponse;
      expect(body.rows.length).toBeGreaterThan(0);
    },
  );

  it('"Actors two steps from X" finds people two steps from Ilham Aliyev, not Aliyev himself', async () => {
    const starter = starterQueries(DIALECT_OF[kind]).find((item) => item.name === 'Actors two steps from X')!;
    const body = (await request(server.url).post('/api/cypher').send(starter).expect(200)).body as CypherResponse;
    const others = body.rows.map((row) => (row.other as { properties: { name: string } }).properties.name);
    expect(others.length).toBeGreaterThan(0);
    expect(others).not.toContain('Ilham Aliyev');
    expect(body.graph.nodes.length).toBeGreaterThan(1);
  });

  it('"Statements in a date range" keeps to the range', async () => {
    const starter = starterQueries(DIALECT_OF[kind]).find((item) => item.name === 'Statements in a date range')!;
    const narrow = { from: '2021-04-01', to: '2021-04-30' };
    const body = (
      await request(server.url).post('/api/cypher').send({ query: starter.query, params: narrow }).expect(200)
    ).body as CypherResponse;
    const dates = body.rows.map((row) => String((row.s as { properties: { date: string } }).properties.date));
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date >= narrow.from && date <= narrow.to).toBe(true);
  });
});
