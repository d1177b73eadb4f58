/**
 * The same import gives the same graph in Kuzu and in Neo4j: the JSON exports of both, after
 * importing the sample corpus, are equal node for node and relationship for relationship.
 * Runs when NEO4J_URI is set.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toJsonExport } from '../../server/export/json-export.js';
import { importDocuments } from '../../server/importer/import-documents.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';
import { SAMPLE_ARTICLES } from '../helpers/test-server.js';

const suite = process.env.NEO4J_URI ? describe : describe.skip;

afterAll(removeTempDirs);

suite('Kuzu and Neo4j hold the same graph after the same import', () => {
  it('exports equal JSON after importing the sample articles (twice)', async () => {
    const kuzu = await KuzuStore.open({ path: join(tempDir(), 'same.kuzu'), readOnly: false });
    const neo4j = await Neo4jStore.open({ uri: process.env.NEO4J_URI! });
    try {
      await neo4j.deleteEverything();
      for (const store of [kuzu, neo4j]) {
        await importDocuments(store, [SAMPLE_ARTICLES]);
        await importDocuments(store, [SAMPLE_ARTICLES]);
      }
      const fromKuzu = toJsonExport(await kuzu.exportAll());
      const fromNeo4j = toJsonExport(await neo4j.exportAll());
      expect(fromKuzu.nodes.length).toBeGreaterThan(20);
      expect(fromNeo4j.nodes).toEqual(fromKuzu.nodes);
      expect(fromNeo4j.edges).toEqual(fromKuzu.edges);
      expect(await neo4j.stats()).toEqual(await kuzu.stats());
    } finally {
      await kuzu.close();
      await neo4j.close();
    }
  });
});
