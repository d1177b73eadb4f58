/**
 * Starts the real server (Kuzu store, Express app, built client when present) on port 0 over a
 * throwaway database, optionally after importing the sample articles the way `npm start` does.
 */
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/config.js';
import { startServer } from '../../server/http/server.js';
import { importDocuments } from '../../server/importer/import-documents.js';
import type { GraphBatch } from '../../server/domain/graph.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { VERSION } from '../../server/version.js';
import { tempDir } from './temp-dir.js';

export const SAMPLE_ARTICLES = join(REPO_ROOT, 'data', 'articles');
export const CLIENT_DIR = join(REPO_ROOT, 'dist', 'client');

export interface TestServer {
  url: string;
  dbPath: string;
  store: KuzuStore;
  close(): Promise<void>;
}

export interface TestServerOptions {
  importSamples?: boolean;
  /** A hand-made graph to write instead of (or besides) the samples. */
  graph?: GraphBatch;
  queryTimeoutMs?: number;
  bodyLimitBytes?: number;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dbPath = join(tempDir(), 'graph.kuzu');
  const writer = await KuzuStore.open({ path: dbPath, readOnly: false });
  try {
    if (options.importSamples ?? true) await importDocuments(writer, [SAMPLE_ARTICLES]);
    if (options.graph) await writer.writeBatch(options.graph);
  } finally {
    await writer.close();
  }
  const store = await KuzuStore.open({ path: dbPath, readOnly: true });
  const server = await startServer({
    store,
    version: VERSION,
    port: 0,
    host: '127.0.0.1',
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    timeoutMs: options.queryTimeoutMs ?? 10_000,
    rowLimit: 1000,
    clientDir: CLIENT_DIR,
  });
  return {
    url: server.url,
    dbPath,
    store,
    async close() {
      await server.stop();
      await store.close();
    },
  };
}
