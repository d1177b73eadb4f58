/**
 * Temporary folders named after the process that made them (`<prefix>-<pid>-<random>`: the
 * embedded writer's CSV folders, the importer's statement spills), so that a later run can remove
 * what a killed process (kill -9, power loss) left behind without touching a live one's.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `name` is `<prefix>-<pid>-…` for a process that cannot be alive: true or false; null
 * when the name does not carry a process id after that prefix.
 */
export function madeByDeadProcess(name: string, prefix: string): boolean | null {
  if (!name.startsWith(`${prefix}-`)) return null;
  const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length + 1))?.[1] ?? NaN);
  if (!Number.isInteger(pid)) return null;
  return pid !== process.pid && !processAlive(pid);
}

/** Removes the folders in `parent` that `abandoned` picks by name; returns their names. */
export function removeFolders(parent: string, abandoned: (name: string) => boolean): string[] {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!abandoned(name)) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
