/**
 * Opens LadybugDB databases, exactly one `Database` object per path in this process: two objects
 * on one path both open and lose committed rows at checkpoint (measured on Kuzu 0.11.3 and still
 * on LadybugDB 0.19.1: test/engine/engine-defects.test.ts).
 *
 * Queries run on the engine's default number of threads. Kuzu 0.11.3 had to run them on one:
 * on several, `MATCH (a)-[e]->(b) WHERE e.id IN $ids` answered a wrong relationship in 2 of 300
 * calls; LadybugDB 0.19.1 answers all 300 right, and its shortest paths match one thread's
 * (the same test).
 */
import { Database } from '@ladybugdb/core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreUnavailableError } from '../../domain/errors.js';
import { inspectDatabaseFile, unreadableReason } from './database-file.js';
import { replayLogApart } from './wal-replay.js';

export interface OpenDatabase {
  path: string;
  readOnly: boolean;
  database: Database;
  release(): Promise<void>;
}

interface Entry {
  database: Database;
  readOnly: boolean;
  users: number;
}

const open = new Map<string, Entry>();

/**
 * Buffer pool size: Kuzu's default reserves 80% of RAM, far more than a news graph needs. The pool
 * is resident memory once its pages are touched. The import's is IMPORT_BUFFER_POOL_BYTES.
 */
const BUFFER_POOL_BYTES = 1024 * 1024 * 1024;

/**
 * Buffer pool size of `actorgraph import` (open-store.ts, a read-write open): 1 GiB, as the
 * server's. Not smaller: a checkpoint (the store's after every write, or the engine's own inside
 * a commit whose WAL is large) that runs out of pool leaves LadybugDB 0.19.1's checkpoint half done
 * (`graph.lbug.shadow` and `graph.lbug.wal.checkpoint` on disk), with only "the buffer pool is
 * full" to say so. The import took that for a write too large and wrote it again in halves
 * (import-documents.ts writeStatements), and the next relationship COPY killed the process
 * (SIGSEGV in StringChunkData::appendStringColumnChunk under RelBatchInsert, 5,000 articles with
 * a 128 MB pool, under gdb); that database then crashed the engine on open (SIGSEGV replaying
 * the frozen WAL, WALReplayer::replayNodeUpdateRecord). Now the import's checkpoints are its own
 * (IMPORT_AUTO_CHECKPOINT) and a failed one stops it with a message (kuzu-errors.ts
 * checkpointFailed; test/engine/checkpoint-failure.test.ts; that test's database, with nothing
 * written after the failed checkpoint, opens with the write). The 20,000-article import with a
 * 256 MB pool died twice at one statements write, by a signal, without a message: very likely
 * the same. What a
 * checkpoint needs grows with the database, as the statements' relationships reach actors and
 * documents all over it; at 20,000 articles and 1 GiB the pool reached 809 MB during the last
 * statements write, so a larger corpus may run out of this one too. Most native memory is not the
 * pool (bench/import-throughput.ts, smaps): at that peak (2,544 MB) glibc's arenas held 1,187 MB,
 * growing 30-90 MB per statements write, and at 5,000 articles glibc held 317 MB of which 85 MB
 * were in use (malloc_stats: the engine's freed column chunks, kept by glibc). To measure another size:
 * IMPORT_POOL_MB=256 npx tsx bench/import-throughput.ts --scaling 20000.
 * Where the peak is (IMPORT_TRACE=1, 5,000 articles, one run each, load 5-12): inside the
 * CHECKPOINT that follows a write (each write's highest RSS from the third write on, but for the
 * first statements write, whose highest, lower, was in a COPY). A checkpoint's own
 * rise grows with the database, not with the write: +55-80 MB for each document write, then +90 to
 * +260 MB for the last statements writes of 20,000 occurrences, and in writes of 5,000 from +40 MB
 * (the first) to +275 MB (the last of 15). Very likely (read from the figures, not from the
 * engine's code) the checkpoint rewrites the relationship data of every node group a write
 * touched, and statements touch actors and documents all over the database. At
 * that peak (917 MB) glibc held 325-397 MB in use and 164-220 MB free, the pool 120-159 MB resident,
 * the JS heap ~160-190 MB. Tried, none lowers it beyond the runs' noise: one engine thread per query
 * (898 MB), malloc_trim before every COPY and CHECKPOINT (925 MB), statements writes of 5,000 (899 MB,
 * and 812 MB of database against 753 MB), a 256 MB pool (865 MB, same time; its resident part
 * stayed under 256 MB at this size, and at 20,000 it crashed, see above).
 */
export const IMPORT_BUFFER_POOL_BYTES = 1024 * 1024 * 1024;

/**
 * The import's database does not checkpoint inside a commit: each of its writes is followed by
 * its own CHECKPOINT (KuzuStore.beginWrites). A checkpoint that runs out of pool then fails as a
 * CHECKPOINT, after the write committed, instead of as the write's COMMIT with the same "buffer
 * pool is full" as a write too large, which the import would write again in halves onto a
 * half-checkpointed database. After a failed checkpoint LadybugDB 0.19.1 reports further commits
 * as done and loses them on the next open (test/engine/engine-defects.test.ts), so the writer
 * stops there (kuzu-errors.ts checkpointFailed).
 */
export const IMPORT_AUTO_CHECKPOINT = false;

export async function openDatabase(
  path: string,
  options: { readOnly: boolean; bufferPoolBytes?: number | undefined; autoCheckpoint?: boolean | undefined },
): Promise<OpenDatabase> {
  const absolute = resolve(path);
  let entry = open.get(absolute);
  if (entry && entry.readOnly && !options.readOnly) {
    throw new StoreUnavailableError(`The database ${absolute} is already open read-only in this process`);
  }
  if (!entry) {
    if (options.readOnly && !existsSync(absolute)) {
      throw new StoreUnavailableError(`No database at ${absolute}: import articles first`);
    }
    // Refuse a Kuzu file or one of another storage version before the engine sees it: it would
    // only say "not a valid Lbug database file".
    const unreadable = unreadableReason(absolute, inspectDatabaseFile(absolute), Number(Database.getStorageVersion()));
    if (unreadable) throw new StoreUnavailableError(unreadable);
    mkdirSync(dirname(absolute), { recursive: true });
    await replayLogFirst(absolute);
    const database = newDatabase(absolute, options);
    try {
      await database.init();
    } catch (error) {
      throw new StoreUnavailableError(describeOpenError(absolute, error));
    }
    entry = { database, readOnly: options.readOnly, users: 0 };
    open.set(absolute, entry);
  }
  entry.users += 1;
  const held = entry;
  let released = false;
  return {
    path: absolute,
    readOnly: held.readOnly,
    database: held.database,
    async release() {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users === 0) {
        open.delete(absolute);
        await held.database.close();
      }
    },
  };
}

/**
 * A database instance (not yet initialised) as the store opens it; the log replay's child
 * (wal-replay-child.ts) opens it so too, so that it replays the log as the store would.
 */
export function newDatabase(
  path: string,
  options: { readOnly: boolean; bufferPoolBytes?: number | undefined; autoCheckpoint?: boolean | undefined },
): Database {
  return new Database(
    path,
    // The first open of a path in this process sets it.
    options.bufferPoolBytes ?? BUFFER_POOL_BYTES,
    true, // compression
    options.readOnly,
    0, // maximum size: the engine's default
    // Checkpoint automatically at a commit whose WAL is large, unless the caller checkpoints
    // itself (the import: see IMPORT_AUTO_CHECKPOINT).
    options.autoCheckpoint ?? true,
    -1, // at the engine's default WAL size
    // An import killed mid-commit (kill -9, power loss) leaves a torn record at the end of the
    // WAL; by default LadybugDB 0.19.1 then refuses to open the database at all ("Corrupted wal
    // file"). Replaying up to the torn record instead drops only the transaction that never
    // finished: the database holds all of an import's batch or none of it
    // (test/engine/import-kill.test.ts). Not always the earlier, committed ones in the same WAL:
    // killed during a later write, an import lost all its batches on open, so every batch write
    // ends with a CHECKPOINT (KuzuStore.beginWrites).
    false,
  );
}

/** Whether the engine refused to open a database because another process holds it. */
export function isInUseError(message: string): boolean {
  return message.includes('Could not set lock');
}

/**
 * The log an unclean stop left, replayed in a child process first (wal-replay.ts): a log the
 * engine crashes on is set aside, and said so on stderr, instead of killing this process.
 */
async function replayLogFirst(path: string): Promise<void> {
  const replay = await replayLogApart(path);
  if (replay.outcome === 'set-aside') process.emitWarning(replay.message, { code: 'ACTORGRAPH_WAL_SET_ASIDE' });
}

/**
 * A read-only instance of a database already open in this process, outside the registry, with a
 * buffer pool of its own (the caller closes it): what the whole-graph export reads through, so
 * that the pages it touches fill this small pool, not the server's (KuzuStore's export lane).
 */
export async function openSideDatabase(path: string, bufferPoolBytes: number): Promise<Database> {
  const database = new Database(resolve(path), bufferPoolBytes, true, true);
  try {
    await database.init();
  } catch (error) {
    throw new StoreUnavailableError(describeOpenError(resolve(path), error));
  }
  return database;
}

function describeOpenError(path: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (isInUseError(message)) {
    return `The database ${path} is in use by another actorgraph process (a running server or import). Stop it, or use another --db.`;
  }
  return `Could not open the database ${path}: ${message}`;
}
