/**
 * `actorgraph import <paths...>`: files or folders into the graph, with a progress bar and a summary.
 * What comes from the files (titles, paths, names in reasons) is printed through terminalSafe.
 */
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import type { Config } from '../../config.js';
import {
  DEFAULT_BATCH_SIZE,
  importDocuments,
  type ImportReport,
  type NerChoice,
} from '../../importer/import-documents.js';
import type { NerSelection } from '../../importer/ner/select-ner.js';
import type { GraphStore } from '../../store/graph-store.js';
import { boundImportHeapGrowth } from '../import-heap.js';
import { nativeMemoryRelease } from '../native-heap.js';
import { terminalSafe } from '../terminal-text.js';
import { configFrom, nerSummary, withDbOption, withNer, withNerOption, withStore, type DbOption } from '../shared.js';

export function formatReport(report: ImportReport, ner?: NerSelection): string {
  const lines = [`Imported ${report.documents.length} document(s) in ${report.elapsedMs} ms`];
  if (report.alreadyImported.length > 0)
    lines.push(`Already imported: ${report.alreadyImported.length} document(s), skipped (same content)`);
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

const PHASE_NAMES: Record<string, string> = { scan: 'names     ', import: 'importing ', statements: 'statements' };
/** What each phase counts: files while finding names, documents, then statement occurrences. */
const PHASE_UNITS: Record<string, string> = { scan: 'files', import: 'documents', statements: 'statements' };

/** The plain progress line written when stderr is not a terminal. */
export function progressLine(phase: string, current: number, total: number, rate: number, eta: string): string {
  const name = (PHASE_NAMES[phase] ?? phase).trim();
  return `${name}: ${current}/${total}, ${rate.toFixed(1)} ${PHASE_UNITS[phase] ?? 'items'}/s, ETA ${eta}\n`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}

/** Items per second and the time left in the current phase, from the phase's own pace. */
class PhasePace {
  private phase = '';
  private startedAt = 0;
  private startedFrom = 0;

  update(phase: string, current: number, total: number): { rate: number; eta: string } {
    const now = Date.now();
    if (phase !== this.phase) {
      this.phase = phase;
      this.startedAt = now;
      this.startedFrom = current;
    }
    const seconds = (now - this.startedAt) / 1000;
    const rate = seconds > 0 ? (current - this.startedFrom) / seconds : 0;
    return { rate, eta: rate > 0 ? duration((total - current) / rate) : '?' };
  }
}

/**
 * Runs an import showing its progress on stderr: a bar with items/s and the time left when it
 * is a terminal, otherwise a plain line every ACTORGRAPH_PROGRESS_EVERY_MS (finding names, importing,
 * statements).
 */
export async function importWithProgress(
  store: GraphStore,
  config: Config,
  paths: string[],
  ner?: NerChoice,
  batchSize?: number,
): Promise<ImportReport> {
  const bar = process.stderr.isTTY
    ? new SingleBar(
        { format: '{phase} {bar} {value}/{total} {rate} {unit}/s ETA {eta} {file}', clearOnComplete: true },
        Presets.shades_classic,
      )
    : null;
  const pace = new PhasePace();
  let started = false;
  let lastLine = Date.now();
  // The engine's freed native memory back to the system after each write (cli/native-heap.ts).
  const release = nativeMemoryRelease();
  const debug = config.logLevel === 'debug' || config.logLevel === 'trace';
  if (debug && release.unavailable)
    process.stderr.write(`debug: freed native memory is not returned after writes: ${release.unavailable}\n`);
  try {
    return await importDocuments(store, paths, {
      maxBytes: config.maxFileBytes,
      curationPath: config.curationPath,
      ner,
      ...(batchSize !== undefined ? { batchSize } : {}),
      afterWrite: release.afterWrite,
      onProgress: (progress) => {
        const phase = PHASE_NAMES[progress.phase];
        if (!phase) return;
        const { rate, eta } = pace.update(progress.phase, progress.current, progress.total);
        const payload = {
          phase,
          rate: rate.toFixed(1),
          unit: PHASE_UNITS[progress.phase],
          eta,
          file: terminalSafe(progress.path?.split('/').pop() ?? ''),
        };
        if (bar) {
          if (!started) {
            bar.start(progress.total, 0, payload);
            started = true;
          }
          bar.setTotal(progress.total);
          bar.update(progress.current, payload);
        } else if (Date.now() - lastLine >= config.progressEveryMs) {
          lastLine = Date.now();
          process.stderr.write(progressLine(progress.phase, progress.current, progress.total, rate, eta));
        }
      },
    });
  } finally {
    bar?.stop();
    if (debug && !release.unavailable)
      process.stderr.write(
        `debug: freed native memory returned to the system (malloc_trim) ${release.calls()} times\n`,
      );
  }
}

export function importCommand(): Command {
  return withNerOption(
    withDbOption(
      new Command('import')
        .description('Import articles (.txt with or without front matter, .md, .html, .json): files or folders')
        .argument('<paths...>', 'files or folders to import')
        .option('--batch-size <n>', `documents per write (default ${DEFAULT_BATCH_SIZE})`),
    ),
  ).action(async (paths: string[], options: DbOption & { batchSize?: string }) => {
    const config = configFrom(options);
    const batchSize = options.batchSize === undefined ? undefined : Number(options.batchSize);
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
      process.stderr.write(`--batch-size must be a whole number above 0, not ${terminalSafe(options.batchSize!)}\n`);
      process.exitCode = 2;
      return;
    }
    // The import makes garbage fast; this process does nothing else (server/cli/import-heap.ts).
    boundImportHeapGrowth();
    // Names first: with --ner corenlp and no server, nothing is opened or written.
    await withNer(config, async ({ selection, choice }) => {
      const report = await withStore(config, false, (store) =>
        importWithProgress(store, config, paths, choice, batchSize),
      );
      process.stdout.write(`${formatReport(report, selection)}\n`);
      if (report.documents.length === 0 && report.alreadyImported.length === 0 && report.skipped.length > 0)
        process.exitCode = 1;
    });
  });
}
