/**
 * The GraphStore contract on Neo4j 5. Runs when NEO4J_URI is set (`.ci/run` starts the test
 * server from test/neo4j-launcher); `npm test` alone runs the Kuzu half only.
 */
import { describe, it } from 'vitest';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { describeGraphStoreContract } from './graph-store-contract.js';
import { describeGraphStoreReadContract } from './graph-store-read-contract.js';

const uri = process.env.NEO4J_URI;

const openStore = () =>
  Neo4jStore.open({
    uri: uri!,
    ...(process.env.NEO4J_USER ? { user: process.env.NEO4J_USER } : {}),
    ...(process.env.NEO4J_PASSWORD ? { password: process.env.NEO4J_PASSWORD } : {}),
    ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
  });

if (uri) {
  describeGraphStoreContract('neo4j', {
    async openWriter() {
      const store = await openStore();
      await store.deleteEverything();
      return store;
    },
    openReader: openStore,
    sneakyWrite: "CALL db.createLabel('Sneaky')",
  });
  // After the contract above (tests in a file run in order): a graph of its own on the same server.
  describeGraphStoreReadContract('neo4j', {
    async openWriter() {
      const store = await openStore();
      await store.deleteEverything();
      return store;
    },
    openReader: openStore,
    sneakyWrite: '',
  });
} else {
  describe.skip('GraphStore contract: neo4j (set NEO4J_URI to run)', () => {
    it('needs a Neo4j server', () => undefined);
  });
}
