/**
 * The extraction's whole output for two short articles of our own that touch most mention rules
 * (gazetteer forms with dots, possessives and curly apostrophes, capitals as government and as
 * place, forms inside longer names, demonyms, titles and honorifics, names the gazetteer does not
 * know): a change anywhere in what is extracted shows here, so a change meant only to make
 * extraction faster can be checked to change nothing. When a rule is changed on purpose, look at
 * the difference and update the expectations (`npx vitest run <this file> -u` rewrites __snapshots__/extraction-output.txt).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphBatch } from '../../../server/domain/graph.js';
import { buildGraph, loadGazetteer } from '../../../server/importer/build-graph.js';
import { findMentions } from '../../../server/importer/extract/mentions.js';
import type { Gazetteer } from '../../../server/importer/gazetteer.js';
import type { NerSpan } from '../../../server/importer/ner/ner-types.js';
import type { SourceDocument } from '../../../server/importer/read/types.js';

// One paragraph without a line break: the gazetteer reads it with its curly apostrophes made straight.
const BRIEFING =
  'Foreign Minister Teodora Vilkaite of Lithuania met U.S. Secretary of State Anthony Blinken in Baku on ' +
  'Monday. “We will not wait for the Minsk process,” Vilkaite said. Baku said the talks were useful, ' +
  'and Russia’s envoy, Mr. Orlov, called the U.S.-led plan premature. Kyrgyz officials and the OSCE ' +
  'Minsk group joined the Baku-Tbilisi-Kars talks; the Washington Post and Helsinki Final Act were ' +
  'cited. Analyst Ruta Kessler, a senior fellow at the Nordic Policy Institute, said Washington’s ' +
  'offer came too late for Yerevan.';

const ANALYSIS = [
  'Caspian ferries face a long winter',
  '',
  'Deputy Prime Minister Arslan Nurbekov of Kazakhstan warned on Tuesday that freight across the ' +
    'Caspian Sea would slow. "Our ports are full," Nurbekov told reporters in Aktau.',
  '',
  "The European Union's transport commissioner, Ilse Moravec, urged Azerbaijan and Turkmenistan to " +
    'share berths. Tehran criticized the plan, according to a statement by the Iranian Foreign Ministry.',
  '',
  'At the Astana talks, the Kremlin backed the proposal while Georgian Prime Minister Levan Tsereteli ' +
    "said Georgia's railways could take more cargo. Dr. Hana Okoro of the Caspian Freight Forum, an " +
    'analyst, noted that the U.S.A. and the U.K. had stayed silent.',
].join('\n');

function documentOf(name: string, title: string, text: string): SourceDocument {
  return {
    path: `/test/${name}.txt`,
    fileName: `${name}.txt`,
    format: 'txt',
    title,
    text,
    published: '2025-02-11',
    authors: ['Mira Lenz'],
    url: null,
    publisher: 'Test Wire',
  };
}

let gazetteer: Gazetteer;

beforeAll(async () => {
  gazetteer = await loadGazetteer();
});

describe('the mentions found in a briefing', () => {
  it('are these, in text order, each with its rule, title and possessive', () => {
    const found = findMentions(BRIEFING, gazetteer).map((m) =>
      [m.text, m.start, m.type, m.rule, m.title ?? '', m.possessive ? "'s" : ''].join(' | '),
    );
    expect(found).toEqual([
      'Teodora Vilkaite | 17 | person | person:cue | Foreign Minister | ',
      'Lithuania | 37 | state | gazetteer |  | ',
      'U.S. | 51 | state | gazetteer |  | ',
      'Anthony Blinken | 75 | person | gazetteer | Secretary of State | ',
      'Baku | 94 | place | gazetteer:capital-as-place |  | ',
      'Minsk process | 136 | institution | gazetteer |  | ',
      'Vilkaite | 152 | surname | surname |  | ',
      'Baku | 167 | state | gazetteer |  | ',
      "Russia | 204 | state | gazetteer |  | 's",
      'Orlov | 224 | surname | surname | Mr | ',
      'U.S. | 242 | state | gazetteer |  | ',
      'Kyrgyz | 267 | state | gazetteer:demonym |  | ',
      'OSCE Minsk group | 292 | institution | gazetteer |  | ',
      'Baku | 320 | state | gazetteer |  | ',
      'Washington Post | 349 | institution | gazetteer |  | ',
      'Ruta Kessler | 408 | person | person:cue |  | ',
      'Nordic Policy Institute | 445 | institution | org:keyword |  | ',
      "Washington | 475 | state | gazetteer |  | 's",
      'Yerevan | 512 | state | gazetteer |  | ',
    ]);
  });
});

describe('the graph of two articles', () => {
  it('is the same, node for node and relationship for relationship, with and without tags', async () => {
    const briefing = documentOf('briefing', 'Ministers meet in Baku', BRIEFING);
    const analysis = documentOf('analysis', 'Caspian ferries', ANALYSIS);
    // What a tagger might say about the analysis: people, an organisation, a city.
    const tag = (text: string, tagName: string): NerSpan => {
      const start = ANALYSIS.indexOf(text);
      return { start, end: start + text.length, text, tag: tagName };
    };
    const spans = [
      tag('Arslan Nurbekov', 'PERSON'),
      tag('Aktau', 'CITY'),
      tag('Ilse Moravec', 'PERSON'),
      tag('Levan Tsereteli', 'PERSON'),
      tag('Hana Okoro', 'PERSON'),
      tag('Caspian Freight Forum', 'ORGANIZATION'),
    ].sort((a, b) => a.start - b.start);
    const rules = buildGraph([briefing, analysis], { gazetteer });
    const tagged = buildGraph([briefing, analysis], { gazetteer, ner: new Map([[analysis, spans]]) });
    // One node or relationship a line, so that a difference reads line by line.
    const lines = (batch: GraphBatch) => [...batch.nodes, ...batch.edges].map((item) => JSON.stringify(item));
    const output = ['# rules alone', ...lines(rules), '# with the tags', ...lines(tagged), ''].join('\n');
    await expect(output).toMatchFileSnapshot('__snapshots__/extraction-output.txt');
  });
});
