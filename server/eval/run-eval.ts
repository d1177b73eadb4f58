/**
 * Scores the importer against gold files without any store: read -> buildGraph -> score.
 *   npx tsx server/eval/run-eval.ts --gold /work/shared/gold data/articles [--corenlp http://127.0.0.1:9000] [--quiet]
 * Prints precision / recall / F1 per category per document and overall, then (unless --quiet)
 * what was missed and what was wrongly found.
 */
import { buildGraph, loadGazetteer } from '../importer/build-graph.js';
import { CoreNlpClient } from '../importer/ner/corenlp-client.js';
import { tagDocuments } from '../importer/ner/tag-documents.js';
import { readSources } from '../importer/read/index.js';
import { loadGold } from './gold.js';
import { formatScores, scoreDocument } from './score.js';

interface Args {
  gold: string;
  quiet: boolean;
  gazetteer: string | undefined;
  corenlp: string | undefined;
  articles: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { gold: '', quiet: false, gazetteer: undefined, corenlp: undefined, articles: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--gold') args.gold = argv[++i] ?? '';
    else if (arg === '--gazetteer') args.gazetteer = argv[++i];
    else if (arg === '--quiet') args.quiet = true;
    else if (arg === '--corenlp') args.corenlp = argv[++i];
    else args.articles.push(arg);
  }
  if (!args.gold || args.articles.length === 0) {
    throw new Error('usage: run-eval.ts --gold <dir> [--gazetteer <file>] [--corenlp <url>] [--quiet] <articles...>');
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const gold = await loadGold(args.gold);
  const { documents, skipped } = await readSources(args.articles);
  for (const file of skipped) process.stderr.write(`skipped ${file.path}: ${file.reason}\n`);
  const tagger = args.corenlp ? new CoreNlpClient({ url: args.corenlp }) : null;
  const tagged = await tagDocuments(documents, { tagger, mode: tagger ? 'corenlp' : 'rules' });
  const graph = buildGraph(tagged.documents, {
    gazetteer: await loadGazetteer(args.gazetteer),
    ner: tagged.spans,
  });
  const scores = gold.map((g) => scoreDocument(g, graph));
  process.stdout.write(`${formatScores(scores, !args.quiet)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
