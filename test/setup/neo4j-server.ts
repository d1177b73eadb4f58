/**
 * Starts the Neo4j test server (test/neo4j-launcher/start.sh, an embedded Neo4j 5 Community with
 * authentication off and throwaway data) on a free port, and stops it by its process group.
 * It never outlives the test run: an 'exit' handler here, and start.sh's watchdog (NEO4J_WATCH_PID)
 * when the run is killed outright.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { settlesWithin } from '../../server/settles-within.js';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../server/importer/ner/corenlp-launcher.js';

const LAUNCHER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'neo4j-launcher');
/** Built once: later starts take ~10 s. The first run has Maven download Neo4j's jars into ~/.m2. */
const FIRST_RUN_READY_MS = 10 * 60_000;
const WARM_READY_MS = 3 * 60_000;
const STOP_GRACE_MS = 20_000;
const TAIL_LINES = 30;

export interface RunningNeo4j {
  uri: string;
  pid: number;
  /** SIGTERM to the process group (Neo4j shuts down and deletes its data), SIGKILL after a bounded wait. */
  stop(): Promise<void>;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

export function launcherBuilt(): boolean {
  return existsSync(join(LAUNCHER_DIR, 'target', 'classpath.txt'));
}

export async function startNeo4j(onProgress: (line: string) => void): Promise<RunningNeo4j> {
  const port = await freePort();
  const uri = `bolt://127.0.0.1:${port}`;
  const firstRun = !launcherBuilt();
  if (firstRun) onProgress('first run: Maven builds test/neo4j-launcher and downloads Neo4j into ~/.m2…');
  const readyTimeoutMs = firstRun ? FIRST_RUN_READY_MS : WARM_READY_MS;

  const child = spawn('bash', [join(LAUNCHER_DIR, 'start.sh'), String(port)], {
    cwd: LAUNCHER_DIR,
    // Its own process group, so that stop() reaches bash, Maven and the JVM alike, and Ctrl-C in
    // the terminal reaches it only through the run's exit.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEO4J_WATCH_PID: String(process.pid) },
  });
  const pid = child.pid;
  if (pid === undefined) {
    const error = await new Promise<Error>((resolve) => child.once('error', resolve));
    throw new Error(`could not start the Neo4j test server (bash start.sh): ${error.message}`);
  }

  const state: { ready: boolean; exited: string | null } = { ready: false, exited: null };
  const tail: string[] = [];
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      state.exited = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve();
    }),
  );
  child.on('error', () => undefined); // reported through 'exit' and the tail
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      if (line.startsWith('READY')) state.ready = true;
    });
  }

  // The run exiting (Ctrl-C makes vitest call process.exit) takes the server with it.
  const onExit = () => killGroup(pid, 'SIGTERM');
  process.on('exit', onExit);

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!state.exited) {
        killGroup(pid, 'SIGTERM');
        await settlesWithin(exited, STOP_GRACE_MS);
      }
      // Whatever is left of the group (the watchdog once the JVM is gone, or a JVM that hung).
      killGroup(pid, 'SIGKILL');
      process.off('exit', onExit);
    })();
    return stopping;
  };

  const started = Date.now();
  let nextNote = 15_000;
  while (!state.ready) {
    const waited = Date.now() - started;
    if (state.exited) {
      await stop();
      throw new Error(`the Neo4j test server stopped before it was ready (${state.exited}):\n  ${tail.join('\n  ')}`);
    }
    if (waited > readyTimeoutMs) {
      await stop();
      throw new Error(
        `the Neo4j test server printed no READY within ${readyTimeoutMs / 1000} s:\n  ${tail.join('\n  ')}`,
      );
    }
    if (waited >= nextNote) {
      onProgress(`still starting (${Math.round(waited / 1000)} s)…`);
      nextNote += 15_000;
    }
    await sleep(250);
  }
  return { uri, pid, stop };
}
