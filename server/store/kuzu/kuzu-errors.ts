/** Maps LadybugDB's error messages to the app's named errors (and so to HTTP statuses). */
import { AppError, QueryTimeoutError, TooLargeError } from '../../domain/errors.js';

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
