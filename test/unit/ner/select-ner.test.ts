/** How an import's names are chosen (selectNer), with CoreNLP faked: no Java is started here. */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CoreNlpClient } from '../../../server/importer/ner/corenlp-client.js';
import {
  canStartCoreNlp,
  parseJavaMajor,
  type RunningCoreNlp,
  type StartCoreNlpOptions,
} from '../../../server/importer/ner/corenlp-launcher.js';
import { NerUnavailableError } from '../../../server/importer/ner/ner-types.js';
import { progressLine, selectNer } from '../../../server/importer/ner/select-ner.js';
import { closedUrl, startFakeCoreNlp } from '../../helpers/fake-corenlp.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

const noJava = async () => ({ ok: false as const, reason: 'no Java on PATH (CoreNLP needs Java 17 or newer)' });
const canStart = async () => ({ ok: true as const });
const mustNotStart = vi.fn(async (): Promise<RunningCoreNlp> => {
  throw new Error('must not start a server');
});

function fakeStart(stop = vi.fn(async () => undefined)) {
  return vi.fn(async (options: StartCoreNlpOptions = {}): Promise<RunningCoreNlp> => {
    options.onProgress?.('corenlp: loading the models (tokenize, ssplit, pos, lemma, ner; ~15-30 s)…');
    options.onProgress?.('[INFO] Downloading from central: https://repo.maven.apache.org/maven2/x/x.pom');
    const port = options.port ?? 1;
    return { url: `http://127.0.0.1:${port}`, port, pid: 4242, version: '4.5.10', stop };
  });
}

describe('selectNer', () => {
  it('uses no tagger in mode rules and starts nothing', async () => {
    const log = vi.fn();
    const selection = await selectNer('rules', { url: 'http://127.0.0.1:1', log, start: mustNotStart, canStart });
    expect(selection).toMatchObject({ tagger: null, used: 'rules', mode: 'rules' });
    expect(selection.description).toBe('rules only (--ner rules)');
    expect(log).not.toHaveBeenCalled();
    expect(mustNotStart).not.toHaveBeenCalled();
  });

  it('mode corenlp with an unreachable CORENLP_URL fails naming the URL and how to start one', async () => {
    const url = await closedUrl();
    const error = await selectNer('corenlp', { url, log: vi.fn(), start: mustNotStart, canStart }).catch((e) => e);
    expect(error).toBeInstanceOf(NerUnavailableError);
    expect(error.message).toContain(url);
    expect(error.message).toContain('npm run corenlp:dev');
    expect(error.message).toContain('--ner rules');
    expect(mustNotStart).not.toHaveBeenCalled();
  });

  it('mode auto with an unreachable CORENLP_URL falls back to the rules, says so, and starts nothing', async () => {
    const url = await closedUrl();
    const log = vi.fn();
    const selection = await selectNer('auto', { url, log, start: mustNotStart, canStart });
    expect(selection).toMatchObject({ tagger: null, used: 'rules', mode: 'auto' });
    expect(selection.description).toContain(url);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(new RegExp(`${url}.*rules alone`));
    expect(mustNotStart).not.toHaveBeenCalled();
  });

  it('uses a reachable CORENLP_URL in modes auto and corenlp', async () => {
    const fake = await startFakeCoreNlp(() => 'annotate');
    try {
      for (const mode of ['auto', 'corenlp'] as const) {
        const selection = await selectNer(mode, { url: `${fake.url}/`, log: vi.fn(), start: mustNotStart });
        expect(selection.used).toBe('corenlp');
        expect(selection.tagger).toBeInstanceOf(CoreNlpClient);
        expect((selection.tagger as CoreNlpClient).url).toBe(fake.url);
        expect(selection.description).toBe(`CoreNLP (${fake.url})`);
        await selection.stop(); // nothing of ours to stop: the server stays up
        expect(await fetch(`${fake.url}/ready`).then((r) => r.text())).toContain('ready');
      }
    } finally {
      await fake.close();
    }
  });

  it('mode auto without Java says why in one line and how to get better extraction', async () => {
    const log = vi.fn();
    const selection = await selectNer('auto', { log, start: mustNotStart, canStart: noJava });
    expect(selection.used).toBe('rules');
    expect(selection.reason).toContain('no Java on PATH');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(
      /^CoreNLP not available \(no Java on PATH.*\): names come from the rules alone; install Java 17\+ and Maven, or set CORENLP_URL/,
    );
  });

  it('mode corenlp without Java and without CORENLP_URL fails with the reason', async () => {
    const error = await selectNer('corenlp', { log: vi.fn(), start: mustNotStart, canStart: noJava }).catch((e) => e);
    expect(error).toBeInstanceOf(NerUnavailableError);
    expect(error.message).toContain('no Java on PATH');
    expect(error.message).toContain('CORENLP_URL');
  });

  it('starts a server when it can, shows its progress, and stops it with stop()', async () => {
    const stop = vi.fn(async () => undefined);
    const start = fakeStart(stop);
    const lines: string[] = [];
    const selection = await selectNer('auto', { log: (line) => lines.push(line), start, canStart });
    expect(start).toHaveBeenCalledTimes(1);
    const port = start.mock.calls[0][0]!.port!;
    expect(port).toBeGreaterThan(0);
    expect(lines[0]).toMatch(new RegExp(`^starting CoreNLP on port ${port} \\(`));
    expect(lines).toContain('  loading the models (tokenize, ssplit, pos, lemma, ner; ~15-30 s)…');
    expect(lines.some((line) => line.includes('.pom'))).toBe(false); // Maven's noise is not shown
    expect(selection.used).toBe('corenlp');
    expect(selection.description).toBe(`CoreNLP 4.5.10 (http://127.0.0.1:${port}, started for this run)`);
    await selection.stop();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('a server that will not start: auto falls back to the rules, corenlp fails', async () => {
    const start = vi.fn(async (): Promise<RunningCoreNlp> => {
      throw new NerUnavailableError("CoreNLP's server stopped before it was ready (exit code 1): out of memory");
    });
    const log = vi.fn();
    const auto = await selectNer('auto', { log, start, canStart });
    expect(auto.used).toBe('rules');
    expect(log.mock.calls.at(-1)![0]).toMatch(/could not start CoreNLP .*out of memory.*rules alone/);
    const error = await selectNer('corenlp', { log: vi.fn(), start, canStart }).catch((e) => e);
    expect(error).toBeInstanceOf(NerUnavailableError);
    expect(error.message).toMatch(/could not start CoreNLP: .*out of memory/);
  });
});

describe('canStartCoreNlp', () => {
  /** A folder holding fake `java` (printing `version`) and optionally `mvn` and `bash`. */
  function fakePath(javaVersion: string | null, tools: string[] = []): NodeJS.ProcessEnv {
    const dir = tempDir('actorgraph-path-');
    if (javaVersion !== null) {
      writeFileSync(join(dir, 'java'), `#!/bin/sh\necho '${javaVersion}' >&2\n`);
      chmodSync(join(dir, 'java'), 0o755);
    }
    for (const tool of tools) {
      writeFileSync(join(dir, tool), '#!/bin/sh\n');
      chmodSync(join(dir, tool), 0o755);
    }
    return { PATH: dir };
  }

  it('says what is missing: Java, a recent enough Java, Maven', async () => {
    expect(await canStartCoreNlp({ PATH: '' })).toEqual({
      ok: false,
      reason: 'no Java on PATH (CoreNLP needs Java 17 or newer)',
    });
    const old = await canStartCoreNlp(fakePath('java version "1.8.0_292"', ['mvn', 'bash']));
    expect(old).toEqual({ ok: false, reason: 'Java 8 found, CoreNLP needs Java 17 or newer' });
    const noMaven = await canStartCoreNlp(fakePath('openjdk version "17.0.15" 2025-04-15', ['bash']));
    expect(noMaven.ok).toBe(false);
    expect(!noMaven.ok && noMaven.reason).toMatch(/Maven/);
    expect(await canStartCoreNlp(fakePath('openjdk version "21.0.2" 2024-01-16', ['mvn', 'bash']))).toEqual({
      ok: true,
    });
  });

  it('reads the major version of `java -version`', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_292"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('command not found')).toBeNull();
  });
});

describe('progressLine', () => {
  it("shows start.sh's lines, downloaded jars by name and errors; hides the rest of Maven's output", () => {
    expect(progressLine('corenlp: first run: Maven downloads CoreNLP 4.5.10…')).toBe(
      '  first run: Maven downloads CoreNLP 4.5.10…',
    );
    expect(
      progressLine(
        '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/edu/stanford/nlp/stanford-corenlp/4.5.10/stanford-corenlp-4.5.10-models.jar (474 MB at 31 MB/s)',
      ),
    ).toBe('  downloaded stanford-corenlp-4.5.10-models.jar (474 MB at 31 MB/s)');
    expect(progressLine('Downloading from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.pom')).toBeNull();
    expect(progressLine('SLF4J: Defaulting to no-operation (NOP) logger implementation')).toBeNull();
    expect(progressLine('[ERROR] Failed to execute goal')).toBe('  [ERROR] Failed to execute goal');
  });
});
