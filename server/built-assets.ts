/**
 * What `npm run build` makes besides the compiled server: the explorer (Vite, dist/client) and the
 * HTML snapshot's viewer (dist/snapshot). The program only reads them; it never builds at run time
 * (a build inside a request would take seconds and need Vite, a dev dependency), so a missing build
 * is a clear error that says the command to run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

export const CLIENT_DIR = join(PACKAGE_ROOT, 'dist', 'client');
const CLIENT_ENTRY = join(CLIENT_DIR, 'index.html');
const SNAPSHOT_VIEWER = join(PACKAGE_ROOT, 'dist', 'snapshot', 'viewer.js');

export class NotBuiltError extends Error {
  constructor(what: string, file: string) {
    super(`${what} is not built (${file} is missing): run \`npm run build\` in ${PACKAGE_ROOT}`);
    this.name = 'NotBuiltError';
  }
}

/** Stops `serve`/`start` before they listen when there is no explorer to serve. */
export function requireBuiltClient(clientDir: string = CLIENT_DIR): void {
  const entry = clientDir === CLIENT_DIR ? CLIENT_ENTRY : join(clientDir, 'index.html');
  if (!existsSync(entry)) throw new NotBuiltError('The explorer', entry);
}

let viewer: string | undefined;

/** The snapshot viewer's script, read once. */
export function snapshotViewerScript(): string {
  if (viewer !== undefined) return viewer;
  if (!existsSync(SNAPSHOT_VIEWER)) throw new NotBuiltError('The HTML snapshot viewer', SNAPSHOT_VIEWER);
  viewer = readFileSync(SNAPSHOT_VIEWER, 'utf8');
  return viewer;
}
