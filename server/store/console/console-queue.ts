/**
 * The console's waiting line, the same on both stores: at most `concurrency` queries run at once,
 * at most `maxQueued` wait, and a query's time limit counts from when it arrived, not from when
 * its turn came. A query that finds the line full, or whose time limit runs out while it waits,
 * is answered at once with BusyError (503 + Retry-After) instead of late.
 */
import { BusyError } from '../../domain/errors.js';

export interface ConsoleQueueOptions {
  /** Queries run at once (the embedded store's worker runs one). */
  concurrency: number;
  /** Queries waiting for a turn; one more is refused. */
  maxQueued: number;
}

/** A query with less time than this left when its turn comes is not started. */
const MIN_RUN_MS = 100;

interface Waiting {
  start: () => void;
  timer: NodeJS.Timeout;
}

export class ConsoleQueue {
  private running = 0;
  private readonly waiting: Waiting[] = [];

  constructor(private readonly options: ConsoleQueueOptions) {}

  /** Runs `work` with the time it has left (its limit minus its wait). */
  run<T>(timeoutMs: number, work: (remainingMs: number) => Promise<T>): Promise<T> {
    const arrived = Date.now();
    const retryAfter = Math.max(1, Math.ceil(timeoutMs / 1000));
    if (this.waiting.length >= this.options.maxQueued && this.running >= this.options.concurrency) {
      return Promise.reject(
        new BusyError(
          `The console is busy: ${this.running} queries running and ${this.waiting.length} waiting, the most it queues. Try again in ${retryAfter} s.`,
          retryAfter,
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const entry: Waiting = {
        start: () => {
          clearTimeout(entry.timer);
          this.running += 1;
          const remaining = timeoutMs - (Date.now() - arrived);
          work(remaining)
            .then(resolve, reject)
            .finally(() => {
              this.running -= 1;
              this.next();
            });
        },
        // Its whole time limit spent waiting: answered now, and its place given up.
        timer: setTimeout(
          () => {
            const at = this.waiting.indexOf(entry);
            if (at === -1) return;
            this.waiting.splice(at, 1);
            reject(
              new BusyError(
                `The console was busy for this query's whole time limit of ${timeoutMs} ms, so it was not run. Try again in ${retryAfter} s.`,
                retryAfter,
              ),
            );
          },
          Math.max(0, timeoutMs - MIN_RUN_MS),
        ),
      };
      this.waiting.push(entry);
      this.next();
    });
  }

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private next(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) this.waiting.shift()!.start();
  }
}
