#!/usr/bin/env node
// Entry point of the `actorgraph` CLI: runs the compiled code in dist/ (`npm run build`, which
// `npm install` runs in a clone and `npm pack` before publishing).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/server/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    `actorgraph is not built (${fileURLToPath(main)} is missing): run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))}\n`,
  );
  process.exit(1);
}
await import(main.href);
