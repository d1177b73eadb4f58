/** Chooses and opens the store the configuration names: LadybugDB (default) or Neo4j (NEO4J_URI). */
import { existsSync } from 'node:fs';
import { defaultDatabasePath, oldDefaultDatabasePath, type Config } from '../config.js';
import type { GraphStore } from './graph-store.js';
import { reimportCommand } from './kuzu/database-file.js';
import { KuzuStore } from './kuzu/kuzu-store.js';
import { uriForMessages } from './neo4j/neo4j-errors.js';
import { Neo4jStore } from './neo4j/neo4j-store.js';

export async function openStore(config: Config, options: { readOnly: boolean }): Promise<GraphStore> {
  if (config.store === 'neo4j') {
    return Neo4jStore.open({
      uri: config.neo4jUri!,
      ...(config.neo4jUser ? { user: config.neo4jUser } : {}),
      ...(config.neo4jPassword ? { password: config.neo4jPassword } : {}),
      ...(config.neo4jDatabase ? { database: config.neo4jDatabase } : {}),
      consoleMaxQueued: config.consoleQueue,
      maxResponseBytes: config.responseMaxBytes,
    });
  }
  warnAboutOldDefaultDatabase(config.dbPath);
  return KuzuStore.open({
    path: config.dbPath,
    readOnly: options.readOnly,
    consoleMemoryLimitBytes: config.consoleMemoryMb * 1024 * 1024,
    queryTimeoutMs: config.queryTimeoutMs,
    consoleQueue: { maxQueued: config.consoleQueue, maxResponseBytes: config.responseMaxBytes },
  });
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

/** Where the data lives, for messages: the LadybugDB path or the Neo4j URI. */
export function storeLocation(config: Config): string {
  return config.store === 'neo4j' ? `Neo4j at ${uriForMessages(config.neo4jUri!)}` : config.dbPath;
}
