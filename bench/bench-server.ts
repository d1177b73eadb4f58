/** What the benchmark scripts share: the API server over a store, and percentiles of timings. */
import { startServer } from '../server/http/server.js';
import type { GraphStore } from '../server/store/graph-store.js';

/** The server as `actorgraph serve` runs it, on a free local port. */
export function serveForBench(store: GraphStore, options: { timeoutMs?: number; clientDir?: string } = {}) {
  return startServer({
    store,
    version: 'bench',
    port: 0,
    host: '127.0.0.1',
    bodyLimitBytes: 1 << 20,
    timeoutMs: options.timeoutMs ?? 10_000,
    rowLimit: 1000,
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
  });
}

/** The p-th percentile of sorted samples (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
