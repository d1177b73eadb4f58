/**
 * The console on a real Neo4j 5 refuses what reads more than the graph (administration commands,
 * server procedures, the network) and a planner-bound query, and still runs ordinary reads.
 * Runs when NEO4J_URI is set (the test setup starts the test server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/store/graph-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';

const uri = process.env.NEO4J_URI;
const limits = { limit: 100, timeoutMs: 10_000 };

describe.skipIf(!uri)('Neo4j console guard on the server', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await Neo4jStore.open({ uri: uri! });
  });
  afterAll(() => store?.close());

  it.each([
    'SHOW TRANSACTIONS',
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    'SHOW USERS',
    'SHOW DATABASES',
    'SHOW SETTINGS',
    'CALL dbms.listConfig()',
    'CALL dbms.listConnections()',
    'CALL db.clearQueryCaches()',
    "CALL apoc.load.json('http://127.0.0.1:9/x.json')",
  ])('refuses %s with a 403', async (query) => {
    await expect(store.runReadQuery(query, {}, limits)).rejects.toMatchObject({ status: 403, code: 'read_only' });
  });

  it('refuses a 300-level expression at once instead of planning it', async () => {
    const deep = `RETURN ${'('.repeat(300)}1${')'.repeat(300)} AS x`;
    // The guard's message, not the planner's: the query never reached the server.
    await expect(store.runReadQuery(deep, {}, limits)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/300 levels deep/),
    });
  });

  it('runs reads, schema procedures and aliases spelled like keywords', async () => {
    const labels = await store.runReadQuery('CALL db.labels() YIELD label RETURN label', {}, limits);
    expect(labels.columns).toEqual(['label']);
    const aliased = await store.runReadQuery('RETURN 1 AS use, {set: 2} AS merge', {}, limits);
    expect(aliased.rows).toEqual([{ use: 1, merge: { set: 2 } }]);
  });
});
