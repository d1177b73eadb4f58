/**
 * The read lanes of the embedded store (lane-pool.ts): never more lanes than its size however many
 * reads wait, each lane used by one read at a time, the waiting reads served in order, and a lane
 * given back when its read fails.
 */
import { describe, expect, it } from 'vitest';
import { LanePool } from '../../../server/store/kuzu/lane-pool.js';

interface Lane {
  name: string;
  busy: boolean;
}

/** A read that holds its lane until `release` is called, and checks no one else holds it. */
function heldRead(pool: LanePool<Lane>, log: string[], label: string) {
  let release!: () => void;
  const done = pool.use(async (lane) => {
    expect(lane.busy).toBe(false);
    lane.busy = true;
    log.push(`${label}@${lane.name}`);
    await new Promise<void>((resolve) => (release = resolve));
    lane.busy = false;
    return lane.name;
  });
  return { done, release: () => release() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a pool of read lanes', () => {
  it('makes no more lanes than its size, however many reads wait, and serves the waiting in order', async () => {
    let made = 0;
    const pool = new LanePool<Lane>(2, async () => ({ name: `extra${++made}`, busy: false }), {
      name: 'main',
      busy: false,
    });
    const log: string[] = [];
    const reads = Array.from({ length: 6 }, (_, i) => heldRead(pool, log, `r${i}`));
    await settle();
    expect(made).toBe(1);
    expect(pool.lanes).toHaveLength(2);
    expect(log).toEqual(['r0@main', 'r1@extra1']);
    for (const read of reads) {
      read.release();
      await read.done;
      await settle();
    }
    expect(made).toBe(1);
    expect(log.map((entry) => entry.split('@')[0])).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5']);
  });

  it('uses its first lane alone while reads come one at a time', async () => {
    let made = 0;
    const pool = new LanePool<Lane>(2, async () => ({ name: `extra${++made}`, busy: false }), {
      name: 'main',
      busy: false,
    });
    for (let i = 0; i < 5; i++) expect(await pool.use(async (lane) => lane.name)).toBe('main');
    expect(made).toBe(0);
  });

  it('gives a read the free lane it prefers (the one with its statement prepared)', async () => {
    let made = 0;
    const pool = new LanePool<Lane>(2, async () => ({ name: `extra${++made}`, busy: false }), {
      name: 'main',
      busy: false,
    });
    const log: string[] = [];
    const [first, second] = [heldRead(pool, log, 'a'), heldRead(pool, log, 'b')];
    await settle();
    second.release();
    await second.done;
    first.release();
    await first.done;
    // Both free, main freed last: a read that prefers the other lane gets it all the same.
    expect(
      await pool.use(
        async (lane) => lane.name,
        (lane) => lane.name === 'extra1',
      ),
    ).toBe('extra1');
    expect(await pool.use(async (lane) => lane.name)).toBe('extra1');
  });

  it('gives a lane back when its read fails', async () => {
    const pool = new LanePool<Lane>(1, async () => ({ name: 'never', busy: false }), { name: 'main', busy: false });
    await expect(
      pool.use(async () => {
        throw new Error('query failed');
      }),
    ).rejects.toThrow('query failed');
    expect(await pool.use(async (lane) => lane.name)).toBe('main');
  });

  it('refuses a read at once when its waiting list is full, and serves the next one when a lane is free', async () => {
    const pool = new LanePool<Lane>(1, async () => ({ name: 'never', busy: false }), { name: 'main', busy: false }, 2);
    const log: string[] = [];
    const reads = [heldRead(pool, log, 'running'), heldRead(pool, log, 'w1'), heldRead(pool, log, 'w2')];
    await settle();
    await expect(pool.use(async (lane) => lane.name)).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/busy: 2 reads are waiting/),
    });
    for (const read of reads) {
      read.release();
      await read.done;
      await settle();
    }
    expect(log).toEqual(['running@main', 'w1@main', 'w2@main']);
    expect(await pool.use(async (lane) => lane.name)).toBe('main');
  });
});
