/**
 * The server bench/soak.ts measures, in its own process (started with --expose-gc): it opens the
 * store read-only, listens on a free port and answers its parent over IPC: `{ url }` once up,
 * then the resident set size on `{ measure: 'rss' }` and after full GCs on `{ measure: 'gc' }`.
 * No HTTP endpoint is added for this.
 */
import type { GraphStore } from '../server/store/graph-store.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { Neo4jStore } from '../server/store/neo4j/neo4j-store.js';
import { serveForBench } from './bench-server.js';

const neo4jUri = process.env.NEO4J_URI;
const store: GraphStore = neo4jUri
  ? await Neo4jStore.open({ uri: neo4jUri })
  : await KuzuStore.open({ path: process.env.SOAK_DB!, readOnly: true });
const server = await serveForBench(store);

async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start this process with --expose-gc');
  // Several passes with pauses: finalizers of native objects run between them.
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

process.on('message', (message: { measure?: 'rss' | 'gc'; stop?: boolean }) => {
  void (async () => {
    if (message.stop) {
      await server.stop();
      await store.close();
      process.exit(0);
    }
    if (message.measure === 'gc') await collectGarbage();
    process.send?.({ rss: process.memoryUsage().rss });
  })();
});

process.send?.({ url: server.url });
