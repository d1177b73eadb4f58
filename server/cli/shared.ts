/** Options and helpers every command shares. */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import type { GraphStore } from '../store/graph-store.js';
import { openStore } from '../store/open-store.js';

export interface DbOption {
  db?: string;
  store?: string;
}

export function withDbOption(command: Command): Command {
  return command
    .option('--db <path>', 'Kuzu database path (env ACTORGRAPH_DB, default data/graph.kuzu)')
    .option('--store <store>', 'kuzu or neo4j (env ACTORGRAPH_STORE; neo4j when NEO4J_URI is set)');
}

export function configFrom(options: DbOption & { port?: string; host?: string }): Config {
  return loadConfig({ dbPath: options.db, port: options.port, host: options.host, store: options.store });
}

/** Opens the store, runs `work`, and always closes it. */
export async function withStore<T>(
  config: Config,
  readOnly: boolean,
  work: (store: GraphStore) => Promise<T>,
): Promise<T> {
  const store = await openStore(config, { readOnly });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
