/**
 * Since when the processes that may be writing CSV folders have been running: the start of the
 * oldest live process that could be one (a Node process, or one whose program cannot be told),
 * read from Linux's /proc. A folder last changed before that moment belongs to no live process.
 * Without /proc (another system), the machine's start stands in: every live process began after
 * it. Like the pid check of the folders named after their process, this sees the processes of
 * this machine's (or container's) process namespace only.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { uptime } from 'node:os';
import { basename } from 'node:path';

/** /proc counts a process's start in clock ticks since the machine started: USER_HZ, 100 on Linux. */
const TICKS_PER_SECOND = 100;
/** Taken off the oldest start: the machine's start is known to about 10 ms, the ticks to 10 ms. */
const MARGIN_MS = 1000;

/** When this machine last started (ms since the epoch): every process alive now began after it. */
export function bootTime(): number {
  return Date.now() - uptime() * 1000;
}

/** When process `pid` started (ms since the epoch), or null when it is gone or unreadable. */
function startedAt(pid: string, bootedAt: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (name) state ppid …": the name may hold spaces and parentheses; starttime is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? bootedAt + (ticks / TICKS_PER_SECOND) * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * The name of the program process `pid` runs: its executable's, else (unreadable, as in some
 * sandboxes even for root) the name the kernel keeps for it; 'none' for a kernel thread or a
 * process that has just exited; null when nothing can be read.
 */
function programOf(pid: string): string | null {
  try {
    return basename(readlinkSync(`/proc/${pid}/exe`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
  }
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Whether process `pid` may be a writer: it runs Node (actorgraph sets no process title), or it cannot be told. */
function mayWrite(pid: string): boolean {
  const program = programOf(pid);
  return program === null || /^node/.test(program) || program === basename(process.execPath);
}

/**
 * The start of the oldest live process, this one left out, that may be writing a CSV folder, less
 * a margin (ms since the epoch; Infinity when there is none); the machine's start where /proc
 * cannot be read.
 */
export function oldestPossibleWriter(bootedAt = bootTime()): number {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return bootedAt;
  }
  if (pids.length === 0) return bootedAt;
  let oldest = Infinity;
  for (const pid of pids) {
    const started = startedAt(pid, bootedAt);
    if (started !== null && started < oldest && mayWrite(pid)) oldest = started;
  }
  return oldest - MARGIN_MS;
}
