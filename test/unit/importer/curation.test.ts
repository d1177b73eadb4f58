/** Analysts' corrections: validated with line numbers, applied on every import, marked as curated. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import { decodeEvidence } from '../../../server/domain/graph.js';
import { applyCuration } from '../../../server/importer/curation/apply-curation.js';
import { parseCuration } from '../../../server/importer/curation/curation-file.js';
import { importDocuments } from '../../../server/importer/import-documents.js';
import { KuzuStore } from '../../../server/store/kuzu/kuzu-store.js';
import { sampleGraph } from '../../helpers/sample-graph.js';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.js';

afterAll(removeTempDirs);

describe('the curation file', () => {
  it('says which line is wrong', () => {
    const text = 'corrections:\n  - rename: Ada Lovelace\n    to: Ada King\n  - set_kind: Ada King\n    kind: planet\n';
    expect(() => parseCuration(text, 'curation.yaml')).toThrow(/curation\.yaml:5: corrections.1.kind/);
    expect(() => parseCuration('corrections:\n  - frobnicate: x\n', 'c.yaml')).toThrow(
      /c\.yaml:2: .*not a known correction/,
    );
    expect(() => parseCuration('corrections: [\n', 'c.yaml')).toThrow(/c\.yaml:\d+:/);
    expect(() => parseCuration('corrections:\n  - add: { source: A, type: MET, target: B }\n', 'c.yaml')).toThrow(
      /note/,
    );
  });

  it('merges, renames, sets kinds, removes and adds facts', () => {
    const corrections = parseCuration(
      [
        'corrections:',
        '  - merge: [Ada Lovelace, Charles Babbage]',
        '    into: Ada Lovelace',
        '  - rename: Ruritania',
        '    to: Kingdom of Ruritania',
        '  - set_kind: Analytical Society',
        '    kind: think_tank',
        '  - add: { source: Analytical Society, type: SUPPORTS, target: Kingdom of Ruritania, date: 2024-05-03 }',
        '    note: Society minutes, 3 May 2024',
        '  - remove: { entity: Nobody Known }',
      ].join('\n'),
    );
    const { batch, applied, warnings } = applyCuration(sampleGraph(), corrections);
    expect(applied).toBe(4);
    expect(warnings).toEqual(['curation: remove: no entity named "Nobody Known" in this import']);
    expect(batch.nodes.find((n) => n.id === 'actor:charles-babbage')).toBeUndefined();
    const ada = batch.nodes.find((n) => n.id === 'actor:ada-lovelace')!;
    expect(ada.properties.aliases).toEqual(expect.arrayContaining(['Charles Babbage', 'Babbage']));
    expect(batch.edges.some((e) => e.type === 'MET')).toBe(false); // Ada met Babbage: now one person
    expect(batch.nodes.find((n) => n.id === 'actor:ruritania')!.properties).toMatchObject({
      name: 'Kingdom of Ruritania',
      aliases: ['Ruritania'],
    });
    expect(batch.nodes.find((n) => n.id === 'inst:analytical-society')!.properties.kind).toBe('think_tank');
    const added = batch.edges.find((e) => e.type === 'SUPPORTS')!;
    expect(added.properties).toMatchObject({ rule: 'curated', confidence: 1, date: '2024-05-03' });
    expect(decodeEvidence(added.properties.evidence)[0].sentence).toBe('Society minutes, 3 May 2024');
  });

  it('is applied on every import, so a correction survives re-importing', async () => {
    const dir = tempDir();
    const curation = join(dir, 'curation.yaml');
    writeFileSync(
      curation,
      'corrections:\n  - remove: { source: Joe Biden, type: CRITICIZED, target: Turkey }\n    note: test\n  - add: { source: Michael Pompeo, type: MET, target: Nikol Pashinyan }\n    note: a hand-added meeting\n',
    );
    const store = await KuzuStore.open({ path: join(dir, 'g.kuzu'), readOnly: false });
    try {
      for (let round = 0; round < 2; round++) {
        const report = await importDocuments(store, [join(REPO_ROOT, 'data', 'articles')], { curationPath: curation });
        expect(report.curation).toEqual({ applied: 2, warnings: [] });
      }
      const edges = (await store.exportAll()).edges;
      expect(edges.filter((e) => e.type === 'CRITICIZED' && e.target === 'actor:turkey')).toEqual([]);
      expect(edges.find((e) => e.type === 'MET')?.properties.rule).toBe('curated');
    } finally {
      await store.close();
    }
  });
});
