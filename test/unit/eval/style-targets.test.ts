/**
 * Extraction on our own articles in the styles the importer was not first written for (wire,
 * interview, readout, op-ed, analysis, UN report; test/fixtures/articles/styles and heldout), with
 * the rules alone and, when CORENLP_URL names a server (as in .ci/run), with CoreNLP's names.
 * The floors sit under what was measured (see the closing note of issue 10), so a change that
 * loses extraction quality fails here.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import { loadGold } from '../../../server/eval/gold.js';
import { f1, scoreDocument, totals } from '../../../server/eval/score.js';
import { buildGraph, loadGazetteer } from '../../../server/importer/build-graph.js';
import { CoreNlpClient } from '../../../server/importer/ner/corenlp-client.js';
import { tagDocuments } from '../../../server/importer/ner/tag-documents.js';
import { readSources } from '../../../server/importer/read/index.js';

const ARTICLES = join(REPO_ROOT, 'test', 'fixtures', 'articles');

async function scores(set: 'styles' | 'heldout', corenlpUrl?: string) {
  const gold = await loadGold(join(ARTICLES, `gold-${set}`));
  const { documents } = await readSources([join(ARTICLES, set)]);
  const tagger = corenlpUrl ? new CoreNlpClient({ url: corenlpUrl }) : null;
  const tagged = await tagDocuments(documents, { tagger, mode: tagger ? 'corenlp' : 'rules' });
  const graph = buildGraph(tagged.documents, {
    gazetteer: await loadGazetteer(),
    ner: tagged.spans,
  });
  const all = totals(gold.map((g) => scoreDocument(g, graph)));
  const names = f1({
    truePositives: all.people.truePositives + all.institutions.truePositives,
    falsePositives: all.people.falsePositives + all.institutions.falsePositives,
    falseNegatives: all.people.falseNegatives + all.institutions.falseNegatives,
  }).f1;
  return { names, statements: f1(all.statements).f1 };
}

describe('extraction in other news styles, rules alone', () => {
  it.each(['styles', 'heldout'] as const)('%s: people + institutions >= 0.85, statements >= 0.78', async (set) => {
    const { names, statements } = await scores(set);
    expect(names).toBeGreaterThanOrEqual(0.85);
    expect(statements).toBeGreaterThanOrEqual(0.78);
  });
});

const url = process.env.CORENLP_URL;

describe.skipIf(!url)('extraction in other news styles, names from CoreNLP (CORENLP_URL)', () => {
  it.each(['styles', 'heldout'] as const)('%s: people + institutions >= 0.90, statements >= 0.88', async (set) => {
    const { names, statements } = await scores(set, url);
    expect(names).toBeGreaterThanOrEqual(0.9);
    expect(statements).toBeGreaterThanOrEqual(0.88);
  });
});
