/**
 * `--ner` on the CLI as a user runs it: a real process, a throwaway database, and CoreNLP faked by a
 * small local HTTP server (unreachable, refusing one document, dying mid-import), or the real one
 * when CORENLP_URL is set (as .ci/run does). The articles are short texts written for these tests.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { closedUrl, startFakeCoreNlp } from '../helpers/fake-corenlp.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const BIN = join(REPO_ROOT, 'bin', 'actorgraph.js');

afterAll(removeTempDirs);

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Runs the CLI with CORENLP_URL as given, on the embedded store at --db: never ACTORGRAPH_NER,
 * NEO4J_URI or ACTORGRAPH_STORE from the caller's shell (.ci/run sets NEO4J_URI for the whole run).
 */
async function cli(env: { CORENLP_URL?: string }, ...args: string[]): Promise<Result> {
  const { CORENLP_URL: _url, ACTORGRAPH_NER: _ner, NEO4J_URI: _neo4j, ACTORGRAPH_STORE: _store, ...rest } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...rest, ...env },
      maxBuffer: 16 << 20,
      timeout: 120_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

async function nodeCount(db: string): Promise<number> {
  if (!existsSync(db)) return 0;
  const result = await cli({}, 'query', 'MATCH (n) RETURN count(n) AS nodes', '--json', '--db', db);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).rows[0].nodes as number;
}

/** Two short articles in our own words, with names no list knows. */
function articles(): { dir: string; harbour: string; refused: string } {
  const dir = tempDir('actorgraph-ner-articles-');
  const harbour = join(dir, 'harbour.txt');
  writeFileSync(
    harbour,
    `---
title: Velmora opens a second ferry terminal
publisher: Test Wire
published: 2024-03-05
---
The Velmora Harbour Authority opened a second ferry terminal on Tuesday.
"This terminal doubles the crossings to the islands," said Tamsin Orlevy, a spokesperson for the authority.
Ysolde Pennarick, an analyst at the Larchmont Policy Institute, argued that the fares would rise next year.
`,
  );
  const refused = join(dir, 'refused.txt');
  writeFileSync(
    refused,
    `---
title: Orchard growers meet the regional council
published: 2024-04-11
---
Growers met the Dunmere Regional Council on Monday. REFUSE-ME
"We need water before we need subsidies," said Corvin Aldermoss, who chairs the growers' union.
`,
  );
  return { dir, harbour, refused };
}

function freshDb(): string {
  const dir = join(tempDir('actorgraph-ner-db-'), 'db');
  mkdirSync(dir);
  return join(dir, 'graph.kuzu');
}

describe('actorgraph import --ner', () => {
  it('--ner corenlp with CORENLP_URL on a closed port: exit 1, a message naming the URL, nothing written', async () => {
    const url = await closedUrl();
    const db = freshDb();
    const result = await cli({ CORENLP_URL: url }, 'import', articles().dir, '--ner', 'corenlp', '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(url);
    expect(result.stderr).toMatch(/cannot be reached/);
    expect(result.stderr).toContain('npm run corenlp:dev');
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(await nodeCount(db)).toBe(0);
  });

  it('--ner auto with that URL imports with the rules and says it fell back', async () => {
    const url = await closedUrl();
    const db = freshDb();
    const result = await cli({ CORENLP_URL: url }, 'import', articles().dir, '--db', db);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`CoreNLP at ${url} cannot be reached.*names come from the rules alone`));
    expect(result.stdout).toMatch(/Imported 2 document\(s\)/);
    expect(result.stdout).toContain(`Names: rules only (CoreNLP at ${url} not reachable)`);
    expect(await nodeCount(db)).toBeGreaterThan(0);
  });

  it('--ner rules says so in the summary and asks no server', async () => {
    const fake = await startFakeCoreNlp(() => 'annotate');
    try {
      const result = await cli(
        { CORENLP_URL: fake.url },
        'import',
        articles().harbour,
        '--ner',
        'rules',
        '--db',
        freshDb(),
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Names: rules only (--ner rules)');
      expect(fake.posted).toHaveLength(0);
    } finally {
      await fake.close();
    }
  });

  it('a document CoreNLP answers HTTP 500 for is skipped with its reason, the others imported', async () => {
    const fake = await startFakeCoreNlp((text) => (text.includes('REFUSE-ME') ? 'error' : 'annotate'));
    try {
      const { dir, refused } = articles();
      const result = await cli({ CORENLP_URL: fake.url }, 'import', dir, '--ner', 'corenlp', '--db', freshDb());
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/Imported 1 document\(s\)/);
      expect(result.stdout).toContain(`Names: CoreNLP (${fake.url})`);
      expect(result.stdout).toContain(refused);
      expect(result.stdout).toMatch(/refused\.txt: .*HTTP 500/);
    } finally {
      await fake.close();
    }
  });

  it('CoreNLP dying mid-import: --ner corenlp stops and writes nothing; --ner auto goes on with the rules', async () => {
    // Ready at first, then every annotation request has its connection reset.
    const fake = await startFakeCoreNlp(() => 'reset');
    try {
      const db = freshDb();
      const strict = await cli({ CORENLP_URL: fake.url }, 'import', articles().dir, '--ner', 'corenlp', '--db', db);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain(`CoreNLP at ${fake.url} stopped answering`);
      expect(strict.stderr).toContain('Nothing was imported');
      expect(await nodeCount(db)).toBe(0);

      const auto = await cli({ CORENLP_URL: fake.url }, 'import', articles().dir, '--ner', 'auto', '--db', db);
      expect(auto.code, auto.stderr).toBe(0);
      expect(auto.stderr).toMatch(/CoreNLP failed during the import .*rules alone/);
      expect(auto.stdout).toMatch(/Imported 2 document\(s\)/);
      expect(auto.stdout).toMatch(/Names: rules only \(fell back to the rules: CoreNLP at .* stopped answering/);
      expect(await nodeCount(db)).toBeGreaterThan(0);
    } finally {
      await fake.close();
    }
  });

  it('refuses an unknown mode, naming the choices', async () => {
    const result = await cli({}, 'import', articles().harbour, '--ner', 'spacy', '--db', freshDb());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/spacy.*auto, corenlp, rules/);
  });

  it('eval prints which names were used on its first line', async () => {
    const gold = tempDir('actorgraph-ner-gold-');
    const result = await cli({}, 'eval', '--gold', gold, '--ner', 'rules', '--quiet', articles().harbour);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Names: rules only (--ner rules)');
  });

  it('lists --ner in the help of import, start and eval', async () => {
    for (const command of ['import', 'start', 'eval']) {
      expect((await cli({}, command, '--help')).stdout, command).toContain('--ner <mode>');
    }
  });
});

describe.skipIf(!process.env.CORENLP_URL)('actorgraph import --ner corenlp (the real CoreNLP at CORENLP_URL)', () => {
  it('imports an article with CoreNLP and says so in the summary', async () => {
    const url = process.env.CORENLP_URL!.replace(/\/+$/, '');
    const db = freshDb();
    const result = await cli({ CORENLP_URL: url }, 'import', articles().harbour, '--ner', 'corenlp', '--db', db);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Imported 1 document\(s\)/);
    expect(result.stdout).toContain(`Names: CoreNLP (${url})`);
    const names = await cli({}, 'query', 'MATCH (a:Actor) RETURN a.name AS name', '--json', '--db', db);
    const found = JSON.parse(names.stdout).rows.map((row: { name: string }) => row.name);
    // Names that no gazetteer or cue list knows: the model tagged them.
    expect(found).toEqual(expect.arrayContaining(['Tamsin Orlevy', 'Ysolde Pennarick']));
  });
});
