/**
 * Starts the real server (Kuzu or Neo4j store, Express app, built client when present) on port 0
 * over a throwaway database, optionally after importing the sample articles as `npm start` does.
 */
import { join } from 'node:path';
import { CLIENT_DIR } from '../../server/built-assets.js';
import { REPO_ROOT } from '../../server/config.js';
import type { GraphBatch } from '../../server/domain/graph.js';
import type { Logger } from '../../server/http/logger.js';
import { startServer, type RunningServer } from '../../server/http/server.js';
import { importDocuments } from '../../server/importer/import-documents.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { VERSION } from '../../server/version.js';
import { tempDir } from './temp-dir.js';

export { CLIENT_DIR };

export const SAMPLE_ARTICLES = join(REPO_ROOT, 'data', 'articles');

export type StoreKind = 'ladybug' | 'neo4j';

/** The Cypher dialect each store speaks: LadybugDB speaks Kuzu's. */
export const DIALECT_OF = { ladybug: 'kuzu', neo4j: 'neo4j' } as const;

/** The stores the API tests run on: LadybugDB always, Neo4j when NEO4J_URI is set. */
export function testStores(): StoreKind[] {
  return process.env.NEO4J_URI ? ['ladybug', 'neo4j'] : ['ladybug'];
}

export interface TestServer {
  url: string;
  kind: StoreKind;
  store: GraphStore;
  /** Imports the sample articles again into the same database; the server keeps running. */
  reimportSamples(): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  store?: StoreKind;
  importSamples?: boolean;
  /** A hand-made graph to write instead of (or besides) the samples. */
  graph?: GraphBatch;
  queryTimeoutMs?: number;
  bodyLimitBytes?: number;
  /** Where the server logs (none by default). */
  logger?: Logger;
  /** ACTORGRAPH_TOKEN: the API then asks for it (none by default). */
  token?: string;
}

async function fill(store: GraphStore, options: TestServerOptions): Promise<void> {
  if (options.importSamples ?? true) await importDocuments(store, [SAMPLE_ARTICLES]);
  if (options.graph) await store.writeBatch(options.graph);
}

async function openNeo4j(): Promise<Neo4jStore> {
  return Neo4jStore.open({ uri: process.env.NEO4J_URI! });
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const kind = options.store ?? 'ladybug';
  const dbPath = join(tempDir(), 'graph.lbug');
  let store: GraphStore;
  if (kind === 'neo4j') {
    const neo4j = await openNeo4j();
    await neo4j.deleteEverything();
    await fill(neo4j, options);
    store = neo4j;
  } else {
    // LadybugDB: one process writes, then the server reads (as `actorgraph import` then `serve`).
    const writer = await KuzuStore.open({ path: dbPath, readOnly: false });
    try {
      await fill(writer, options);
    } finally {
      await writer.close();
    }
    store = await KuzuStore.open({ path: dbPath, readOnly: true, queryTimeoutMs: options.queryTimeoutMs });
  }
  const listen = (over: GraphStore): Promise<RunningServer> =>
    startServer({
      store: over,
      version: VERSION,
      port: 0,
      host: '127.0.0.1',
      bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
      timeoutMs: options.queryTimeoutMs ?? 10_000,
      rowLimit: 1000,
      clientDir: CLIENT_DIR,
      logger: options.logger,
      token: options.token,
    });
  let server = await listen(store);
  const handle: TestServer = {
    url: server.url,
    kind,
    store,
    async reimportSamples() {
      if (kind === 'neo4j') {
        await importDocuments(store, [SAMPLE_ARTICLES]);
        return;
      }
      await server.stop();
      await store.close();
      const writer = await KuzuStore.open({ path: dbPath, readOnly: false });
      try {
        await importDocuments(writer, [SAMPLE_ARTICLES]);
      } finally {
        await writer.close();
      }
      store = await KuzuStore.open({ path: dbPath, readOnly: true });
      server = await listen(store);
      handle.url = server.url;
      handle.store = store;
    },
    async close() {
      await server.stop();
      await store.close();
    },
  };
  return handle;
}
