/**
 * The import streams a corpus in batches; the graph must not depend on where batches begin and
 * end: one run in small batches, one run in one batch and ten imports of consecutive parts into
 * one database give the same export.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import type { GraphBatch } from '../../../server/domain/graph.js';
import { importDocuments, type ImportOptions } from '../../../server/importer/import-documents.js';
import { KuzuStore } from '../../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

const FOLDERS = ['data/articles', ...['unseen', 'styles', 'heldout'].map((name) => `test/fixtures/articles/${name}`)];

/** The corpus as numbered files, so that every import reads them in the same order. */
function corpusFiles(): string[] {
  const dir = tempDir('actorgraph-stream-corpus-');
  const files: string[] = [];
  for (const folder of FOLDERS)
    for (const name of readdirSync(join(REPO_ROOT, folder)).sort()) {
      const file = join(dir, `${String(files.length).padStart(3, '0')}-${name}`);
      copyFileSync(join(REPO_ROOT, folder, name), file);
      files.push(file);
    }
  return files;
}

/** The files split into `count` consecutive folders of nearly equal size. */
function parts(files: string[], count: number): string[] {
  const dirs = Array.from({ length: count }, () => tempDir('actorgraph-stream-part-'));
  files.forEach((file, index) =>
    copyFileSync(file, join(dirs[Math.floor((index * count) / files.length)], file.split('/').pop()!)),
  );
  return dirs;
}

async function exportOf(imports: string[][], options: ImportOptions): Promise<GraphBatch> {
  const store = await KuzuStore.open({ path: join(tempDir(), 'graph.lbug'), readOnly: false });
  try {
    for (const paths of imports) await importDocuments(store, paths, options);
    const graph = await store.exportAll();
    return {
      nodes: [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id)),
      edges: [...graph.edges].sort((a, b) => a.id.localeCompare(b.id)),
    };
  } finally {
    await store.close();
  }
}

let files: string[];
let atOnce: GraphBatch;

beforeAll(async () => {
  files = corpusFiles();
  atOnce = await exportOf([files], { batchSize: 1000 });
}, 120_000);

afterAll(removeTempDirs);

describe('a streamed import', () => {
  it('imports the corpus with statements, roles and relations', () => {
    expect(files.length).toBeGreaterThan(20);
    const labels = new Set<string>(atOnce.nodes.map((node) => node.label));
    expect(['Actor', 'Document', 'Institution', 'Statement'].every((label) => labels.has(label))).toBe(true);
    expect(atOnce.nodes.filter((node) => node.label === 'Document')).toHaveLength(files.length);
    expect(atOnce.edges.some((edge) => edge.type === 'SAID')).toBe(true);
  });

  it('gives the same graph in batches of 3 documents as in one batch', { timeout: 120_000 }, async () => {
    expect(await exportOf([files], { batchSize: 3 })).toEqual(atOnce);
  });

  it(
    'gives the same graph with its statements written a few at a time as in one write',
    { timeout: 120_000 },
    async () => {
      const statements = atOnce.nodes.filter((node) => node.label === 'Statement').length;
      expect(statements).toBeGreaterThan(10);
      expect(await exportOf([files], { statementsPerWrite: Math.ceil(statements / 4) })).toEqual(atOnce);
    },
  );

  it(
    'counts each node and relationship it wrote once, in the report, however the writes split them',
    { timeout: 120_000 },
    async () => {
      // The report remembers only the ids that several writes can hold (entities, relations), not
      // those written once (documents, statements and their relationships): the counts stay exact.
      const store = await KuzuStore.open({ path: join(tempDir(), 'graph.lbug'), readOnly: false });
      try {
        const report = await importDocuments(store, files, { batchSize: 3, statementsPerWrite: 7 });
        const graph = await store.exportAll();
        const countBy = (keys: string[]) => {
          const counts: Record<string, number> = {};
          for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
          return counts;
        };
        expect(report.nodesByLabel).toEqual(countBy(graph.nodes.map((node) => node.label)));
        expect(report.edgesByType).toEqual(countBy(graph.edges.map((edge) => edge.type)));
      } finally {
        await store.close();
      }
    },
  );

  it('gives the same graph in ten imports of consecutive parts as in one import', { timeout: 180_000 }, async () => {
    // Without the one article whose lone surname ("Asia") only resolves against a full name in
    // another part ("Southeast Asia"): separate imports do not resolve surnames against the
    // store (the next test shows that limit on purpose).
    const resolvable = files.filter((file) => !file.endsWith('analysis-japan-us-command.txt'));
    const reference = await exportOf([resolvable], {});
    const tenParts = parts(resolvable, 10);
    expect(tenParts).toHaveLength(10);
    expect(
      await exportOf(
        tenParts.map((dir) => [dir]),
        {},
      ),
    ).toEqual(reference);
  });

  it('does not resolve a lone surname against a full name from an earlier import', { timeout: 60_000 }, async () => {
    const dir = tempDir('actorgraph-stream-surname-');
    const first = join(dir, 'first');
    const second = join(dir, 'second');
    mkdirSync(first);
    mkdirSync(second);
    writeFileSync(
      join(first, 'a.txt'),
      'Harbour talks resume\n\nMarta Oyelaran, the port authority chief, said on Monday that the talks would resume.\n',
    );
    writeFileSync(
      join(second, 'b.txt'),
      'Harbour deal signed\n\nThe deal was signed on Friday. Oyelaran said the port would reopen in May.\n',
    );
    const surnameOf = (graph: GraphBatch) =>
      graph.edges.filter((edge) => edge.type === 'MENTIONED_IN' && edge.source === 'actor:marta-oyelaran').length;
    expect(surnameOf(await exportOf([[first, second]], {}))).toBe(2);
    expect(surnameOf(await exportOf([[first], [second]], {}))).toBe(1);
  });
});
