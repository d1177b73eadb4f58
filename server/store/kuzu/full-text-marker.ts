/**
 * A file next to the database, `<db>.fts-pending`, that exists while a run of writes has dropped
 * the full-text indexes and not yet rebuilt them. The indexes are dropped before the first write
 * of a run and rebuilt once by finish() (kuzu-store.ts); a process killed in between leaves the
 * file behind, so that the next read-write open rebuilds them and a read-only open (the server's)
 * can say so in /api/ready instead of answering searches with nothing. It is a file rather than a
 * row because it must outlive a transaction that is rolled back, and be written before anything
 * is dropped.
 */
import { closeSync, existsSync, fsyncSync, openSync, rmSync } from 'node:fs';

export class FullTextMarker {
  constructor(private readonly databasePath: string) {}

  get path(): string {
    return `${this.databasePath}.fts-pending`;
  }

  present(): boolean {
    return existsSync(this.path);
  }

  /** Written and flushed to disk before an index is dropped. */
  set(): void {
    const fd = openSync(this.path, 'w');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  clear(): void {
    rmSync(this.path, { force: true });
  }
}
