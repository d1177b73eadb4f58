/** `actorgraph query "<cypher>"`: runs a read-only query and prints a table (or JSON). */
import { Command } from 'commander';
import type { CypherResponse } from '../../domain/api.js';
import { InvalidInputError } from '../../domain/errors.js';
import { toCypherResponse } from '../../explore/graph-views.js';
import { terminalSafe } from '../terminal-text.js';
import { configFrom, withDbOption, withStore, type DbOption } from '../shared.js';

/** `--param name=value`: the value is read as JSON when it parses, else as a string. */
export function parseParams(pairs: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InvalidInputError(`--param expects name=value, got "${pair}"`);
    const raw = pair.slice(at + 1);
    try {
      params[pair.slice(0, at)] = JSON.parse(raw);
    } catch {
      params[pair.slice(0, at)] = raw;
    }
  }
  return params;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const record = value as { label?: string; type?: string; properties?: Record<string, unknown>; id?: string };
    if (record.label && record.properties)
      return `(${record.label} ${String(record.properties.name ?? record.properties.title ?? record.id)})`;
    if (record.type && record.properties) return `[${record.type}]`;
    return JSON.stringify(value);
  }
  return String(value);
}

export function formatTable(result: CypherResponse): string {
  const rows = result.rows.map((row) =>
    result.columns.map((column) => terminalSafe(cellText(row[column]).replace(/\s+/g, ' ')).slice(0, 80)),
  );
  const widths = result.columns.map((column, i) => Math.max(column.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
  const out = [line(result.columns), widths.map((width) => '-'.repeat(width)).join('-+-'), ...rows.map(line)];
  out.push(
    `${result.rows.length} row(s)${result.truncated ? ' (truncated: raise --limit)' : ''} in ${result.elapsedMs} ms`,
  );
  return out.join('\n');
}

export function queryCommand(): Command {
  return withDbOption(
    new Command('query')
      .description('Run a read-only Cypher query (Kuzu dialect) and print the result')
      .argument('<cypher>', 'the query')
      .option('--json', 'print JSON {columns, rows, graph}')
      .option('--limit <rows>', 'most rows to return', '1000')
      .option('--param <name=value...>', 'query parameters ($name); values as JSON or text', []),
  ).action(async (cypher: string, options: DbOption & { json?: boolean; limit: string; param: string[] }) => {
    const config = configFrom(options);
    const params = parseParams(options.param);
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new InvalidInputError('--limit must be a positive whole number');
    const result = toCypherResponse(
      await withStore(config, true, (store) =>
        store.runReadQuery(cypher, params, { limit, timeoutMs: config.queryTimeoutMs }),
      ),
    );
    process.stdout.write(`${options.json ? JSON.stringify(result, null, 2) : formatTable(result)}\n`);
  });
}
