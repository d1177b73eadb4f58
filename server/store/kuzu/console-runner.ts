/**
 * Runs console queries in a child process (console-worker.ts) with a watchdog: past the time
 * limit (plus a grace period, since Kuzu stops cooperatively) or past the memory limit the child
 * is killed and a fresh one started. The API process never runs user Cypher itself. Queries wait
 * in a bounded ConsoleQueue, and an answer past the byte cap is refused by the worker (413).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  AppError,
  InvalidInputError,
  QueryTimeoutError,
  StoreUnavailableError,
  TooLargeError,
} from '../../domain/errors.js';
import { ConsoleQueue } from '../console/console-queue.js';
import { DEFAULT_CONSOLE_QUEUE, DEFAULT_RESPONSE_MAX_BYTES } from '../console/response-budget.js';
import { childModule } from './child-module.js';
import type { ConsoleReply, ConsoleRequest } from './console-protocol.js';

const WORKER = childModule(import.meta.url, 'console-worker');
const GRACE_MS = 1500;
const WATCH_INTERVAL_MS = 100;

export interface ConsoleRunnerOptions {
  dbPath: string;
  memoryLimitBytes: number;
  /** Queries that may wait for the worker (default DEFAULT_CONSOLE_QUEUE); one more gets 503. */
  maxQueued?: number;
  /** Byte cap of an answer (default DEFAULT_RESPONSE_MAX_BYTES); past it 413. */
  maxResponseBytes?: number;
}

export type ConsoleResult = Extract<ConsoleReply, { ok: true }>;

function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export class ConsoleRunner {
  private child: ChildProcess | null = null;
  private ready: Promise<ChildProcess> | null = null;
  private readonly queue: ConsoleQueue;
  private nextId = 1;

  constructor(private readonly options: ConsoleRunnerOptions) {
    this.queue = new ConsoleQueue({ concurrency: 1, maxQueued: options.maxQueued ?? DEFAULT_CONSOLE_QUEUE });
  }

  /** One worker, one query at a time; the time limit counts from arrival (see ConsoleQueue). */
  run(query: string, params: Record<string, unknown>, limit: number, timeoutMs: number): Promise<ConsoleResult> {
    return this.queue.run(timeoutMs, (remainingMs) =>
      this.runNow({
        id: this.nextId++,
        query,
        params,
        limit,
        timeoutMs: remainingMs,
        maxResponseBytes: this.options.maxResponseBytes ?? DEFAULT_RESPONSE_MAX_BYTES,
      }),
    );
  }

  /** The worker's process id, while one runs (for tests). */
  get workerPid(): number | undefined {
    return this.child?.pid;
  }

  async close(): Promise<void> {
    this.kill();
  }

  private start(): Promise<ChildProcess> {
    if (this.ready) return this.ready;
    const child = fork(WORKER.file, [], {
      execArgv: WORKER.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.ready = new Promise<ChildProcess>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean; error?: string }) => {
        if (message.ready === undefined) return;
        child.off('message', onMessage);
        if (message.ready) resolve(child);
        else {
          this.kill();
          reject(new StoreUnavailableError(message.error ?? 'The console worker could not open the database'));
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code) => {
        reject(new StoreUnavailableError(`The console worker stopped (exit code ${code ?? 'signal'})`));
        if (this.child === child) this.reset();
      });
      child.send({ init: { dbPath: this.options.dbPath } });
    });
    return this.ready;
  }

  private reset(): void {
    this.child = null;
    this.ready = null;
  }

  /** Stops `only` if given (a watchdog stops the worker it watched, never a newer one), else the current one. */
  private kill(only?: ChildProcess): void {
    const child = this.child;
    if (only && child !== only) return;
    this.reset();
    if (child && child.exitCode === null) child.kill('SIGKILL');
  }

  private tooMuchMemory(): AppError {
    const mb = Math.round(this.options.memoryLimitBytes / 1024 / 1024);
    return new TooLargeError(
      `The query used more than ${mb} MB of memory and was stopped. Add a LIMIT or narrow the MATCH.`,
    );
  }

  private async runNow(request: ConsoleRequest): Promise<ConsoleResult> {
    const child = await this.start();
    try {
      return await this.exchange(child, request);
    } finally {
      // Checked after every query too, not only while one runs long: a worker that grew past its
      // limit is replaced now, between queries, rather than failing the next user's query.
      if (child.pid && this.child === child && residentBytes(child.pid) > this.options.memoryLimitBytes) {
        this.kill(child);
      }
    }
  }

  /** Sends one request and waits for its reply; every listener and timer is removed however it ends. */
  private exchange(child: ChildProcess, request: ConsoleRequest): Promise<ConsoleResult> {
    return new Promise<ConsoleResult>((resolve, reject) => {
      const started = Date.now();
      const finish = (outcome: () => void) => {
        clearInterval(watchdog);
        child.off('message', onMessage);
        child.off('exit', onExit);
        outcome();
      };
      const onMessage = (reply: ConsoleReply) => {
        if (reply.id !== request.id) return;
        finish(() => {
          if (reply.ok) resolve(reply);
          else reject(new AppError(reply.error.code, reply.error.message, reply.error.status));
        });
      };
      const onExit = () =>
        finish(() => reject(new StoreUnavailableError('The console worker stopped while running the query.')));
      const watchdog = setInterval(() => {
        if (Date.now() - started > request.timeoutMs + GRACE_MS) {
          this.kill(child);
          finish(() =>
            reject(
              new QueryTimeoutError(`The query ran past its time limit of ${request.timeoutMs} ms and was stopped.`),
            ),
          );
        } else if (child.pid && residentBytes(child.pid) > this.options.memoryLimitBytes) {
          this.kill(child);
          finish(() => reject(this.tooMuchMemory()));
        }
      }, WATCH_INTERVAL_MS);
      child.on('message', onMessage);
      child.once('exit', onExit);
      try {
        child.send({ request });
      } catch (error) {
        // E.g. parameters too deeply nested to serialise: nothing was sent, nothing to watch.
        finish(() => reject(new InvalidInputError(`The query's parameters cannot be sent: ${String(error)}`)));
        return;
      }
    });
  }
}
