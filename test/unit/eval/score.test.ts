/** The eval scorer: lenient on spelling and quote punctuation, strict on who said it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import { loadGold } from '../../../server/eval/gold.js';
import { f1, scoreDocument, totals } from '../../../server/eval/score.js';
import { buildGraph, loadGazetteer } from '../../../server/importer/build-graph.js';
import { readSources } from '../../../server/importer/read/index.js';

describe('scoring against gold', () => {
  it('computes precision, recall and F1', () => {
    const score = f1({ truePositives: 8, falsePositives: 2, falseNegatives: 0 });
    expect(score.precision).toBeCloseTo(0.8);
    expect(score.recall).toBe(1);
    expect(score.f1).toBeCloseTo(8 / 9);
  });

  it('meets the targets on our own unseen-style articles (people, institutions >= 0.85; statements >= 0.75)', async () => {
    const gold = await loadGold(join(REPO_ROOT, 'test', 'fixtures', 'articles', 'gold-unseen'));
    const { documents } = await readSources([join(REPO_ROOT, 'test', 'fixtures', 'articles', 'unseen')]);
    const graph = buildGraph(documents, { gazetteer: await loadGazetteer() });
    const all = totals(gold.map((g) => scoreDocument(g, graph)));
    expect(f1(all.people).f1).toBeGreaterThanOrEqual(0.85);
    expect(f1(all.institutions).f1).toBeGreaterThanOrEqual(0.85);
    expect(f1(all.statements).f1).toBeGreaterThanOrEqual(0.75);
  });

  it('does not count a statement given to the wrong speaker', async () => {
    const gold = await loadGold(join(REPO_ROOT, 'test', 'fixtures', 'articles', 'gold-unseen'));
    const { documents } = await readSources([join(REPO_ROOT, 'test', 'fixtures', 'articles', 'unseen')]);
    const graph = buildGraph(documents, { gazetteer: await loadGazetteer() });
    const tbilisi = gold.find((g) => g.document === 'tbilisi-talks.txt')!;
    const wrong = { ...tbilisi, statements: tbilisi.statements.map((s) => ({ ...s, speaker: 'Tamar Kordzaia' })) };
    const score = scoreDocument(wrong, graph);
    expect(score.categories.statements.truePositives).toBe(1); // only Kordzaia's own statement
  });

  it('neither rewards nor punishes a find the gold lists as uncertain', async () => {
    const gold = await loadGold(join(REPO_ROOT, 'test', 'fixtures', 'articles', 'gold-unseen'));
    const { documents } = await readSources([join(REPO_ROOT, 'test', 'fixtures', 'articles', 'unseen')]);
    const graph = buildGraph(documents, { gazetteer: await loadGazetteer() });
    const moldova = gold.find((g) => g.document === 'moldova-eu-statement.md')!;
    const withNotes = scoreDocument(moldova, graph);
    expect(withNotes.categories.relations.uncertain).toContain('European Union URGED Moldova');
    const withoutNotes = scoreDocument({ ...moldova, uncertain: [] }, graph);
    expect(withoutNotes.categories.relations.falseFinds).toContain('European Union URGED Moldova');
    expect(withoutNotes.categories.relations.falsePositives).toBe(withNotes.categories.relations.falsePositives + 1);
  });
});
