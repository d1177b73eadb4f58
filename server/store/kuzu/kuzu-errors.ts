/** Maps LadybugDB's error messages to the app's named errors (and so to HTTP statuses). */
import { AppError, QueryTimeoutError, StoreUnavailableError, TooLargeError } from '../../domain/errors.js';

/** The read needed more memory than the buffer pool has: the caller asked for too much at once. */
export const BUFFER_POOL_FULL = /buffer pool is full|unable to allocate memory|out of memory/i;

/** `timeoutMs` is the connection's query timeout, named in the message. */
export function mapKuzuError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/interrupted/i.test(message)) {
    return new QueryTimeoutError(`The read ran past its time limit of ${timeoutMs} ms and was stopped.`);
  }
  if (BUFFER_POOL_FULL.test(message)) {
    return new TooLargeError(
      `The database ran out of memory for this read (${message.trim()}): ask for less, a smaller depth or a narrower query.`,
    );
  }
  return error;
}

/**
 * A write that needed more memory than the buffer pool has is said as TooLargeError, so that a
 * caller whose write can be split (the import's statements, import-documents.ts) writes it in
 * parts. Nothing of it was written: the transaction was rolled back (kuzu-writer.ts).
 */
export function mapWriteError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof AppError || !BUFFER_POOL_FULL.test(message)) return error;
  return new TooLargeError(`The write needed more memory than the database's buffer pool has (${message.trim()}).`);
}

/**
 * A CHECKPOINT after a committed write failed (LadybugDB's pool ran out while rewriting the
 * tables the write reached). The write is in the write-ahead log and is replayed when the
 * database is next opened; writing more in this process is refused, as LadybugDB 0.19.1 loses
 * the commits that follow a failed checkpoint (test/engine/engine-defects.test.ts).
 */
export function checkpointFailed(path: string, error: unknown): StoreUnavailableError {
  const message = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(
    `The database ${path} could not checkpoint a write (${message.trim()}). The write is kept in its write-ahead log, ` +
      'which the next open replays; nothing more is written in this run. Run the import again to go on: ' +
      'documents already written are skipped.',
  );
}
