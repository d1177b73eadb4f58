/** The console's waiting line: bounded, and a query's time limit counts from when it arrived. */
import { describe, expect, it } from 'vitest';
import { BusyError } from '../../../server/domain/errors.js';
import { ConsoleQueue } from '../../../server/store/console/console-queue.js';

/** A job that ends when told to. */
function held(): { promise: Promise<string>; release: (value: string) => void } {
  let release!: (value: string) => void;
  const promise = new Promise<string>((resolve) => (release = resolve));
  return { promise, release };
}

describe('ConsoleQueue', () => {
  it('runs one at a time in arrival order and refuses one more than it queues, with a Retry-After', async () => {
    const queue = new ConsoleQueue({ concurrency: 1, maxQueued: 1 });
    const first = held();
    const order: string[] = [];
    const a = queue.run(5000, () => first.promise.then((value) => (order.push(value), value)));
    const b = queue.run(5000, async () => (order.push('b'), 'b'));
    const refused = queue.run(5000, async () => 'c');
    await expect(refused).rejects.toBeInstanceOf(BusyError);
    await expect(refused).rejects.toMatchObject({ status: 503, retryAfterSeconds: 5 });
    expect(queue.size).toEqual({ running: 1, waiting: 1 });
    first.release('a');
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(order).toEqual(['a', 'b']);
    expect(queue.size).toEqual({ running: 0, waiting: 0 });
  });

  it('answers a query that waited its whole time limit at once with 503, without running it', async () => {
    const queue = new ConsoleQueue({ concurrency: 1, maxQueued: 5 });
    const first = held();
    void queue.run(10_000, () => first.promise);
    let ran = false;
    const late = queue.run(300, async () => {
      ran = true;
      return 'late';
    });
    await expect(late).rejects.toMatchObject({ status: 503, code: 'busy' });
    expect(queue.size).toEqual({ running: 1, waiting: 0 });
    first.release('done');
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toBe(false);
  });

  it('gives the work the time it has left, its limit minus its wait', async () => {
    const queue = new ConsoleQueue({ concurrency: 1, maxQueued: 5 });
    const first = held();
    void queue.run(10_000, () => first.promise);
    const given = queue.run(10_000, async (remainingMs) => remainingMs);
    await new Promise((resolve) => setTimeout(resolve, 200));
    first.release('done');
    const remaining = await given;
    // It waited ~200 ms; a timer may fire a millisecond or two early on the clock the queue reads,
    // and a loaded machine makes the wait longer, never shorter: 150 ms is surely gone.
    expect(remaining).toBeLessThanOrEqual(9850);
    expect(remaining).toBeGreaterThan(0);
  });

  it('runs `concurrency` queries at once (Neo4j runs several)', async () => {
    const queue = new ConsoleQueue({ concurrency: 3, maxQueued: 0 });
    const jobs = [held(), held(), held()];
    const running = jobs.map((job) => queue.run(5000, () => job.promise));
    expect(queue.size).toEqual({ running: 3, waiting: 0 });
    await expect(queue.run(5000, async () => 'x')).rejects.toBeInstanceOf(BusyError);
    jobs.forEach((job, i) => job.release(String(i)));
    expect(await Promise.all(running)).toEqual(['0', '1', '2']);
  });
});
