/**
 * The `--format csv` zip is what `neo4j-admin database import full` reads: every header column is
 * one the import tool's header format knows, and (when a neo4j-admin is at hand) the zip's own
 * import.sh, run by the real tool, imports every node and relationship with no bad entry.
 * neo4j-admin comes from NEO4J_ADMIN (a path to the command) or, once the test setup has built
 * test/neo4j-launcher, from the Neo4j 5 jars it downloaded; without either that half is skipped.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceFromBatch } from '../../server/export/export-graph.js';
import { writeNeo4jCsvZip } from '../../server/export/neo4j-csv-writer.js';
import { exportFixture } from '../helpers/export-fixture.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const fixture = exportFixture();
const CLASSPATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'neo4j-launcher', 'target', 'classpath.txt');

/** The header grammar of neo4j-admin 5 (operations manual, "Import header format"), as used here. */
const NODE_SPECIAL = new Set([':LABEL']);
const REL_SPECIAL = new Set([':START_ID', ':END_ID', ':TYPE']);
const PROPERTY = /^[A-Za-z_][A-Za-z0-9_]*(:(long|double|boolean|string|int|float)(\[\])?)?$/;

async function unzipped(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of await writeNeo4jCsvZip(sourceFromBatch(fixture))) {
    parts.push(Buffer.from(part as Buffer));
  }
  const home = tempDir('actorgraph-neo4j-home-');
  const zip = join(home, 'export.zip');
  writeFileSync(zip, Buffer.concat(parts));
  mkdirSync(join(home, 'import'));
  // Unzipped by Python's zipfile: a reader we did not write.
  execFileSync('/usr/bin/python3', [
    '-c',
    'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
    zip,
    join(home, 'import'),
  ]);
  return home;
}

/** `bin/neo4j-admin` in the throwaway home, as import.sh calls it. */
function installNeo4jAdmin(home: string): boolean {
  const command = process.env.NEO4J_ADMIN
    ? `exec ${JSON.stringify(process.env.NEO4J_ADMIN)} "$@"`
    : existsSync(CLASSPATH)
      ? `exec java -cp "$(cat ${JSON.stringify(CLASSPATH)})" org.neo4j.cli.AdminTool "$@"`
      : null;
  if (!command) return false;
  mkdirSync(join(home, 'bin'));
  mkdirSync(join(home, 'conf'));
  writeFileSync(join(home, 'bin', 'neo4j-admin'), `#!/bin/sh\n${command}\n`);
  chmodSync(join(home, 'bin', 'neo4j-admin'), 0o755);
  return true;
}

describe('the neo4j-admin CSV export', () => {
  let home: string;

  beforeAll(async () => {
    home = await unzipped();
  });

  afterAll(() => removeTempDirs());

  it('writes headers in the neo4j-admin import format', () => {
    const files = readdirSync(join(home, 'import')).filter((name) => name.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const header = readFileSync(join(home, 'import', file), 'utf8')
        .split('\n', 1)[0]
        .split(',');
      const nodes = file.startsWith('nodes_');
      if (nodes) expect(header.slice(0, 2), file).toEqual(['id:ID', ':LABEL']);
      else expect(header.slice(0, 3), file).toEqual([':START_ID', ':END_ID', ':TYPE']);
      const special = nodes ? NODE_SPECIAL : REL_SPECIAL;
      for (const column of header.slice(nodes ? 2 : 3)) {
        expect(special.has(column) || PROPERTY.test(column), `${file}: ${column}`).toBe(true);
      }
    }
  });

  it('is imported by neo4j-admin itself, every node and relationship, nothing bad', (context) => {
    if (!installNeo4jAdmin(home)) context.skip();
    const report = join(home, 'import.report');
    const script = readFileSync(join(home, 'import', 'import.sh'), 'utf8').replace(
      'full neo4j',
      `full neo4j --report-file=${report}`,
    );
    const output = execFileSync('sh', ['-c', script], {
      cwd: home,
      env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') },
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(output).toContain('IMPORT DONE');
    expect(output).toMatch(new RegExp(`\\b${fixture.nodes.length} nodes\\b`));
    expect(output).toMatch(new RegExp(`\\b${fixture.edges.length} relationships\\b`));
    expect(existsSync(report) ? readFileSync(report, 'utf8').trim() : '').toBe('');
  }, 300_000);
});
