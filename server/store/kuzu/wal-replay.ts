/**
 * A database's write-ahead log, left by a process that did not close it (killed, out of power),
 * replayed in a child process before this one opens the database. LadybugDB 0.19.1 sometimes
 * cannot replay the log of a writer killed inside its COMMIT: the process that opens the database
 * dies of SIGSEGV (test/engine/write-kill.test.ts saw it in 1 of 3 runs under load), and a server
 * or an import that opened it would die at every start, with no message. Replayed apart, that
 * crash kills the child only: the log is then set aside under a name that says so (nothing is
 * deleted) and the database opens as of its last checkpoint. The import checkpoints after every
 * write (KuzuStore.beginWrites), so what is lost is the one write that was interrupted, which a
 * resumed import writes again (documents are skipped by content hash only once written).
 *
 * After a clean close there is no log (the engine checkpoints and removes it), so this costs a
 * child process only after an unclean stop, or while another process has the database open for
 * writing: then the child cannot take the database's lock and the log, that process's, is left alone.
 */
import { fork } from 'node:child_process';
import { existsSync, renameSync, statSync } from 'node:fs';
import { StoreUnavailableError } from '../../domain/errors.js';
import { childModule, type ChildModule } from './child-module.js';

const CHILD = childModule(import.meta.url, 'wal-replay-child');

/** How long a replay may take: the import's logs hold one write (it checkpoints after each). */
const REPLAY_TIMEOUT_MS = 10 * 60_000;

/** What the child says by its exit code (wal-replay-child.ts). */
export const REPLAY_EXIT = { replayed: 0, inUse: 3, failed: 4 } as const;

export type WalReplay =
  | { outcome: 'no-log' | 'replayed' | 'in-use' }
  | { outcome: 'set-aside'; signal: string; setAsideAs: string[]; message: string };

/**
 * The log's files beside a database file, as LadybugDB names them: the log, and the log under
 * checkpoint (the engine renames it so while it checkpoints, and a crash there leaves it so; the
 * next open crashed on it too, and opened as of the last checkpoint once it was set aside).
 */
export function logFilesOf(databasePath: string): string[] {
  return [`${databasePath}.wal`, `${databasePath}.wal.checkpoint`];
}

/** The log beside a database file. */
export function walPathOf(databasePath: string): string {
  return logFilesOf(databasePath)[0];
}

function hasLog(databasePath: string): boolean {
  return logFilesOf(databasePath).some((file) => existsSync(file) && statSync(file).size > 0);
}

/** The child's end: its exit code, or the signal that killed it; its error output for messages. */
function runChild(
  childModule: ChildModule,
  databasePath: string,
  timeoutMs: number,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = fork(childModule.file, [databasePath], {
      execArgv: childModule.execArgv,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      // Bounded: the first 4 KB say what went wrong.
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new StoreUnavailableError(
          `Replaying the write-ahead log of ${databasePath} took longer than ${timeoutMs / 1000} s; it was left as it is`,
        ),
      );
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/**
 * Replays the log of the database at `databasePath` (absolute), if it has one, in a child process;
 * sets it aside if the child dies of a signal while replaying it. `child` is for tests.
 */
export async function replayLogApart(
  databasePath: string,
  options: { child?: ChildModule; timeoutMs?: number; now?: Date } = {},
): Promise<WalReplay> {
  if (!hasLog(databasePath)) return { outcome: 'no-log' };
  const { code, signal, stderr } = await runChild(
    options.child ?? CHILD,
    databasePath,
    options.timeoutMs ?? REPLAY_TIMEOUT_MS,
  );
  if (signal !== null) {
    const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const setAsideAs: string[] = [];
    for (const file of logFilesOf(databasePath).filter((each) => existsSync(each))) {
      renameSync(file, `${file}.unreplayable-${stamp}`);
      setAsideAs.push(`${file}.unreplayable-${stamp}`);
    }
    const message =
      `The write-ahead log of ${databasePath} could not be replayed: the database engine crashed reading it ` +
      `(${signal}). It was set aside as ${setAsideAs.join(' and ')}, and the database opens as of its last ` +
      `checkpoint: the write that was interrupted is not in it (an interrupted import: run it again to write it).`;
    return { outcome: 'set-aside', signal, setAsideAs, message };
  }
  if (code === REPLAY_EXIT.replayed) return { outcome: 'replayed' };
  if (code === REPLAY_EXIT.inUse) return { outcome: 'in-use' };
  throw new StoreUnavailableError(
    `Could not replay the write-ahead log of ${databasePath}: ${stderr.trim() || `exit code ${String(code)}`}`,
  );
}
