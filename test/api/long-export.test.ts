/**
 * Issue 14, item 3: one long request must not freeze the embedded API. A neighbourhood export
 * that explodes (depth 5 around a hub of a dense graph) runs on the store's second connection
 * with a time limit, so health and search answer while it runs, and the export
 * itself ends with 408 at its limit instead of holding the connection everyone waits for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic-graph.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('a long export on the embedded store', () => {
  let server: TestServer;
  let hub: string;

  beforeAll(async () => {
    server = await startTestServer({
      importSamples: false,
      graph: syntheticGraph({ nodes: 2000, edges: 10_000 }),
      queryTimeoutMs: 8000,
    });
    hub = (await server.store.overview(1, 1)).nodes[0].id;
  });

  afterAll(async () => {
    await server?.close();
    removeTempDirs();
  });

  it('leaves health and search answering while it runs, and ends at its time limit', async () => {
    const settled: string[] = [];
    const exporting = fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json', node: hub, depth: 5 }),
    }).then(async (res) => {
      await res.arrayBuffer();
      settled.push('export');
      return res.status;
    });
    const answer = async (path: string): Promise<number> => {
      const res = await fetch(server.url + path);
      await res.arrayBuffer();
      settled.push(path);
      return res.status;
    };
    const statuses: number[] = [];
    // Three rounds while the export runs (the first once it has reached the database): a search
    // is several queries, each of which needs a free engine worker on the main connection.
    for (const delay of [300, 1500, 1500]) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      statuses.push(...(await Promise.all([answer('/api/health'), answer('/api/search?q=minister&limit=5')])));
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const status = await exporting;
    expect(settled.indexOf('export'), `in the order they ended: ${settled.join(', ')}`).toBe(6);
    // 408 past the limit (the depth-5 neighbourhood of this hub takes minutes), 200 on a fast machine.
    expect([200, 408]).toContain(status);
  });
});
