/** Options and helpers every command shares. */
import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import { KuzuStore } from '../store/kuzu/kuzu-store.js';

export interface DbOption {
  db?: string;
}

export function withDbOption(command: Command): Command {
  return command.option('--db <path>', 'Kuzu database path (env ACTORGRAPH_DB, default data/graph.kuzu)');
}

export function configFrom(options: DbOption & { port?: string; host?: string }): Config {
  return loadConfig({ dbPath: options.db, port: options.port, host: options.host });
}

/** Opens the store, runs `work`, and always closes it. */
export async function withStore<T>(config: Config, readOnly: boolean, work: (store: KuzuStore) => Promise<T>): Promise<T> {
  const store = await KuzuStore.open({ path: config.dbPath, readOnly, consoleMemoryLimitBytes: config.consoleMemoryMb * 1024 * 1024 });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
