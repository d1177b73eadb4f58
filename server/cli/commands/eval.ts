/**
 * `actorgraph eval --gold <dir> <articles...>`: imports the articles into a throwaway database,
 * scores the result against the gold files, prints precision / recall / F1 per category per
 * document and overall, and what was missed or wrongly found.
 */
import { Command } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGold } from '../../eval/gold.js';
import { CATEGORIES, f1, scoreDocument, totals, type CategoryScore, type DocumentScore } from '../../eval/score.js';
import { loadConfig } from '../../config.js';
import { importDocuments } from '../../importer/import-documents.js';
import { openScratchStore } from '../../store/open-store.js';
import { nerSummary, withNer, withNerOption } from '../shared.js';

function row(label: string, score: CategoryScore): string {
  const { precision, recall, f1: value } = f1(score);
  const counts = `${score.truePositives}/${score.truePositives + score.falsePositives}/${score.truePositives + score.falseNegatives}`;
  return `  ${label.padEnd(13)} P ${precision.toFixed(2)}  R ${recall.toFixed(2)}  F1 ${value.toFixed(2)}   (tp/found/gold ${counts})`;
}

export function formatEval(scores: DocumentScore[], verbose: boolean): string {
  const lines: string[] = [];
  for (const score of scores) {
    lines.push(score.document);
    for (const category of CATEGORIES) lines.push(row(category, score.categories[category]));
    if (verbose) {
      for (const category of CATEGORIES) {
        for (const miss of score.categories[category].misses) lines.push(`    miss  ${category}: ${miss}`);
        for (const find of score.categories[category].falseFinds) lines.push(`    false ${category}: ${find}`);
      }
    }
  }
  const all = totals(scores);
  lines.push('overall');
  for (const category of CATEGORIES) lines.push(row(category, all[category]));
  return lines.join('\n');
}

export function evalCommand(): Command {
  return withNerOption(
    new Command('eval')
      .description('Measure extraction against gold annotations (precision, recall, F1 per category)')
      .requiredOption('--gold <dir>', 'folder of gold JSON files (see shared/gold/FORMAT.md)')
      .option('--quiet', 'only the scores, not the misses and false finds')
      .argument('<articles...>', 'article files or folders to import'),
  ).action(async (articles: string[], options: { gold: string; quiet?: boolean; ner?: string }) => {
    const config = loadConfig({ ner: options.ner });
    const gold = await loadGold(options.gold);
    await withNer(config, async ({ selection, choice }) => {
      const dir = mkdtempSync(join(tmpdir(), 'actorgraph-eval-'));
      try {
        // A throwaway database from the store registry: the scores need an empty graph, and the
        // user's own database (or Neo4j server) must not receive the eval's articles.
        const store = await openScratchStore(config, dir);
        try {
          const report = await importDocuments(store, articles, { ner: choice });
          for (const skipped of report.skipped) process.stderr.write(`skipped ${skipped.path}: ${skipped.reason}\n`);
          const graph = await store.exportAll();
          // Which tagger produced these scores comes first: the same articles score differently.
          process.stdout.write(`${nerSummary(selection, report.ner)}\n`);
          process.stdout.write(
            `${formatEval(
              gold.map((g) => scoreDocument(g, graph)),
              !options.quiet,
            )}\n`,
          );
        } finally {
          await store.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
