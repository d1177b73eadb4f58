/**
 * CSV in the `neo4j-admin database import` layout, zipped: one nodes file per label and one
 * relationships file per type, headers with :ID, :LABEL, :START_ID, :END_ID, :TYPE and typed
 * properties (lists split on ";"), plus import.sh with the command. Rows go to temporary files
 * as they stream in, then the zip is streamed out; memory holds neither. Text is written exactly
 * as stored (csvLine, not spreadsheetCsvLine): these files are for neo4j-admin, which must get the
 * data back unchanged, and a quote put before `=` would become part of the data.
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import type { PropValue } from '../domain/graph.js';
import type { PropType } from '../domain/schema.js';
import { csvLine } from './csv-text.js';
import {
  declaredNodeKeys,
  edgePropertyTypes,
  inferType,
  nodePropertyTypes,
  type ExportSource,
} from './export-graph.js';

export const ARRAY_DELIMITER = ';';

const SUFFIX: Record<PropType, string> = {
  string: '',
  int: ':long',
  float: ':double',
  bool: ':boolean',
  'string[]': ':string[]',
};

function cell(value: PropValue | undefined, type: PropType): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(ARRAY_DELIMITER);
  if (type === 'int' && typeof value === 'number') return String(Math.trunc(value));
  return String(value);
}

class CsvFiles {
  private readonly files = new Map<string, WriteStream>();
  constructor(readonly dir: string) {}

  async write(name: string, header: () => string, line: string): Promise<void> {
    let file = this.files.get(name);
    if (!file) {
      file = createWriteStream(join(this.dir, name));
      this.files.set(name, file);
      file.write(header());
    }
    if (!file.write(line)) await once(file, 'drain');
  }

  names(): string[] {
    return [...this.files.keys()].sort();
  }

  async close(): Promise<void> {
    await Promise.all([...this.files.values()].map((file) => new Promise((resolve) => file.end(resolve))));
  }
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

function importScript(names: string[]): string {
  const files = [
    ...names.filter((name) => name.startsWith('nodes_')).map((name) => `  --nodes=import/${name}`),
    ...names.filter((name) => name.startsWith('relationships_')).map((name) => `  --relationships=import/${name}`),
  ];
  return [
    '#!/bin/sh',
    '# Copy these CSV files into <neo4j-home>/import/, stop the database, then from <neo4j-home>:',
    // The database name first, as the operations manual writes it since 5.19: right after a
    // --relationships list, a name can be read as one more file ("File 'neo4j' doesn't exist").
    'bin/neo4j-admin database import full neo4j \\',
    `  --array-delimiter="${ARRAY_DELIMITER}" --multiline-fields=true --overwrite-destination=true \\`,
    ...files.map((line, i) => (i === files.length - 1 ? line : `${line} \\`)),
    '',
  ].join('\n');
}

export async function writeNeo4jCsvZip(source: ExportSource): Promise<Readable> {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-csv-'));
  const files = new CsvFiles(dir);
  const nodeTypes = nodePropertyTypes();
  const edgeTypes = edgePropertyTypes();
  try {
    for await (const node of source.nodes()) {
      const keys = declaredNodeKeys(node.label);
      const columns = keys.length > 0 ? keys : Object.keys(node.properties);
      const typeOf = (key: string) => nodeTypes.get(key) ?? inferType(node.properties[key] ?? null);
      await files.write(
        `nodes_${safeName(node.label)}.csv`,
        () => csvLine(['id:ID', ':LABEL', ...columns.map((key) => `${key}${SUFFIX[typeOf(key)]}`)]),
        csvLine([node.id, node.label, ...columns.map((key) => cell(node.properties[key], typeOf(key)))]),
      );
    }
    for await (const edge of source.edges()) {
      const columns = [...edgeTypes.keys()];
      await files.write(
        `relationships_${safeName(edge.type)}.csv`,
        () =>
          csvLine([
            ':START_ID',
            ':END_ID',
            ':TYPE',
            'id',
            ...columns.map((key) => `${key}${SUFFIX[edgeTypes.get(key)!]}`),
          ]),
        csvLine([
          edge.source,
          edge.target,
          edge.type,
          edge.id,
          ...columns.map((key) => cell(edge.properties[key], edgeTypes.get(key)!)),
        ]),
      );
    }
    await files.close();
  } catch (error) {
    await files.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const zip = new yazl.ZipFile();
  for (const name of files.names()) zip.addFile(join(dir, name), name);
  zip.addBuffer(Buffer.from(importScript(files.names())), 'import.sh', { mode: 0o100755 });
  zip.end();
  zip.outputStream.once('end', () => rmSync(dir, { recursive: true, force: true }));
  return zip.outputStream as unknown as Readable;
}
