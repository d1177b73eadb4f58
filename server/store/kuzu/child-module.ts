/**
 * A module of this folder run as a child process (the console worker, the log replay): compiled
 * (dist/server) it is a .js file beside the caller; run from the sources (tests, benches) it is a
 * .ts file that needs tsx, a dev dependency, to load.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ChildModule {
  /** The file to fork. */
  file: string;
  /** The Node options it needs (tsx's loader for a .ts file). */
  execArgv: string[];
}

/** The child module `name` (without extension) beside the module at `callerUrl` (its import.meta.url). */
export function childModule(callerUrl: string, name: string): ChildModule {
  const fromSources = callerUrl.endsWith('.ts');
  return {
    file: join(dirname(fileURLToPath(callerUrl)), `${name}${fromSources ? '.ts' : '.js'}`),
    execArgv: fromSources ? ['--import', pathToFileURL(createRequire(callerUrl).resolve('tsx')).href] : [],
  };
}
