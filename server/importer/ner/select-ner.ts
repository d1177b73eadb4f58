/**
 * Chooses where an import's names come from, by `--ner` mode:
 * - `rules`: the gazetteer and cue rules alone.
 * - `corenlp`: CoreNLP or nothing: CORENLP_URL when set, else a server started here (Java 17+ and
 *   Maven needed). When neither works the import does not run, and the error says how to fix it.
 * - `auto`: CoreNLP when it can be had (CORENLP_URL, or a server started here), else the rules, with
 *   one line saying why and how to get better extraction.
 * A server started here is stopped by `stop()`; the caller calls it in a `finally`.
 */
import { CoreNlpClient } from './corenlp-client.js';
import { canStartCoreNlp, freePort, modelsDownloaded, startCoreNlp, type RunningCoreNlp } from './corenlp-launcher.js';
import { NerUnavailableError, type NerMode, type NerTagger } from './ner-types.js';

export interface NerSelection {
  tagger: NerTagger | null;
  mode: NerMode;
  used: 'corenlp' | 'rules';
  /** For the import summary: "CoreNLP 4.5.10 (http://127.0.0.1:41234)" or "rules only (why)". */
  description: string;
  /** Why the rules work alone; absent when CoreNLP is used. */
  reason?: string;
  /** Stops the server started for this selection, if any. Idempotent. */
  stop(): Promise<void>;
}

export interface SelectNerOptions {
  /** CORENLP_URL: a server that runs elsewhere. */
  url?: string | undefined;
  /** One line for the user (progress, fallbacks). */
  log: (line: string) => void;
  /** Injected in tests. */
  start?: typeof startCoreNlp;
  canStart?: typeof canStartCoreNlp;
  probe?: (url: string) => Promise<void>;
}

const HOW_TO_START =
  'start one with `npm run corenlp:dev` and set CORENLP_URL=http://127.0.0.1:9000, or import with --ner rules';

const noStop = async () => undefined;

function rulesOnly(mode: NerMode, reason: string): NerSelection {
  return { tagger: null, mode, used: 'rules', description: `rules only (${reason})`, reason, stop: noStop };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function selectNer(mode: NerMode, options: SelectNerOptions): Promise<NerSelection> {
  if (mode === 'rules') return rulesOnly(mode, '--ner rules');
  const url = options.url?.replace(/\/+$/, '') || undefined;
  return url ? useRunning(mode, url, options) : startOne(mode, options);
}

/** CORENLP_URL is set: that server or (auto) the rules; never a second server behind the user's back. */
async function useRunning(mode: NerMode, url: string, options: SelectNerOptions): Promise<NerSelection> {
  try {
    await (options.probe ?? ((target: string) => CoreNlpClient.probe(target)))(url);
  } catch (error) {
    const problem = messageOf(error);
    if (mode === 'corenlp') {
      throw new NerUnavailableError(`${problem} (CORENLP_URL). ${capitalise(HOW_TO_START)}.`);
    }
    options.log(`${problem} (CORENLP_URL): names come from the rules alone.`);
    return rulesOnly(mode, `CoreNLP at ${url} not reachable`);
  }
  return {
    tagger: new CoreNlpClient({ url }),
    mode,
    used: 'corenlp',
    description: `CoreNLP (${url})`,
    stop: noStop,
  };
}

/** No CORENLP_URL: start CoreNLP's server here when Java 17+ and Maven are available. */
async function startOne(mode: NerMode, options: SelectNerOptions): Promise<NerSelection> {
  const can = await (options.canStart ?? canStartCoreNlp)();
  if (!can.ok) {
    if (mode === 'corenlp') {
      throw new NerUnavailableError(
        `--ner corenlp needs a CoreNLP server and none can be started here: ${can.reason}. ` +
          `Install Java 17+ and Maven, or set CORENLP_URL to a running server (${HOW_TO_START}).`,
      );
    }
    options.log(
      `CoreNLP not available (${can.reason}): names come from the rules alone; ` +
        'install Java 17+ and Maven, or set CORENLP_URL, for better extraction.',
    );
    return rulesOnly(mode, `CoreNLP not available: ${can.reason}`);
  }
  const port = await freePort();
  const firstRun = !modelsDownloaded();
  options.log(
    `starting CoreNLP on port ${port} (${firstRun ? 'first run downloads the models, ~480 MB' : 'loading the models takes ~15-30 s'})…`,
  );
  const started = Date.now();
  let running: RunningCoreNlp;
  try {
    running = await (options.start ?? startCoreNlp)({
      port,
      onProgress: (line) => {
        const shown = progressLine(line);
        if (shown) options.log(shown);
      },
    });
  } catch (error) {
    if (mode === 'corenlp') throw new NerUnavailableError(`could not start CoreNLP: ${messageOf(error)}`);
    options.log(`could not start CoreNLP (${messageOf(error)}): names come from the rules alone.`);
    return rulesOnly(mode, 'CoreNLP could not be started');
  }
  options.log(`CoreNLP ${running.version} ready at ${running.url} (${Math.round((Date.now() - started) / 1000)} s)`);
  return {
    tagger: new CoreNlpClient({ url: running.url }),
    mode,
    used: 'corenlp',
    description: `CoreNLP ${running.version} (${running.url}, started for this run)`,
    stop: () => running.stop(),
  };
}

/**
 * Which of the server's and Maven's lines the user sees: start.sh's own ("corenlp: …"), the jars
 * Maven downloads (by file name; not the hundred .pom and checksum lines), and errors.
 */
export function progressLine(line: string): string | null {
  const text = line.trim();
  if (text.startsWith('corenlp:')) return `  ${text.slice('corenlp:'.length).trim()}`;
  const download = /^(?:\[INFO\]\s*)?(Downloading|Downloaded) from [^:]+: \S*\/([^/\s]+\.jar)(.*)$/.exec(text);
  if (download) return `  ${download[1].toLowerCase()} ${download[2]}${download[3] ?? ''}`;
  if (/^\[ERROR\]|Exception|Error:/.test(text)) return `  ${text}`;
  return null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
