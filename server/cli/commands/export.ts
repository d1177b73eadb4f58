/** `actorgraph export --format json [--query "<cypher>"]`: the whole graph or a query's subgraph. */
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { InvalidInputError } from '../../domain/errors.js';
import { toJsonExport } from '../../export/json-export.js';
import { configFrom, withDbOption, withStore, type DbOption } from '../shared.js';

export function exportCommand(): Command {
  return withDbOption(
    new Command('export')
      .description('Export the whole graph, or the nodes and relationships a query returns')
      .option('--format <format>', 'output format (json)', 'json')
      .option('--query <cypher>', 'export only what this read-only query returns')
      .option('--out <file>', 'write to a file instead of stdout'),
  ).action(async (options: DbOption & { format: string; query?: string; out?: string }) => {
    if (options.format !== 'json')
      throw new InvalidInputError(`Unknown --format "${options.format}" (available: json)`);
    const config = configFrom(options);
    const graph = await withStore(config, true, async (store) => {
      if (!options.query) return store.exportAll();
      const result = await store.runReadQuery(options.query, {}, { limit: 100_000, timeoutMs: config.queryTimeoutMs });
      return result.graph;
    });
    const text = `${JSON.stringify(toJsonExport(graph))}\n`;
    if (options.out) {
      writeFileSync(options.out, text);
      process.stderr.write(`Wrote ${graph.nodes.length} nodes and ${graph.edges.length} edges to ${options.out}\n`);
    } else {
      process.stdout.write(text);
    }
  });
}
