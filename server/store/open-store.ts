/**
 * How each store kind of domain/stores.ts is opened: one entry per kind, chosen by the
 * configuration (LadybugDB by default, Neo4j with NEO4J_URI). A kind listed there without an entry
 * here does not compile.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDatabasePath, oldDefaultDatabasePath, type Config } from '../config.js';
import { STORE_KINDS, STORE_NAMES, type StoreKind } from '../domain/stores.js';
import type { GraphStore } from './graph-store.js';
import { reimportCommand } from './kuzu/database-file.js';
import { IMPORT_AUTO_CHECKPOINT, IMPORT_BUFFER_POOL_BYTES } from './kuzu/kuzu-database.js';
import { KuzuStore } from './kuzu/kuzu-store.js';
import { uriForMessages } from './neo4j/neo4j-errors.js';
import { Neo4jStore } from './neo4j/neo4j-store.js';

interface StoreOpener {
  open(config: Config, options: { readOnly: boolean }): Promise<GraphStore>;
  /** Where the data lives, for messages (a path, a URI without its password). */
  location(config: Config): string;
  /**
   * A new, empty store of its own inside the folder `dir`, which the caller deletes afterwards
   * (`actorgraph eval`). Only an embedded store has one: a server's store holds someone's data.
   */
  openScratch?(dir: string): Promise<GraphStore>;
}

const OPENERS: Record<StoreKind, StoreOpener> = {
  ladybug: {
    open(config, { readOnly }) {
      warnAboutOldDefaultDatabase(config.dbPath);
      return KuzuStore.open({
        path: config.dbPath,
        readOnly,
        // Read-write: the import (`import`, `start` on an empty database), with its pool and checkpoints.
        ...(readOnly ? {} : { bufferPoolBytes: IMPORT_BUFFER_POOL_BYTES, autoCheckpoint: IMPORT_AUTO_CHECKPOINT }),
        consoleMemoryLimitBytes: config.consoleMemoryMb * 1024 * 1024,
        queryTimeoutMs: config.queryTimeoutMs,
        consoleQueue: { maxQueued: config.consoleQueue, maxResponseBytes: config.responseMaxBytes },
      });
    },
    location: (config) => config.dbPath,
    openScratch: (dir) => KuzuStore.open({ path: join(dir, 'scratch.lbug'), readOnly: false }),
  },
  neo4j: {
    open: (config) =>
      Neo4jStore.open({
        uri: config.neo4jUri!,
        ...(config.neo4jUser ? { user: config.neo4jUser } : {}),
        ...(config.neo4jPassword ? { password: config.neo4jPassword } : {}),
        ...(config.neo4jDatabase ? { database: config.neo4jDatabase } : {}),
        consoleMaxQueued: config.consoleQueue,
        maxResponseBytes: config.responseMaxBytes,
      }),
    location: (config) => `Neo4j at ${uriForMessages(config.neo4jUri!)}`,
  },
};

export function openStore(config: Config, options: { readOnly: boolean }): Promise<GraphStore> {
  return OPENERS[config.store].open(config, options);
}

/** Where the data lives, for messages: the LadybugDB path or the Neo4j URI. */
export function storeLocation(config: Config): string {
  return OPENERS[config.store].location(config);
}

/**
 * An empty throwaway store in `dir`: of the configured kind when it can make one, else of the
 * first embedded kind, so that a run configured for Neo4j never writes into the user's server.
 */
export function openScratchStore(config: Config, dir: string): Promise<GraphStore> {
  const kind = OPENERS[config.store].openScratch
    ? config.store
    : STORE_NAMES.find((name) => STORE_KINDS[name].embedded && OPENERS[name].openScratch);
  if (!kind) throw new Error('No store kind can open a throwaway database');
  return OPENERS[kind].openScratch!(dir);
}

/**
 * The default database was `graph.kuzu` before LadybugDB: when it is there and the new default is
 * not, the graph the user expects is in a file nothing reads any more. Say so once, at open.
 */
function warnAboutOldDefaultDatabase(dbPath: string): void {
  const old = oldDefaultDatabasePath();
  if (dbPath !== defaultDatabasePath() || existsSync(dbPath) || !existsSync(old)) return;
  process.stderr.write(
    `actorgraph: ${old} is a Kuzu database from an earlier actorgraph, which is no longer read; ` +
      `a new LadybugDB database is used at ${dbPath}. To bring your graph over, import the articles again ` +
      `(ids come from the articles, curation from the curation file): ${reimportCommand(old)}\n`,
  );
}
