/**
 * startCoreNlp: progress, readiness, failures and stopping, with stand-in scripts (cheap), and once
 * with CoreNLP's real server (~20 s, 3 GB of heap: when the test setup started CoreNLP for this run,
 * which shows this machine can, or with CORENLP_LAUNCH_TEST=1, or in CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CoreNlpClient } from '../../../server/importer/ner/corenlp-client.js';
import { startCoreNlp } from '../../../server/importer/ner/corenlp-launcher.js';
import { NerUnavailableError } from '../../../server/importer/ner/ner-types.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';
import '../../setup/provided.js';

afterAll(removeTempDirs);

function script(body: string): string {
  const path = join(tempDir('actorgraph-launcher-'), 'start.sh');
  writeFileSync(path, `set -eu\n${body}\n`);
  return path;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A stand-in for start.sh: a Node HTTP server on the given port that answers /ready. */
const READY_SERVER = script(`
echo "corenlp: loading the models…" >&2
exec "${process.execPath}" -e '
  const server = require("node:http").createServer((q, r) => r.end(q.url === "/ready" ? "ready" : "{}"));
  server.listen(Number(process.argv[1]), "127.0.0.1", () => console.log("READY"));
' "$1"`);

describe('startCoreNlp (stand-in scripts)', () => {
  it('forwards progress, resolves once /ready answers, and stop() ends the process group', async () => {
    const lines: string[] = [];
    const listeners = process.listenerCount('SIGINT');
    const running = await startCoreNlp({ script: READY_SERVER, onProgress: (line) => lines.push(line) });
    expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
    expect(await (await fetch(`${running.url}/ready`)).text()).toBe('ready');
    expect(lines).toContain('corenlp: loading the models…');
    expect(process.listenerCount('SIGINT')).toBe(listeners + 1);
    expect(alive(running.pid)).toBe(true);
    await running.stop();
    await running.stop(); // idempotent
    expect(alive(running.pid)).toBe(false);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('a server that exits before it is ready: the error has its exit code and last lines', async () => {
    const failing = script('echo "corenlp: java is not on PATH (CoreNLP needs Java 17 or newer)" >&2\nexit 2');
    const error = await startCoreNlp({ script: failing }).catch((e) => e);
    expect(error).toBeInstanceOf(NerUnavailableError);
    expect(error.message).toMatch(/stopped before it was ready \(exit code 2\)/);
    expect(error.message).toContain('java is not on PATH');
  });

  it('a server that never answers: a bounded wait, then it is stopped', async () => {
    const pidFile = join(tempDir(), 'pid');
    const hanging = script(`echo $$ > "${pidFile}"\nexec sleep 600`);
    const started = Date.now();
    const error = await startCoreNlp({ script: hanging, readyTimeoutMs: 1_500 }).catch((e) => e);
    expect(error).toBeInstanceOf(NerUnavailableError);
    expect(error.message).toMatch(/did not answer http:\/\/127\.0\.0\.1:\d+\/ready within 2 s/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });
});

const launchTest =
  inject('testServices').corenlp === 'started' || process.env.CORENLP_LAUNCH_TEST === '1' || process.env.CI === 'true';

describe.skipIf(!launchTest)('startCoreNlp (the real CoreNLP server)', () => {
  it('starts services/corenlp/start.sh on a free port, tags a sentence, and stops', async () => {
    const running = await startCoreNlp({});
    try {
      const spans = await new CoreNlpClient({ url: running.url }).tag(
        'Ysolde Pennarick, an analyst at the Larchmont Policy Institute, spoke in Brevania.',
      );
      expect(spans).toContainEqual(expect.objectContaining({ text: 'Ysolde Pennarick', tag: 'PERSON' }));
    } finally {
      await running.stop();
    }
    expect(alive(running.pid)).toBe(false);
  }, 900_000);
});
