/**
 * A token bucket per client for the expensive routes (console, exports): each client may send
 * `burst` requests at once, then `perMinute` a minute. Clients are told apart by the address of
 * their connection, not by X-Forwarded-For, which any client can write. The map of clients is
 * bounded: past `maxClients`, the client seen longest ago is forgotten (it starts with a full
 * bucket again, which is the lenient side).
 */
import type { RequestHandler } from 'express';

export interface RateLimit {
  /** Requests a client may send at once. */
  burst: number;
  /** Requests a client may send per minute, on average, once its burst is used. */
  perMinute: number;
  /** Clients remembered at once (default 10,000). */
  maxClients?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 20, perMinute: 60 };
const DEFAULT_MAX_CLIENTS = 10_000;

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxClients: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit.perMinute / 60_000;
    this.maxClients = limit.maxClients ?? DEFAULT_MAX_CLIENTS;
  }

  /** Takes one token for `client`: 0 when it may go on, else the seconds until it may try again. */
  take(client: string): number {
    const now = this.now();
    const known = this.buckets.get(client);
    const bucket = known ?? { tokens: this.limit.burst, updatedMs: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.updatedMs) * this.perMs);
    bucket.updatedMs = now;
    // Deleted and set again: the Map's order stays "seen longest ago first".
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (!known && this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  get size(): number {
    return this.buckets.size;
  }
}

export function rateLimit(limit: RateLimit): RequestHandler {
  const buckets = new TokenBuckets(limit);
  return (req, res, next) => {
    const retryAfterSeconds = buckets.take(req.socket.remoteAddress ?? 'unknown');
    if (retryAfterSeconds === 0) return next();
    res
      .status(429)
      .setHeader('Retry-After', String(retryAfterSeconds))
      .json({
        error: {
          code: 'rate_limited',
          message: `Too many console queries or exports from your address: try again in ${retryAfterSeconds} s.`,
        },
      });
  };
}
