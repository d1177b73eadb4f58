/** Maps neo4j-driver errors to the app's named errors (and so to HTTP statuses). */
import {
  AppError,
  QueryError,
  QueryTimeoutError,
  ReadOnlyViolationError,
  StoreUnavailableError,
  TooLargeError,
} from '../../domain/errors.js';

interface DriverError {
  code?: string;
  message?: string;
}

/** A URI as messages show it: a `user:password@` written into it is left out. */
export function uriForMessages(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1');
}

export function isUnavailable(error: unknown): boolean {
  const code = (error as DriverError | null)?.code ?? '';
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|connect|Pool is closed/i.test((error as DriverError | null)?.message ?? '')
  );
}

export function mapNeo4jError(error: unknown, uri: string): AppError {
  if (error instanceof AppError) return error;
  const { code = '', message = String(error) } = (error ?? {}) as DriverError;
  if (isUnavailable(error)) return new StoreUnavailableError(`Neo4j at ${uri} cannot be reached: ${message}`);
  if (code.includes('TransactionTimedOut') || /timed out|terminated.*timeout/i.test(message)) {
    return new QueryTimeoutError('The query ran past its time limit and was stopped.');
  }
  // MemoryPoolOutOfMemoryError (the transaction's or the database's memory limit), OutOfMemoryError.
  if (/OutOfMemory/i.test(code) || /memory (pool|limit)|out of memory|exceeded.*memory/i.test(message)) {
    return new TooLargeError(
      `Neo4j ran out of memory for this query (${message}): ask for less (a LIMIT, a smaller depth or a narrower MATCH).`,
    );
  }
  if (code.includes('AccessMode') || /read access mode|not allowed.*write|write.*not allowed/i.test(message)) {
    return new ReadOnlyViolationError(`The console is read-only: ${message}`);
  }
  if (code.startsWith('Neo.ClientError')) return new QueryError(message);
  return new AppError('store_error', `Neo4j failed: ${message}`, 500);
}
