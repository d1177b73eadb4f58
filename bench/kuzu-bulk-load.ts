/**
 * Loads a graph into a fresh embedded database through the engine's bulk path (`COPY FROM` CSV
 * files written to a temporary folder): minutes instead of hours for the 500,000-relationship
 * graphs the read benchmarks need. For benchmarks only: lists are written as `[a,b]` literals, so
 * list items must not contain commas or brackets (the synthetic graph's do not).
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphBatch, GraphEdge, GraphNode, PropValue } from '../server/domain/graph.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { groupBy } from '../server/domain/group-by.js';
import { fillAllDegrees } from '../server/store/kuzu/kuzu-degrees.js';

type Run = (statement: string) => Promise<Array<Record<string, unknown>>>;

function csvValue(value: PropValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.length === 0 ? '' : `"[${value.join(',').replaceAll('"', '""')}]"`;
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
  return String(value);
}

async function columnsOf(run: Run, table: string): Promise<string[]> {
  return (await run(`CALL table_info('${table}') RETURN name`)).map((row) => String(row.name));
}

/** Written 10,000 lines at a time: one string of a million lines passes V8's string length limit. */
function writeCsv(file: string, lines: string[]): void {
  writeFileSync(file, '');
  for (let i = 0; i < lines.length; i += 10_000) appendFileSync(file, lines.slice(i, i + 10_000).join('\n') + '\n');
}

/** The load's buffer pool: a COPY of millions of relationships does not fit the default 1 GiB. */
const LOAD_BUFFER_POOL = Number(process.env.BENCH_LOAD_BUFFER_POOL_MB ?? 4096) * 1024 * 1024;

const OPTIONS = "(HEADER=false, QUOTE='\"', ESCAPE='\"', DELIM=',')";

/** Creates the database at `path` (which must not exist) holding exactly `batch`. */
export async function bulkLoad(path: string, batch: GraphBatch): Promise<void> {
  const store = await KuzuStore.open({ path, readOnly: false, bufferPoolBytes: LOAD_BUFFER_POOL });
  const run: Run = (statement) => store['rows'](statement);
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-bulk-'));
  try {
    for (const [label, nodes] of groupBy(batch.nodes, (node: GraphNode) => node.label)) {
      const columns = await columnsOf(run, label);
      const file = join(dir, `${label}.csv`);
      writeCsv(
        file,
        nodes.map((node) =>
          columns.map((column) => csvValue(column === 'id' ? node.id : node.properties[column])).join(','),
        ),
      );
      await run(`COPY ${label} FROM '${file}' ${OPTIONS}`);
    }
    const groups = groupBy(batch.edges, (edge: GraphEdge) => `${edge.type}|${edge.sourceLabel}|${edge.targetLabel}`);
    const columnsByType = new Map<string, string[]>();
    for (const [key, edges] of groups) {
      const [type, from, to] = key.split('|');
      if (!columnsByType.has(type)) columnsByType.set(type, await columnsOf(run, type));
      const columns = columnsByType.get(type)!;
      const file = join(dir, `${type}-${from}-${to}.csv`);
      writeCsv(
        file,
        edges.map((edge) =>
          [
            csvValue(edge.source),
            csvValue(edge.target),
            ...columns.map((column) => csvValue(column === 'id' ? edge.id : edge.properties[column])),
          ].join(','),
        ),
      );
      await run(`COPY ${type} FROM '${file}' (from='${from}', to='${to}', HEADER=false, QUOTE='"', ESCAPE='"')`);
    }
    // COPY bypassed the writer, which keeps the nodes' degrees: counted here as for an old database.
    await fillAllDegrees(run);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
