/** The export formats by name: what each writes, its file extension and content type. */
import type { Readable } from 'node:stream';
import { writeActorgraphJson } from './actorgraph-json-writer.js';
import { writeCypherScript } from './cypher-script-writer.js';
import type { ExportSource } from './export-graph.js';
import { writeGexf } from './gexf-writer.js';
import { writeGraphml } from './graphml-writer.js';
import { writeGraphologyJson } from './graphology-json-writer.js';
import { writeHtmlSnapshot } from './html-snapshot-writer.js';
import { writeNeo4jCsvZip } from './neo4j-csv-writer.js';
import { writeRelationshipTable } from './relationship-table-writer.js';

export interface ExportFormat {
  extension: string;
  contentType: string;
  description: string;
  /** Text formats yield string chunks; binary ones (zip) give a stream. */
  write(source: ExportSource): AsyncIterable<string> | Promise<Readable>;
}

export const EXPORT_FORMATS = {
  json: {
    extension: 'json',
    contentType: 'application/json',
    description: 'actorgraph JSON {nodes, edges}',
    write: writeActorgraphJson,
  },
  graphology: {
    extension: 'graphology.json',
    contentType: 'application/json',
    description: "graphology's serialisation (Graph.from)",
    write: writeGraphologyJson,
  },
  graphml: {
    extension: 'graphml',
    contentType: 'application/graphml+xml',
    description: 'GraphML (yEd, Cytoscape, Gephi, NetworkX)',
    write: writeGraphml,
  },
  gexf: {
    extension: 'gexf',
    contentType: 'application/gexf+xml',
    description: 'GEXF 1.3 (Gephi)',
    write: (source) => writeGexf(source, '1.3'),
  },
  'gexf-1.2': {
    extension: 'gexf',
    contentType: 'application/gexf+xml',
    description: 'GEXF 1.2draft (older readers, NetworkX 2.x)',
    write: (source) => writeGexf(source, '1.2draft'),
  },
  csv: {
    extension: 'zip',
    contentType: 'application/zip',
    description: 'CSV for neo4j-admin database import, zipped',
    write: writeNeo4jCsvZip,
  },
  cypher: {
    extension: 'cypher',
    contentType: 'application/x-cypher-query; charset=utf-8',
    description: 'Cypher script (MERGE on id) for Neo4j',
    write: writeCypherScript,
  },
  table: {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    description: 'one row per relationship, for spreadsheets',
    write: writeRelationshipTable,
  },
  html: {
    extension: 'html',
    contentType: 'text/html; charset=utf-8',
    description: 'interactive HTML snapshot: one file, no network, search and evidence',
    write: (source) => writeHtmlSnapshot(source),
  },
} satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormatName[];
