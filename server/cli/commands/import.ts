/**
 * `actorgraph import <paths...>`: files or folders into the graph, with a progress bar and a summary.
 * What comes from the files (titles, paths, names in reasons) is printed through terminalSafe.
 */
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import type { Config } from '../../config.js';
import { importDocuments, type ImportReport, type NerChoice } from '../../importer/import-documents.js';
import type { NerSelection } from '../../importer/ner/select-ner.js';
import type { GraphStore } from '../../store/graph-store.js';
import { terminalSafe } from '../terminal-text.js';
import { configFrom, nerSummary, withDbOption, withNer, withNerOption, withStore, type DbOption } from '../shared.js';

export function formatReport(report: ImportReport, ner?: NerSelection): string {
  const lines = [`Imported ${report.documents.length} document(s) in ${report.elapsedMs} ms`];
  if (ner) lines.push(nerSummary(ner, report.ner));
  for (const document of report.documents)
    lines.push(`  + ${terminalSafe(document.title)} (${terminalSafe(document.path)})`);
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key} ${count}`)
      .join(', ') || 'none';
  lines.push(`Nodes: ${list(report.nodesByLabel)}`);
  lines.push(`Relationships: ${list(report.edgesByType)}`);
  if (report.curation.applied > 0) lines.push(`Curation: ${report.curation.applied} correction(s) applied`);
  for (const warning of report.curation.warnings) lines.push(`  ! ${terminalSafe(warning)}`);
  if (report.skipped.length > 0) {
    lines.push(`Skipped ${report.skipped.length} file(s):`);
    for (const skipped of report.skipped)
      lines.push(`  - ${terminalSafe(skipped.path)}: ${terminalSafe(skipped.reason)}`);
  }
  return lines.join('\n');
}

/** Runs an import with a progress bar on stderr when it is a terminal (reading, then tagging names). */
export async function importWithProgress(
  store: GraphStore,
  config: Config,
  paths: string[],
  ner?: NerChoice,
): Promise<ImportReport> {
  const bar = process.stderr.isTTY
    ? new SingleBar(
        { format: '{phase} {bar} {value}/{total} files {file}', clearOnComplete: true },
        Presets.shades_classic,
      )
    : null;
  let started = false;
  try {
    return await importDocuments(store, paths, {
      maxBytes: config.maxFileBytes,
      curationPath: config.curationPath,
      ner,
      onProgress: (progress) => {
        const tagging = progress.phase === 'extract' && progress.path !== undefined;
        if (!bar || (progress.phase !== 'read' && !tagging)) return;
        const payload = {
          file: terminalSafe(progress.path?.split('/').pop() ?? ''),
          phase: tagging ? 'names   ' : 'reading ',
        };
        if (!started) {
          bar.start(progress.total, 0, payload);
          started = true;
        }
        bar.setTotal(progress.total);
        bar.update(progress.current, payload);
      },
    });
  } finally {
    bar?.stop();
  }
}

export function importCommand(): Command {
  return withNerOption(
    withDbOption(
      new Command('import')
        .description('Import articles (.txt with or without front matter, .md, .html, .json): files or folders')
        .argument('<paths...>', 'files or folders to import'),
    ),
  ).action(async (paths: string[], options: DbOption) => {
    const config = configFrom(options);
    // Names first: with --ner corenlp and no server, nothing is opened or written.
    await withNer(config, async ({ selection, choice }) => {
      const report = await withStore(config, false, (store) => importWithProgress(store, config, paths, choice));
      process.stdout.write(`${formatReport(report, selection)}\n`);
      if (report.documents.length === 0 && report.skipped.length > 0) process.exitCode = 1;
    });
  });
}
