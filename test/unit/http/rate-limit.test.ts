/** The token buckets behind the console and export rate limits: refill, Retry-After, a bounded map. */
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../../server/http/middleware/rate-limit.js';
import { hostName } from '../../../server/http/middleware/host-check.js';
import { isLoopbackAddress } from '../../../server/http/listen-address.js';

describe('TokenBuckets', () => {
  it('lets a burst through, then one request per refill interval, and says how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets({ burst: 2, perMinute: 6 }, () => now);
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(0);
    // 6 a minute: one every 10 s.
    expect(buckets.take('a')).toBe(10);
    now += 5_000;
    expect(buckets.take('a')).toBe(5);
    now += 5_000;
    expect(buckets.take('a')).toBe(0);
    // Another client has its own bucket.
    expect(buckets.take('b')).toBe(0);
  });

  it('remembers at most maxClients, forgetting the one seen longest ago', () => {
    const buckets = new TokenBuckets({ burst: 1, perMinute: 1, maxClients: 3 }, () => 0);
    for (const client of ['a', 'b', 'c']) expect(buckets.take(client)).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0); // a is now the most recent
    expect(buckets.take('d')).toBe(0); // b is forgotten
    expect(buckets.size).toBe(3);
    expect(buckets.take('b')).toBe(0); // a full bucket again
    expect(buckets.take('a')).toBeGreaterThan(0); // a was kept
  });
});

describe('host names', () => {
  it('read the name out of a Host header', () => {
    expect(hostName('Example.ORG:3000')).toBe('example.org');
    expect(hostName('[::1]:3000')).toBe('[::1]');
    expect(hostName('::1')).toBe('[::1]');
    expect(hostName('localhost')).toBe('localhost');
  });

  it('tell loopback addresses from the others', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackAddress(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.2', 'example.org']) expect(isLoopbackAddress(host)).toBe(false);
  });
});
