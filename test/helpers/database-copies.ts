/** Embedded databases for the kill tests: copies of a closed one, and its counts read afterwards. */
import { copyFileSync, existsSync } from 'node:fs';
import type { StatsResponse } from '../../server/domain/api.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';

/** The counts of a database, opened read-only (so a killed writer's WAL is replayed first). */
export async function statsOf(dbPath: string): Promise<StatsResponse> {
  const store = await KuzuStore.open({ path: dbPath, readOnly: true });
  try {
    return await store.stats();
  } finally {
    await store.close();
  }
}

/** A copy of a closed database, with its WAL when it has one. */
export function copyDatabase(from: string, to: string): string {
  copyFileSync(from, to);
  if (existsSync(`${from}.wal`)) copyFileSync(`${from}.wal`, `${to}.wal`);
  return to;
}
