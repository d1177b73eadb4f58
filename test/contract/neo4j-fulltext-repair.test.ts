/**
 * The Neo4j store makes its schema (full-text indexes included) once per process. When the
 * database loses its full-text indexes under a running server (emptied, or replaced by a fresh
 * one), search makes them again and answers, rather than failing until a restart. The indexes are
 * dropped through the driver in this test's own database. Runs when NEO4J_URI is set.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { sampleGraph } from '../helpers/sample-graph.js';

const uri = process.env.NEO4J_URI;
const suite = uri ? describe : describe.skip;

suite('Neo4j search after its full-text indexes are dropped', () => {
  let store: Neo4jStore;
  let driver: Driver;

  /** The names of the database's full-text indexes, sorted. */
  async function fullTextIndexes(): Promise<string[]> {
    const { records } = await driver.executeQuery('SHOW FULLTEXT INDEXES YIELD name RETURN name');
    return records.map((record) => String(record.get('name'))).sort();
  }

  async function dropFullTextIndexes(): Promise<void> {
    for (const name of await fullTextIndexes()) await driver.executeQuery(`DROP INDEX \`${name}\``);
    expect(await fullTextIndexes()).toEqual([]);
  }

  beforeAll(async () => {
    driver = neo4j.driver(uri!, undefined, { logging: { level: 'error', logger: () => undefined } });
    store = await Neo4jStore.open({ uri: uri! });
    await store.deleteEverything();
    await store.writeBatch(sampleGraph());
  });

  afterAll(async () => {
    await store?.close();
    await driver?.close();
  });

  it('makes the indexes again and answers, the first time and every time after', async () => {
    const before = await store.search('engines compose music', 5);
    expect(before.map((match) => match.node.id)).toContain('stmt:engines');
    const made = await fullTextIndexes();
    expect(made.length).toBeGreaterThan(0);

    await dropFullTextIndexes();
    const after = await store.search('engines compose music', 5);
    expect(after.map((match) => match.node.id)).toContain('stmt:engines');
    expect(await fullTextIndexes()).toEqual(made);

    // Dropped again under the same store, while several searches run at once: all answer.
    await dropFullTextIndexes();
    const together = await Promise.all([
      store.search('Lovelace', 5),
      store.search('engines', 5),
      store.search('analytical society', 5),
    ]);
    const found = together.map((matches) => matches.map((match) => match.node.id));
    expect(found[0]).toContain('actor:ada-lovelace');
    expect(found[1]).toContain('stmt:engines');
    expect(found[2]).toContain('inst:analytical-society');
    expect(await fullTextIndexes()).toEqual(made);
  });
});
