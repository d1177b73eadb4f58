/**
 * Runs console queries in a child process (console-worker.ts) with a watchdog: past the time
 * limit (plus a grace period, since Kuzu stops cooperatively) or past the memory limit the child
 * is killed and a fresh one started. The API process never runs user Cypher itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError, QueryTimeoutError, StoreUnavailableError } from '../../domain/errors.js';
import type { ConsoleReply, ConsoleRequest } from './console-protocol.js';

// Compiled (dist/server) the worker is a .js file beside this one; run from the sources (tests,
// benches) it is a .ts file that needs tsx, a dev dependency, to load.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  FROM_SOURCES ? 'console-worker.ts' : 'console-worker.js',
);
const WORKER_EXEC_ARGV = FROM_SOURCES
  ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]
  : [];
const GRACE_MS = 1500;
const WATCH_INTERVAL_MS = 100;

export interface ConsoleRunnerOptions {
  dbPath: string;
  memoryLimitBytes: number;
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
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(private readonly options: ConsoleRunnerOptions) {}

  /** Queries run one after another: one worker, one query at a time. */
  run(query: string, params: Record<string, unknown>, limit: number, timeoutMs: number): Promise<ConsoleResult> {
    const request: ConsoleRequest = { id: this.nextId++, query, params, limit, timeoutMs };
    const job = this.queue.then(() => this.runNow(request));
    this.queue = job.catch(() => undefined);
    return job;
  }

  async close(): Promise<void> {
    this.kill();
  }

  private start(): Promise<ChildProcess> {
    if (this.ready) return this.ready;
    const child = fork(WORKER_FILE, [], {
      execArgv: WORKER_EXEC_ARGV,
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

  private kill(): void {
    const child = this.child;
    this.reset();
    if (child && child.exitCode === null) child.kill('SIGKILL');
  }

  private async runNow(request: ConsoleRequest): Promise<ConsoleResult> {
    const child = await this.start();
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
          this.kill();
          finish(() =>
            reject(
              new QueryTimeoutError(`The query ran past its time limit of ${request.timeoutMs} ms and was stopped.`),
            ),
          );
        } else if (child.pid && residentBytes(child.pid) > this.options.memoryLimitBytes) {
          this.kill();
          const mb = Math.round(this.options.memoryLimitBytes / 1024 / 1024);
          finish(() =>
            reject(
              new AppError(
                'too_large',
                `The query used more than ${mb} MB of memory and was stopped. Add a LIMIT or narrow the MATCH.`,
                413,
              ),
            ),
          );
        }
      }, WATCH_INTERVAL_MS);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ request });
    });
  }
}
