/** Options and helpers every command shares. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultDatabasePath, loadConfig, type Config } from '../config.js';
import { AppError, StoreUnavailableError } from '../domain/errors.js';
import { STORE_KINDS, STORE_NAMES } from '../domain/stores.js';
import type { NerChoice } from '../importer/import-documents.js';
import { NerUnavailableError, type NerMode } from '../importer/ner/ner-types.js';
import { selectNer, type NerSelection } from '../importer/ner/select-ner.js';
import type { GraphStore } from '../store/graph-store.js';
import { openStore } from '../store/open-store.js';

export interface DbOption {
  db?: string;
  store?: string;
  ner?: string;
}

export function withDbOption(command: Command): Command {
  return command
    .option('--db <path>', `LadybugDB database path (env ACTORGRAPH_DB, default ${defaultDatabasePath()})`)
    .option(
      '--store <store>',
      `${STORE_NAMES.join(' or ')} (env ACTORGRAPH_STORE; neo4j when NEO4J_URI is set; kuzu: old name of ladybug)`,
    );
}

/** `--ner`, on the commands that import. */
export function withNerOption(command: Command): Command {
  return command.option(
    '--ner <mode>',
    'where names come from: auto (CoreNLP when it can be had, else the rules), corenlp (CoreNLP or fail), ' +
      'rules (env ACTORGRAPH_NER, default auto; CoreNLP at CORENLP_URL, or started here with Java 17+ and Maven)',
  );
}

export function configFrom(options: DbOption & { port?: string; host?: string }): Config {
  return loadConfig({
    dbPath: options.db,
    port: options.port,
    host: options.host,
    store: options.store,
    ner: options.ner,
  });
}

/**
 * The commands that only read (serve, query, export, dossier) stop here when the embedded
 * database does not exist: opening it would create an empty one at a mistyped --db and answer
 * from it as if the graph were empty. Only import and start create a database.
 */
export function requireExistingDatabase(config: Config): void {
  if (!STORE_KINDS[config.store].embedded) return;
  const path = resolve(config.dbPath);
  if (existsSync(path)) return;
  throw new StoreUnavailableError(
    `No database at ${path}: check --db (or ACTORGRAPH_DB), or create it with \`actorgraph import <files or folders> --db ${path}\``,
  );
}

/** Opens the store, runs `work`, and always closes it; a read-only open needs an existing database. */
export async function withStore<T>(
  config: Config,
  readOnly: boolean,
  work: (store: GraphStore) => Promise<T>,
): Promise<T> {
  if (readOnly) requireExistingDatabase(config);
  const store = await openStore(config, { readOnly });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** CoreNLP could not be had with `--ner corenlp`, or stopped answering: the command stops, exit 1. */
export class NerError extends AppError {
  constructor(message: string) {
    super('ner_unavailable', message, 503);
  }
}

export interface NerRun {
  selection: NerSelection;
  /** What importDocuments takes; a fallback in mid-import is said on stderr as it happens. */
  choice: NerChoice;
}

function logLine(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Chooses the tagger for `config.ner` (see selectNer), runs `work`, and always stops a CoreNLP
 * server started for it. A tagger that cannot be had, or dies, in mode corenlp becomes a NerError
 * (a message and exit code 1, no stack).
 */
export async function withNer<T>(
  config: Pick<Config, 'ner' | 'corenlpUrl'>,
  work: (run: NerRun) => Promise<T>,
  log: (line: string) => void = logLine,
): Promise<T> {
  const mode: NerMode = config.ner;
  let selection: NerSelection;
  try {
    selection = await selectNer(mode, { url: config.corenlpUrl, log });
  } catch (error) {
    throw error instanceof NerUnavailableError ? new NerError(error.message) : error;
  }
  const choice: NerChoice = {
    tagger: selection.tagger,
    mode,
    onFallback: (reason) => log(`CoreNLP failed during the import (${reason}): names come from the rules alone.`),
  };
  try {
    return await work({ selection, choice });
  } catch (error) {
    throw error instanceof NerUnavailableError
      ? new NerError(`${error.message}. Nothing was imported (--ner ${mode}).`)
      : error;
  } finally {
    await selection.stop();
  }
}

/** The summary's line on names: which tagger was used, or why the rules worked alone. */
export function nerSummary(selection: NerSelection, used: { used: 'corenlp' | 'rules'; note?: string }): string {
  if (used.used === 'corenlp') return `Names: ${selection.description}`;
  return `Names: rules only (${used.note ?? selection.reason ?? 'no tagger'})`;
}
