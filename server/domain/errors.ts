/** Named errors. The HTTP error middleware maps `code` and `status` to `{error: {code, message}}`. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(message: string) {
    super('not_found', message, 404);
  }
}

export class InvalidInputError extends AppError {
  constructor(message: string) {
    super('invalid_input', message, 400);
  }
}

/** The database rejected a query (syntax, unknown label, type error…): its message is shown. */
export class QueryError extends AppError {
  constructor(message: string) {
    super('query_error', message, 400);
  }
}

/** A console query tried to write or to touch files: refused before it ran. */
export class ReadOnlyViolationError extends AppError {
  constructor(message: string) {
    super('read_only', message, 403);
  }
}

export class QueryTimeoutError extends AppError {
  constructor(message: string) {
    super('timeout', message, 408);
  }
}

export class StoreUnavailableError extends AppError {
  constructor(message: string) {
    super('store_unavailable', message, 503);
  }
}

/** The answer would be larger than the server gives (memory, bytes, nodes): the message says how to narrow it. */
export class TooLargeError extends AppError {
  constructor(message: string) {
    super('too_large', message, 413);
  }
}

/**
 * The server is at capacity for this kind of work (the console's queue is full, or the query
 * waited its whole time limit for a turn): 503 with Retry-After. Not 429: that says this client
 * sent too much (the rate limit's answer), while here it is everyone's load together.
 */
export class BusyError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('busy', message, 503);
  }
}
