#!/usr/bin/env node
/**
 * Builds what actorgraph runs: the server and CLI (tsc → dist/server), the explorer (Vite →
 * dist/client) and the HTML snapshot's viewer (Vite → dist/snapshot).
 *
 *   node scripts/build.mjs            build all three (`npm run build`, and `prepare` at install)
 *   node scripts/build.mjs --if-stale build only the parts older than their sources (before
 *                                     `npm start` and `npm test`, so an edit is never run stale)
 *
 * Plain JavaScript: it runs before anything is compiled.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'node_modules', '.bin');

/** Each part: what it reads, the file whose age says when it was last built, how to build it. */
const PARTS = [
  {
    name: 'server and CLI',
    sources: ['server', 'tsconfig.base.json'],
    output: 'dist/server/cli/main.js',
    clean: 'dist/server',
    command: ['tsc', '-p', 'server'],
  },
  {
    name: 'explorer',
    sources: ['client', 'server/domain/api.ts', 'package-lock.json'],
    output: 'dist/client/index.html',
    command: ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'],
  },
  {
    name: 'snapshot viewer',
    sources: ['client', 'server/domain/api.ts', 'package-lock.json'],
    output: 'dist/snapshot/viewer.js',
    command: ['vite', 'build', '--config', 'client/snapshot/vite.config.ts', '--logLevel', 'warn'],
  },
];

function newestChange(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function isStale(part) {
  const output = join(ROOT, part.output);
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return part.sources.some((source) => newestChange(source) > built);
}

function build(part) {
  const [tool, ...args] = part.command;
  const executable = join(BIN, process.platform === 'win32' ? `${tool}.cmd` : tool);
  if (!existsSync(executable)) {
    console.error(
      `Cannot build the ${part.name}: ${tool} is missing. Run \`npm install\` (dev dependencies included) first.`,
    );
    process.exit(1);
  }
  if (part.clean) rmSync(join(ROOT, part.clean), { recursive: true, force: true });
  const started = Date.now();
  const result = spawnSync(executable, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`Building the ${part.name} failed (${[tool, ...args].join(' ')}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`Built the ${part.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// `npm ci --dry-run` runs prepare too, with nothing installed: there is nothing to build then.
if (process.env.npm_config_dry_run === 'true') {
  console.log('Dry run: nothing built.');
  process.exit(0);
}
const onlyStale = process.argv.includes('--if-stale');
for (const part of PARTS) if (!onlyStale || isStale(part)) build(part);
