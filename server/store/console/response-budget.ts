/**
 * The byte cap of a console answer, counted row by row while the rows are read, so that a query
 * such as `UNWIND range(1,1000) AS x RETURN repeat('x', 200000)` is stopped at the cap instead of
 * building a 200 MB answer in memory first.
 */
import { TooLargeError } from '../../domain/errors.js';

/** JSON as the answer will be sent; values JSON has no form for (BigInt) count as their text. */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
  return text === undefined ? 0 : Buffer.byteLength(text);
}

export class ResponseBudget {
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  /** Counts a row (or any part of the answer); throws TooLargeError past the cap. */
  add(value: unknown): void {
    this.used += jsonBytes(value);
    if (this.used > this.maxBytes) {
      throw new TooLargeError(
        `The answer is larger than the server's limit of ${formatBytes(this.maxBytes)} ` +
          '(ACTORGRAPH_RESPONSE_MAX_BYTES): return fewer rows (LIMIT), fewer columns, or shorter values.',
      );
    }
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

/** 16 MB: a thousand rows of a few KB each and their graph, far more than the explorer draws. */
export const DEFAULT_RESPONSE_MAX_BYTES = 16 * 1024 * 1024;
export const DEFAULT_CONSOLE_QUEUE = 8;
