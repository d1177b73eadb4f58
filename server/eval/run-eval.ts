/**
 * Scores the importer against gold files without any store: read -> buildGraph -> score.
 *   npx tsx server/eval/run-eval.ts --gold /work/shared/gold data/articles [--quiet]
 * Prints precision / recall / F1 per category per document and overall, then (unless --quiet)
 * what was missed and what was wrongly found.
 */
import { buildGraph, loadGazetteer } from '../importer/build-graph.js';
import { readSources } from '../importer/read/index.js';
import { loadGold } from './gold.js';
import { formatScores, scoreDocument } from './score.js';

interface Args {
  gold: string;
  quiet: boolean;
  gazetteer: string | undefined;
  articles: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { gold: '', quiet: false, gazetteer: undefined, articles: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--gold') args.gold = argv[++i] ?? '';
    else if (arg === '--gazetteer') args.gazetteer = argv[++i];
    else if (arg === '--quiet') args.quiet = true;
    else args.articles.push(arg);
  }
  if (!args.gold || args.articles.length === 0) {
    throw new Error('usage: run-eval.ts --gold <dir> [--gazetteer <file>] [--quiet] <articles...>');
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const gold = await loadGold(args.gold);
  const { documents, skipped } = await readSources(args.articles);
  for (const file of skipped) process.stderr.write(`skipped ${file.path}: ${file.reason}\n`);
  const graph = buildGraph(documents, { gazetteer: await loadGazetteer(args.gazetteer) });
  const scores = gold.map((g) => scoreDocument(g, graph));
  process.stdout.write(`${formatScores(scores, !args.quiet)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
