#!/usr/bin/env node
/**
 * Fails when package-lock.json lacks a package that some locked package lists as an optional
 * dependency. npm installs only the current platform's optional packages (rollup's and esbuild's
 * native builds), but `npm ci` on another platform, or with another npm, needs the lock to name
 * all of them: the first lock of this project held 2 of rollup's 26 and `npm ci` refused it on a
 * clean clone. npm resolves a dependency by walking up node_modules folders; so does this check.
 *
 *   node scripts/check-lockfile.mjs [path/to/package-lock.json] [--fix]
 */
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
if (lock.lockfileVersion < 2 || !lock.packages) {
  console.error(
    `${file}: lockfileVersion ${lock.lockfileVersion} has no "packages" map; regenerate it with npm 9 or later.`,
  );
  process.exit(1);
}

/** Where npm would find `name` when required from the package at `from` (a lock key). */
function resolves(from, name) {
  let dir = from;
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

/**
 * Optional dependencies that a package names but that were never published. @ladybugdb/core 0.19.1
 * lists five per-platform binaries, of which only linux-x64 is on the registry (`npm view
 * @ladybugdb/core-darwin-arm64` answers 404, checked 2026-12-01). `npm install` leaves them out of
 * the lock, and then `npm ci` refuses the lock ("Missing: @ladybugdb/core-darwin-arm64 from lock
 * file"), here too. The lock holds an entry for each with its platform (os, cpu) and no tarball:
 * npm skips it on every other platform, and on its own platform the install of an optional
 * package that is not there is skipped with a warning. `--fix` writes those entries back after
 * `npm install` drops them.
 */
const UNPUBLISHED = {
  '@ladybugdb/core-darwin-arm64': { version: '0.19.1', os: 'darwin', cpu: 'arm64' },
  '@ladybugdb/core-darwin-x64': { version: '0.19.1', os: 'darwin', cpu: 'x64' },
  '@ladybugdb/core-linux-arm64': { version: '0.19.1', os: 'linux', cpu: 'arm64' },
  '@ladybugdb/core-win32-x64': { version: '0.19.1', os: 'win32', cpu: 'x64' },
};

function addUnpublishedEntries() {
  for (const [name, { version, os, cpu }] of Object.entries(UNPUBLISHED)) {
    lock.packages[`node_modules/${name}`] ??= { version, cpu: [cpu], license: 'MIT', optional: true, os: [os] };
  }
  // npm's own order (localeCompare), so the file differs from npm's only by the added entries.
  const sorted = Object.keys(lock.packages).sort((a, b) => a.localeCompare(b, 'en'));
  lock.packages = Object.fromEntries(sorted.map((key) => [key, lock.packages[key]]));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}

if (process.argv.includes('--fix')) addUnpublishedEntries();

const missing = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    if (!resolves(key, name)) missing.push(`${name} (optional dependency of ${key || 'the project'})`);
  }
}
if (missing.length > 0) {
  console.error(`${file} lacks ${missing.length} optional package(s), so npm ci refuses it:`);
  for (const line of missing.slice(0, 20)) console.error(`  ${line}`);
  console.error(
    'Rewrite it whole with: rm package-lock.json && npm install --package-lock-only && node scripts/check-lockfile.mjs --fix',
  );
  process.exit(1);
}
console.log(
  `${file}: every optional dependency of ${Object.keys(lock.packages).length - 1} locked packages is locked too.`,
);
