/**
 * The Cypher script and the neo4j-admin CSV read back by Neo4j itself: the script is run into an
 * empty database (twice: it is idempotent), the CSV is loaded with LOAD CSV following its headers;
 * then the database is exported as JSON and compared with the source. Runs when NEO4J_URI is set.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonExport } from '../../server/export/json-export.js';
import { cypherName } from '../../server/export/cypher-script-writer.js';
import { sourceFromBatch } from '../../server/export/export-graph.js';
import { writeCypherScript } from '../../server/export/cypher-script-writer.js';
import { ARRAY_DELIMITER, writeNeo4jCsvZip } from '../../server/export/neo4j-csv-writer.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { exportFixture } from '../helpers/export-fixture.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const uri = process.env.NEO4J_URI;
const suite = uri ? describe : describe.skip;
const fixture = exportFixture();

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

async function bytes(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part as Buffer));
  return Buffer.concat(parts);
}

/** A header column `name:type` -> a Cypher expression converting `row[column]`. */
function conversion(column: string): { key: string; expression: string } | null {
  const [key, type = ''] = column.split(':');
  if (
    key === '' ||
    key === 'id' ||
    type === 'ID' ||
    type === 'LABEL' ||
    type === 'START_ID' ||
    type === 'END_ID' ||
    type === 'TYPE'
  )
    return null;
  const cell = `row[${JSON.stringify(column)}]`;
  const expression =
    type === 'string[]'
      ? `CASE WHEN ${cell} IS NULL THEN null ELSE split(${cell}, '${ARRAY_DELIMITER}') END`
      : type === 'long' || type === 'int'
        ? `toInteger(${cell})`
        : type === 'double' || type === 'float'
          ? `toFloat(${cell})`
          : type === 'boolean'
            ? `toBoolean(${cell})`
            : cell;
  return { key: key, expression };
}

suite('exports read back by Neo4j', () => {
  let store: Neo4jStore;
  const driver = neo4j.driver(uri ?? 'bolt://127.0.0.1:1');

  beforeAll(async () => {
    store = await Neo4jStore.open({ uri: uri! });
  });

  afterAll(async () => {
    await store?.close();
    await driver.close();
    removeTempDirs();
  });

  async function run(statement: string): Promise<void> {
    const session = driver.session();
    try {
      await session.run(statement);
    } finally {
      await session.close();
    }
  }

  async function expectDatabaseHoldsFixture(): Promise<void> {
    const exported = toJsonExport(await store.exportAll());
    const expected = toJsonExport(fixture);
    expect(exported.nodes).toEqual(expected.nodes);
    expect(exported.edges).toEqual(expected.edges);
  }

  it('the Cypher script recreates the subgraph in an empty database, and running it twice changes nothing', async () => {
    await store.deleteEverything();
    const script = await collect(writeCypherScript(sourceFromBatch(fixture)));
    const statements = script
      .split(/;\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('//'));
    for (let round = 0; round < 2; round++) for (const statement of statements) await run(statement);
    await expectDatabaseHoldsFixture();
  });

  it('the CSV loads with LOAD CSV following its headers', async () => {
    await store.deleteEverything();
    const zipFile = join(tempDir(), 'export.zip');
    writeFileSync(zipFile, await bytes(await writeNeo4jCsvZip(sourceFromBatch(fixture))));
    const dir = tempDir('actorgraph-csv-read-');
    // Unzipped by Python's zipfile: a reader we did not write.
    execFileSync('/usr/bin/python3', [
      '-c',
      'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
      zipFile,
      dir,
    ]);
    const files = readdirSync(dir).sort();
    expect(files).toContain('import.sh');
    for (const file of files.filter((name) => name.endsWith('.csv'))) {
      const header = readFileSync(join(dir, file), 'utf8').split('\n', 1)[0].split(',');
      const url = `file:///${relative(tmpdir(), join(dir, file))}`;
      const sets = header
        .map(conversion)
        .filter((c) => c !== null)
        .map((c) => `x.${cypherName(c.key)} = ${c.expression}`)
        .join(', ');
      if (file.startsWith('nodes_')) {
        const label = file.slice('nodes_'.length, -'.csv'.length);
        await run(
          `LOAD CSV WITH HEADERS FROM '${url}' AS row MERGE (x:${cypherName(label)} {id: row['id:ID']}) SET ${sets}`,
        );
      } else {
        const type = file.slice('relationships_'.length, -'.csv'.length);
        await run(
          `LOAD CSV WITH HEADERS FROM '${url}' AS row MATCH (a {id: row[':START_ID']}) MATCH (b {id: row[':END_ID']}) ` +
            `MERGE (a)-[x:${cypherName(type)} {id: row.id}]->(b) SET ${sets}`,
        );
      }
    }
    await expectDatabaseHoldsFixture();
  });
});
