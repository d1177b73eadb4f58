/**
 * The folder of actorgraph's package.json: where cypher/, data/, dist/ and services/ are. Found by
 * walking up from this file, so it is the same whether the sources run (server/) or the compiled
 * code (dist/server/), in a clone or in a global install.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}: is actorgraph installed whole?`);
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
