/**
 * Recognises what wrote a database file before the engine opens it, so the user is told what to
 * do instead of "not a valid Lbug database file". A database file starts with a 4-byte magic
 * (`KUZU` for Kuzu, `LBUG` for LadybugDB) and its storage version as a little-endian integer
 * (Kuzu 0.11.3 wrote 39, LadybugDB 0.19.1 writes 43).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export type DatabaseFile =
  | { kind: 'missing' }
  | { kind: 'kuzu'; storageVersion: number }
  | { kind: 'ladybug'; storageVersion: number }
  | { kind: 'unknown' };

export function inspectDatabaseFile(path: string): DatabaseFile {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { kind: 'unknown' };
    size = stat.size;
  } catch {
    return { kind: 'missing' };
  }
  if (size === 0) return { kind: 'missing' };
  const header = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  const magic = header.toString('latin1', 0, 4);
  const storageVersion = Number(header.readBigUInt64LE(4));
  if (magic === 'KUZU') return { kind: 'kuzu', storageVersion };
  if (magic === 'LBUG') return { kind: 'ladybug', storageVersion };
  return { kind: 'unknown' };
}

/** The command that rebuilds a database from the articles, for messages. */
export function reimportCommand(path: string): string {
  const target = path.replace(/\.kuzu$/, '') + (path.endsWith('.kuzu') ? '.lbug' : '');
  return `actorgraph import <your articles folder> --db ${target}`;
}

/**
 * Why a file cannot be opened by this engine, or null when it can be tried. `engineStorage` is the
 * engine's own storage version (`STORAGE_VERSION` of @ladybugdb/core).
 */
export function unreadableReason(path: string, file: DatabaseFile, engineStorage: number): string | null {
  const rebuild =
    'Import the articles again into a new database: ids come from the articles themselves, so the ' +
    'same articles give the same graph, and curated facts come back from the curation file ' +
    `(ACTORGRAPH_CURATION, applied on every import). Run:\n  ${reimportCommand(path)}`;
  if (file.kind === 'kuzu') {
    return (
      `${path} is a Kuzu database (storage version ${file.storageVersion}). actorgraph's embedded store ` +
      `is LadybugDB now, which cannot read Kuzu files. ${rebuild}\nThen delete ${path}.`
    );
  }
  if (file.kind === 'ladybug' && file.storageVersion !== engineStorage) {
    const which = file.storageVersion > engineStorage ? 'a newer' : 'an older';
    return (
      `${path} was written by ${which} LadybugDB (storage version ${file.storageVersion}; this actorgraph ` +
      `reads version ${engineStorage}). Use the actorgraph version that wrote it, or: ${rebuild}`
    );
  }
  return null;
}
