/**
 * `actorgraph export`: the whole graph, a node's neighbourhood or a query's result, in any export
 * format, to stdout or a file, streamed, with progress on stderr.
 */
import { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { InvalidInputError } from '../../domain/errors.js';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormatName } from '../../export/formats.js';
import { selectSubgraph, type Selection } from '../../export/subgraph-source.js';
import { countingSource, writeExport } from '../../export/write-export.js';
import { configFrom, withDbOption, withStore, type DbOption } from '../shared.js';
import { parseParams } from './query.js';

interface ExportOptions extends DbOption {
  format: string;
  query?: string;
  param: string[];
  node?: string;
  depth: string;
  out?: string;
}

function selectionFrom(options: ExportOptions): Selection {
  if (options.query && options.node) throw new InvalidInputError('Give --query or --node, not both');
  if (options.query) return { kind: 'query', query: options.query, params: parseParams(options.param) };
  if (options.node) {
    const depth = Number(options.depth);
    if (!Number.isInteger(depth) || depth < 1 || depth > 5)
      throw new InvalidInputError('--depth must be a whole number from 1 to 5');
    return { kind: 'node', id: options.node, depth };
  }
  return { kind: 'all' };
}

export function exportCommand(): Command {
  return withDbOption(
    new Command('export')
      .description("Export the whole graph, a node's neighbourhood, or what a read-only query returns")
      .option('--format <format>', `one of: ${EXPORT_FORMAT_NAMES.join(', ')}`, 'json')
      .option('--query <cypher>', 'export the nodes and relationships this read-only query returns')
      .option('--param <name=value...>', 'query parameters ($name); values as JSON or text', [])
      .option('--node <id>', "export this node's neighbourhood")
      .option('--depth <n>', 'steps from --node (1-5)', '1')
      .option('--out <file>', 'write to a file instead of stdout'),
  ).action(async (options: ExportOptions) => {
    if (!(options.format in EXPORT_FORMATS)) {
      throw new InvalidInputError(
        `Unknown --format "${options.format}" (available: ${EXPORT_FORMAT_NAMES.join(', ')})`,
      );
    }
    const format = options.format as ExportFormatName;
    const selection = selectionFrom(options);
    const config = configFrom(options);
    await withStore(config, true, async (store) => {
      const source = await selectSubgraph(store, selection, config.queryTimeoutMs);
      const showProgress = Boolean(options.out && process.stderr.isTTY);
      const counted = countingSource(source, ({ nodes, edges }) => {
        if (showProgress) process.stderr.write(`\rexporting: ${nodes} nodes, ${edges} relationships`);
      });
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      await writeExport(format, counted, out);
      if (options.out) {
        out.end();
        await finished(out);
        process.stderr.write(
          `${showProgress ? '\n' : ''}Wrote ${options.out} (${EXPORT_FORMATS[format].description})\n`,
        );
      }
    });
  });
}
