/**
 * A bounded set of lanes (connections with their prepared statements) that reads borrow one at a
 * time. LadybugDB runs one query at a time per connection: with one, the independent reads of a
 * call (a node's details: its statements' parts and its sources' titles) and the reads of two
 * clients waited for each other. Lanes are made on first need, never more than `size`; a read
 * that finds every lane busy waits for the first one freed, in the order the reads asked, unless
 * `maxWaiting` reads wait already: then it fails at once (StoreUnavailableError, 503), so that a
 * flood of requests cannot queue reads without end, each holding its request's memory.
 */
import { StoreUnavailableError } from '../../domain/errors.js';

export class LanePool<T> {
  private readonly idle: T[] = [];
  private readonly made: T[] = [];
  /** Lanes being made: counted against `size` before they exist. */
  private making = 0;
  private readonly waiting: Array<(lane: T) => void> = [];

  /** `first`: a lane that exists already (the store's main connection), used before any other. */
  constructor(
    private readonly size: number,
    private readonly make: () => Promise<T>,
    first?: T,
    private readonly maxWaiting = Infinity,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('a lane pool needs at least one lane');
    if (first !== undefined) {
      this.made.push(first);
      this.idle.push(first);
    }
  }

  /**
   * Runs `work` on a lane of its own, given back when the work settles; of the free lanes, one
   * that `prefer`s the work if there is one.
   */
  async use<R>(work: (lane: T) => Promise<R>, prefer?: (lane: T) => boolean): Promise<R> {
    const lane = await this.acquire(prefer);
    try {
      return await work(lane);
    } finally {
      this.release(lane);
    }
  }

  /** Every lane made so far (to close them). */
  get lanes(): readonly T[] {
    return this.made;
  }

  private async acquire(prefer?: (lane: T) => boolean): Promise<T> {
    const preferred = prefer ? this.idle.findIndex(prefer) : -1;
    if (preferred >= 0) return this.idle.splice(preferred, 1)[0];
    // Else the lane freed last: it is the one whose statements are most likely prepared.
    const free = this.idle.pop();
    if (free !== undefined) return free;
    if (this.made.length + this.making < this.size) {
      this.making += 1;
      try {
        const lane = await this.make();
        this.made.push(lane);
        return lane;
      } finally {
        this.making -= 1;
      }
    }
    if (this.waiting.length >= this.maxWaiting)
      throw new StoreUnavailableError(
        `The database is busy: ${this.waiting.length} reads are waiting for a connection. Try again in a moment.`,
      );
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(lane: T): void {
    const next = this.waiting.shift();
    if (next) next(lane);
    else this.idle.push(lane);
  }
}
