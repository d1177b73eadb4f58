/** `actorgraph serve`: the explorer and the API over an existing database (opened read-only). */
import { Command } from 'commander';
import { CLIENT_DIR, requireBuiltClient } from '../../built-assets.js';
import { ConfigError, type Config } from '../../config.js';
import { isLoopbackAddress } from '../../http/listen-address.js';
import { createLogger, type Logger } from '../../http/logger.js';
import { startServer, type RunningServer } from '../../http/server.js';
import type { GraphStore } from '../../store/graph-store.js';
import { openStore, storeLocation } from '../../store/open-store.js';
import { VERSION } from '../../version.js';
import { configFrom, requireExistingDatabase, withDbOption, type DbOption } from '../shared.js';

export interface Running {
  server: RunningServer;
  store: GraphStore;
  logger: Logger;
  shutdownTimeoutMs: number;
}

/** A store that does not close in this time after shutdown is left to the process exit. */
const STORE_CLOSE_TIMEOUT_MS = 2000;

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

/** `--insecure-no-auth`: serve beyond loopback without a token, knowingly. */
export interface AccessOption {
  insecureNoAuth?: boolean;
}

export function withAccessOption(command: Command): Command {
  return command.option(
    '--insecure-no-auth',
    'serve on a --host other than loopback without ACTORGRAPH_TOKEN: anyone who can reach it can use it',
  );
}

/**
 * Beyond loopback, anyone on the network could read the graph and run console queries: a token is
 * required, unless --insecure-no-auth says that is meant (behind an authenticating proxy, say).
 * Checked before anything is opened, so the refusal is the only thing that happens.
 */
export function checkAccess(config: Config, access: AccessOption): void {
  if (isLoopbackAddress(config.host) || config.token !== undefined) return;
  if (!access.insecureNoAuth) {
    throw new ConfigError(
      `--host ${config.host} is reachable from other machines, and no token is set.\n` +
        'Set ACTORGRAPH_TOKEN (e.g. ACTORGRAPH_TOKEN=$(openssl rand -hex 32)); clients then send it as ' +
        '"Authorization: Bearer <token>" and the explorer asks for it once.\n' +
        'To serve without authentication anyway (e.g. behind a proxy that authenticates), add --insecure-no-auth.',
    );
  }
  process.stderr.write(
    `Warning: serving on ${config.host} with no authentication (--insecure-no-auth): ` +
      'anyone who can reach this port can read the graph and run console queries.\n',
  );
}

export async function serve(config: Config): Promise<Running> {
  requireBuiltClient();
  requireExistingDatabase(config);
  const store = await openStore(config, { readOnly: true });
  await reportReachability(store, config);
  const logger = createLogger(config.logLevel);
  const server = await startServer({
    logger,
    store,
    version: VERSION,
    port: config.port,
    host: config.host,
    bodyLimitBytes: config.bodyLimitBytes,
    timeoutMs: config.queryTimeoutMs,
    rowLimit: config.queryRowLimit,
    clientDir: CLIENT_DIR,
    token: config.token,
    allowedHosts: config.allowedHosts,
  });
  return { server, store, logger, shutdownTimeoutMs: config.shutdownTimeoutMs };
}

function closeStore(running: Running): Promise<void> {
  let limit: NodeJS.Timeout | undefined;
  return Promise.race([
    running.store.close(),
    new Promise<void>((resolve) => (limit = setTimeout(resolve, STORE_CLOSE_TIMEOUT_MS))),
  ])
    .catch((error: unknown) => running.logger.error({ err: error }, 'closing the database failed'))
    .finally(() => clearTimeout(limit));
}

/**
 * Ctrl-C / SIGTERM: stop accepting connections, let running requests (exports too) finish for up to
 * SHUTDOWN_TIMEOUT_MS, cut off the rest, close the database. Exit code 0, or 1 when requests had to
 * be cut off; a second signal exits at once with 1.
 */
export function stopOnSignals(running: Running): void {
  const { logger, shutdownTimeoutMs } = running;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, timeoutMs: shutdownTimeoutMs }, 'shutting down: finishing running requests');
    const { cutOff } = await running.server.shutdown(shutdownTimeoutMs);
    if (cutOff > 0) {
      logger.warn({ cutOff, timeoutMs: shutdownTimeoutMs }, `cut off ${cutOff} request(s) still running at the limit`);
    }
    await closeStore(running);
    logger.info({ exitCode: cutOff > 0 ? 1 : 0 }, 'stopped');
    process.exit(cutOff > 0 ? 1 : 0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

export function serveCommand(): Command {
  return withAccessOption(
    withDbOption(
      new Command('serve')
        .description('Serve the explorer and the HTTP API')
        .option('-p, --port <port>', 'port (env PORT, default 3000; 0 picks a free one)')
        .option('--host <host>', 'interface to listen on (env HOST, default 127.0.0.1)'),
    ),
  ).action(async (options: DbOption & AccessOption & { port?: string; host?: string }) => {
    const config = configFrom(options);
    checkAccess(config, options);
    const running = await serve(config);
    process.stdout.write(`actorgraph ${VERSION} serving ${storeLocation(config)}\nOpen ${running.server.url}\n`);
    stopOnSignals(running);
  });
}
