/** `actorgraph serve`: the explorer and the API over an existing database (opened read-only). */
import { Command } from 'commander';
import { CLIENT_DIR, requireBuiltClient } from '../../built-assets.js';
import type { Config } from '../../config.js';
import { startServer, type RunningServer } from '../../http/server.js';
import type { GraphStore } from '../../store/graph-store.js';
import { openStore, storeLocation } from '../../store/open-store.js';
import { VERSION } from '../../version.js';
import { configFrom, withDbOption, type DbOption } from '../shared.js';

export interface Running {
  server: RunningServer;
  store: GraphStore;
}

/** Says plainly when the database cannot be reached; the server still starts and answers 503. */
async function reportReachability(store: GraphStore, config: Config): Promise<void> {
  try {
    await store.isEmpty();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `Warning: ${storeLocation(config)} cannot be reached (${reason}).\nThe API answers 503 until it is back; no restart is needed.\n`,
    );
  }
}

export async function serve(config: Config): Promise<Running> {
  requireBuiltClient();
  const store = await openStore(config, { readOnly: true });
  await reportReachability(store, config);
  const server = await startServer({
    store,
    version: VERSION,
    port: config.port,
    host: config.host,
    bodyLimitBytes: config.bodyLimitBytes,
    timeoutMs: config.queryTimeoutMs,
    rowLimit: config.queryRowLimit,
    clientDir: CLIENT_DIR,
  });
  return { server, store };
}

/** Stops cleanly on Ctrl-C / SIGTERM: close the HTTP server, then the database. */
export function stopOnSignals(running: Running): void {
  const stop = async () => {
    await running.server.stop().catch(() => undefined);
    await running.store.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

export function serveCommand(): Command {
  return withDbOption(
    new Command('serve')
      .description('Serve the explorer and the HTTP API')
      .option('-p, --port <port>', 'port (env PORT, default 3000; 0 picks a free one)')
      .option('--host <host>', 'interface to listen on (env HOST, default 127.0.0.1)'),
  ).action(async (options: DbOption & { port?: string; host?: string }) => {
    const config = configFrom(options);
    const running = await serve(config);
    process.stdout.write(`actorgraph ${VERSION} serving ${storeLocation(config)}\nOpen ${running.server.url}\n`);
    stopOnSignals(running);
  });
}
