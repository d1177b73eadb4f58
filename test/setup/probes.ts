/** The real answers to tools.ts's questions, read from this machine (each bounded in time). */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parseJavaMajor } from '../../server/importer/ner/corenlp-launcher.js';
import type { Machine, ToolProbes } from './tools.js';

/** The same default as test/helpers/browser.ts (not imported: that module loads playwright). */
export function chromiumPath(env: NodeJS.ProcessEnv): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && executable(join(dir, command)));
}

export function realProbes(env: NodeJS.ProcessEnv = process.env): ToolProbes {
  return {
    chromium: () => executable(chromiumPath(env)),
    // Debian's python3 on purpose: the export tests run /usr/bin/python3 (test/readers/networkx_read.py).
    networkx: () =>
      spawnSync('/usr/bin/python3', ['-c', 'import networkx'], { stdio: 'ignore', timeout: 30_000 }).status === 0,
    javaMajor: () => {
      if (!onPath('java', env)) return null;
      const run = spawnSync('java', ['-version'], { env, encoding: 'utf8', timeout: 30_000 });
      return parseJavaMajor(`${run.stderr ?? ''}${run.stdout ?? ''}`);
    },
    maven: () => onPath('mvn', env),
  };
}

export function thisMachine(env: NodeJS.ProcessEnv = process.env): Machine {
  return {
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get', env),
    chromiumPath: env.CHROMIUM_PATH,
  };
}
