/**
 * A download the client cancels midway: the server stops the export and logs it as a cancelled
 * download (info), not as an export that failed (error): nothing went wrong on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic-graph.js';
import { createLogger } from '../../server/http/logger.js';
import { capturedLog } from '../helpers/log-capture.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

describe('a whole-graph download cancelled by the client', () => {
  let server: TestServer;
  const log = capturedLog();
  const lines = log.lines;

  beforeAll(async () => {
    // Megabytes of JSON: far more than the socket buffers hold, so the export is mid-stream when cut.
    server = await startTestServer({
      importSamples: false,
      graph: syntheticGraph({ nodes: 2000, edges: 10_000 }),
      logger: createLogger('info', log.destination),
    });
  });

  afterAll(async () => {
    await server?.close();
    removeTempDirs();
  });

  it('stops the export and logs a cancelled download, not an error', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json' }),
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    controller.abort();
    await expect.poll(() => lines().map((line) => line.msg)).toContain('export cancelled by the client');
    expect(lines().filter((line) => line.level >= 50)).toEqual([]);
    // And the server goes on: a whole export right after is complete.
    const again = await fetch(`${server.url}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json' }),
    });
    const graph = (await again.json()) as { nodes: unknown[] };
    expect(graph.nodes).toHaveLength(2000);
  });
});
