/**
 * Loads Cypher text from `cypher/`. A dialect variant (`cypher/<dialect>/<name>.cypher`) wins over
 * the shared file (`cypher/<name>.cypher`), so a query is split only where Kuzu and Neo4j differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialect } from '../domain/stores.js';
import { PACKAGE_ROOT } from '../package-root.js';

const CYPHER_DIR = join(PACKAGE_ROOT, 'cypher');
const cache = new Map<string, string>();

export function loadCypher(name: string, dialect: Dialect): string {
  const key = `${dialect}/${name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const candidates = [join(CYPHER_DIR, dialect, `${name}.cypher`), join(CYPHER_DIR, `${name}.cypher`)];
  const file = candidates.find((path) => existsSync(path));
  if (!file) throw new Error(`No Cypher file for "${name}" (${dialect}) in ${CYPHER_DIR}`);
  const text = readFileSync(file, 'utf8');
  cache.set(key, text);
  return text;
}

/** Splits a script into statements: strips `//` comment lines, splits on `;` at line ends. */
export function splitStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
