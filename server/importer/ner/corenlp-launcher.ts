/**
 * Starts Stanford CoreNLP's server (services/corenlp/start.sh) as a child process of its own, for
 * an import that wants names from it and finds no server running. CoreNLP is GPL-3.0: it runs as a
 * separate Java process and we only talk HTTP to it.
 *
 * The server is stopped by PID (its process group), and never outlives the process that started it:
 * on exit, SIGINT and SIGTERM here, and through start.sh's watchdog (CORENLP_WATCH_PID) even when
 * this process is killed outright.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../config.js';
import { settlesWithin } from '../../settles-within.js';
import { NerUnavailableError } from './ner-types.js';

export const CORENLP_DIR = join(REPO_ROOT, 'services', 'corenlp');
const START_SCRIPT = join(CORENLP_DIR, 'start.sh');

/** The CoreNLP version services/corenlp/pom.xml declares (what a server we start runs). */
export const CORENLP_VERSION = (() => {
  try {
    return /<corenlp\.version>([^<]+)</.exec(readFileSync(join(CORENLP_DIR, 'pom.xml'), 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();

export const MIN_JAVA = 17;

/** Bounds: how much of the server's output is kept for an error message, how long one line may be. */
const TAIL_LINES = 40;
const MAX_LINE_CHARS = 2_000;
/** Without the models in ~/.m2 the first start downloads ~480 MB: allow for a slow line. */
const FIRST_RUN_READY_MS = 15 * 60_000;
const WARM_READY_MS = 3 * 60_000;
const POLL_MS = 500;
const STOP_GRACE_MS = 10_000;
const KILL_WAIT_MS = 5_000;

export type CanStart = { ok: true } | { ok: false; reason: string };

/** The major version in `java -version`'s first line: "17.0.15" -> 17, "1.8.0_292" -> 8. */
export function parseJavaMajor(versionOutput: string): number | null {
  const match = /version\s+"(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return null;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return true;
  }
  return false;
}

/** Runs a short command with a time limit and a bounded capture of its output. */
function runBriefly(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 15_000,
): Promise<{ output: string; error?: string }> {
  return new Promise((resolve) => {
    let output = '';
    let child: ChildProcess;
    try {
      child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    } catch (error) {
      resolve({ output, error: error instanceof Error ? error.message : String(error) });
      return;
    }
    const collect = (chunk: Buffer) => {
      if (output.length < 8_000) output += chunk.toString('utf8');
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', (error) => resolve({ output, error: error.message }));
    child.on('close', (code, signal) =>
      resolve(code === 0 ? { output } : { output, error: signal ? `stopped by ${signal}` : `exit code ${code}` }),
    );
  });
}

/** Whether this machine can run services/corenlp/start.sh: Java 17+ and Maven on PATH. */
export async function canStartCoreNlp(env: NodeJS.ProcessEnv = process.env): Promise<CanStart> {
  if (!onPath('java', env)) return { ok: false, reason: `no Java on PATH (CoreNLP needs Java ${MIN_JAVA} or newer)` };
  const java = await runBriefly('java', ['-version'], env);
  const major = parseJavaMajor(java.output);
  if (major === null) {
    const said = java.output.trim().split('\n')[0] ?? '';
    return { ok: false, reason: `could not read the Java version (java -version: ${java.error ?? said})` };
  }
  if (major < MIN_JAVA) return { ok: false, reason: `Java ${major} found, CoreNLP needs Java ${MIN_JAVA} or newer` };
  if (!onPath('mvn', env)) return { ok: false, reason: "no Maven (mvn) on PATH (it fetches CoreNLP's jars)" };
  if (!onPath('bash', env)) return { ok: false, reason: 'no bash on PATH (it runs services/corenlp/start.sh)' };
  return { ok: true };
}

/** A port free on the loopback interface right now (the server binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Whether Maven has CoreNLP's models in ~/.m2 already (else the first start downloads ~480 MB). */
export function modelsDownloaded(): boolean {
  const version = CORENLP_VERSION;
  return existsSync(
    join(
      homedir(),
      '.m2',
      'repository',
      'edu',
      'stanford',
      'nlp',
      'stanford-corenlp',
      version,
      `stanford-corenlp-${version}-models.jar`,
    ),
  );
}

export interface StartCoreNlpOptions {
  /** Default: a free port. */
  port?: number;
  /** Each line the server and Maven print (download progress, "loading the models…"). */
  onProgress?: (line: string) => void;
  /** Longest wait for /ready (default 3 min, 15 min when the models still have to be downloaded). */
  readyTimeoutMs?: number;
  /** Java heap, e.g. "3g" (default: CORENLP_HEAP or start.sh's 3g). */
  heap?: string;
  /** The script to run (tests); default services/corenlp/start.sh. */
  script?: string;
}

export interface RunningCoreNlp {
  url: string;
  pid: number;
  port: number;
  version: string;
  /** Stops the server: SIGTERM to its process group, SIGKILL after a bounded wait. Idempotent. */
  stop(): Promise<void>;
}

/** Splits a stream into lines, each cut to a bounded length. */
function eachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      onLine(pending.slice(0, newline).replace(/\r$/, '').slice(0, MAX_LINE_CHARS));
      pending = pending.slice(newline + 1);
    }
    if (pending.length > MAX_LINE_CHARS) {
      onLine(pending.slice(0, MAX_LINE_CHARS));
      pending = '';
    }
  });
  stream.on('end', () => {
    if (pending) onLine(pending.slice(0, MAX_LINE_CHARS));
  });
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

async function answersReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) });
    return response.ok && (await response.text()).trim() === 'ready';
  } catch {
    return false;
  }
}

/**
 * Starts CoreNLP's server and resolves once it answers /ready. On failure (the script exits, or no
 * answer in time) nothing is left running and the error says why, with the server's last lines.
 */
export async function startCoreNlp(options: StartCoreNlpOptions = {}): Promise<RunningCoreNlp> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const readyTimeoutMs = options.readyTimeoutMs ?? (modelsDownloaded() ? WARM_READY_MS : FIRST_RUN_READY_MS);
  const tail: string[] = [];
  const onProgress = options.onProgress ?? (() => undefined);

  const child = spawn('bash', [options.script ?? START_SCRIPT, String(port)], {
    cwd: CORENLP_DIR,
    // Its own process group: stop() signals the whole group (bash's helpers and the JVM), and
    // Ctrl-C in a terminal reaches it only through our handlers below.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      CORENLP_WATCH_PID: String(process.pid),
      CORENLP_READY_WAIT_S: String(Math.ceil(readyTimeoutMs / 1000)),
      ...(options.heap ? { CORENLP_HEAP: options.heap } : {}),
    },
  });
  const pid = child.pid;
  if (pid === undefined) {
    const error = await new Promise<Error>((resolve) => child.once('error', resolve));
    throw new NerUnavailableError(`could not start CoreNLP (bash ${START_SCRIPT}): ${error.message}`);
  }

  // Set by the child's events (an object, so that TypeScript does not narrow it away).
  const state: {
    exited: { code: number | null; signal: NodeJS.Signals | null } | null;
    sawReady: boolean;
    /** Once resolved, the script's late lines ("still loading…") are no longer progress. */
    ready: boolean;
  } = {
    exited: null,
    sawReady: false,
    ready: false,
  };
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      state.exited = { code, signal };
      resolve();
    }),
  );
  const closedPromise = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.on('error', () => undefined); // reported through 'exit' and the tail

  const onLine = (line: string) => {
    if (line.trim() === '') return;
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    if (line.startsWith('READY')) state.sawReady = true;
    if (!state.ready) onProgress(line);
  };
  eachLine(child.stdout, onLine);
  eachLine(child.stderr, onLine);

  // The caller's process going away takes the server with it.
  const onExit = () => killGroup(pid, 'SIGTERM');
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup(pid, 'SIGTERM');
    removeHandlers();
    // We took the default action away by listening: give it back when no one else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const removeHandlers = () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!state.exited) {
        killGroup(pid, 'SIGTERM');
        if (!(await settlesWithin(exitedPromise, STOP_GRACE_MS))) {
          killGroup(pid, 'SIGKILL');
          await settlesWithin(exitedPromise, KILL_WAIT_MS);
        }
      }
      // Helpers of start.sh that are still around (the ready poller) go with the group.
      killGroup(pid, 'SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
      removeHandlers();
    })();
    return stopping;
  };

  const deadline = Date.now() + readyTimeoutMs;
  while (!state.sawReady && !(await answersReady(url))) {
    if (state.exited) {
      const { code, signal } = state.exited;
      await settlesWithin(closedPromise, 1_000); // its last lines, for the message
      await stop();
      throw new NerUnavailableError(
        `CoreNLP's server stopped before it was ready (${signal ? `signal ${signal}` : `exit code ${code}`}):${lastLines(tail)}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new NerUnavailableError(
        `CoreNLP's server did not answer ${url}/ready within ${Math.round(readyTimeoutMs / 1000)} s:${lastLines(tail)}`,
      );
    }
    await sleep(POLL_MS);
  }
  state.ready = true;
  return { url, pid, port, version: CORENLP_VERSION, stop };
}

function lastLines(tail: string[]): string {
  const lines = tail.slice(-8);
  return lines.length > 0 ? `\n  ${lines.join('\n  ')}` : ' it printed nothing';
}
