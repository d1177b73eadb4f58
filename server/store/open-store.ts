/** Chooses and opens the store the configuration names: Kuzu (default) or Neo4j (NEO4J_URI). */
import type { Config } from '../config.js';
import type { GraphStore } from './graph-store.js';
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
    });
  }
  return KuzuStore.open({
    path: config.dbPath,
    readOnly: options.readOnly,
    consoleMemoryLimitBytes: config.consoleMemoryMb * 1024 * 1024,
  });
}

/** Where the data lives, for messages: the Kuzu path or the Neo4j URI. */
export function storeLocation(config: Config): string {
  return config.store === 'neo4j' ? `Neo4j at ${uriForMessages(config.neo4jUri!)}` : config.dbPath;
}
