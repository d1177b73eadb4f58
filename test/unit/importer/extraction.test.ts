/**
 * Extraction on the sample articles and on short unseen-style articles whose names the gazetteer
 * does not know: the facts a reader checks first.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import { decodeEvidence, type GraphBatch, type GraphEdge, type GraphNode } from '../../../server/domain/graph.js';
import { buildGraph, loadGazetteer } from '../../../server/importer/build-graph.js';
import { splitSentences } from '../../../server/importer/extract/sentences.js';
import type { Gazetteer } from '../../../server/importer/gazetteer.js';
import { readSources } from '../../../server/importer/read/index.js';

let gazetteer: Gazetteer;
let samples: GraphBatch;
let unseen: GraphBatch;

const named = (batch: GraphBatch, name: string): GraphNode | undefined =>
  batch.nodes.find((node) => node.properties.name === name);
const edgesOf = (batch: GraphBatch, type: string, source?: GraphNode, target?: GraphNode): GraphEdge[] =>
  batch.edges.filter(
    (edge) => edge.type === type && (!source || edge.source === source.id) && (!target || edge.target === target.id),
  );
const statementsBy = (batch: GraphBatch, speaker: GraphNode) =>
  edgesOf(batch, 'SAID', speaker).map((edge) => batch.nodes.find((node) => node.id === edge.target)!);

beforeAll(async () => {
  gazetteer = await loadGazetteer();
  samples = buildGraph((await readSources([join(REPO_ROOT, 'data', 'articles')])).documents, { gazetteer });
  unseen = buildGraph((await readSources([join(REPO_ROOT, 'test', 'fixtures', 'articles', 'unseen')])).documents, {
    gazetteer,
  });
});

describe('sentences', () => {
  it('does not split after titles and abbreviations, and keeps offsets into the text', () => {
    const text =
      'Mr. Blinken called Col. Shaw in the U.S. capital. He said yes.\nA headline without a stop\nNext line.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'Mr. Blinken called Col. Shaw in the U.S. capital.',
      'He said yes.',
      'A headline without a stop',
      'Next line.',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });
});

describe('the sample articles', () => {
  it('knows Ilham Aliyev as a person who holds the role of President of Azerbaijan, with the sentence that says so', () => {
    const aliyev = named(samples, 'Ilham Aliyev')!;
    expect(aliyev).toMatchObject({ label: 'Actor', properties: { kind: 'person' } });
    const [role] = edgesOf(samples, 'HOLDS_ROLE', aliyev, named(samples, 'Azerbaijan'));
    expect(role?.properties).toMatchObject({ title: 'President', status: 'current' });
    expect(decodeEvidence(role.properties.evidence)[0].sentence).toContain('Aliyev');
  });

  it('makes one Blinken of "Anthony Blinken", "Mr. Blinken", "Secretary Blinken" and "Blinken"', () => {
    const blinkens = samples.nodes.filter((node) => String(node.properties.name).includes('Blinken'));
    expect(blinkens).toHaveLength(1);
    expect(blinkens[0].properties.name).toBe('Anthony Blinken');
    expect(blinkens[0].properties.aliases).toEqual(
      expect.arrayContaining(['Blinken', 'Mr. Blinken', 'Secretary Blinken']),
    );
  });

  it('keeps one statement for a quote both articles carry, said by Aliyev and reported in both', () => {
    const aliyev = named(samples, 'Ilham Aliyev')!;
    const balance = statementsBy(samples, aliyev).filter((s) =>
      String(s.properties.text).includes('the balance is disturbed'),
    );
    expect(balance).toHaveLength(1);
    expect(edgesOf(samples, 'REPORTED_IN', balance[0]).map((edge) => edge.target)).toHaveLength(2);
    const message = statementsBy(samples, aliyev).find((s) =>
      /didn.t get any message from new administration so far/.test(String(s.properties.text)),
    );
    expect(message?.properties).toMatchObject({ kind: 'quote' });
  });

  it('resolves "he added" and "Azerbaijan\'s top official" to Aliyev', () => {
    const aliyev = named(samples, 'Ilham Aliyev')!;
    const texts = statementsBy(samples, aliyev).map((s) => String(s.properties.text));
    expect(texts.some((t) => t.startsWith('We don’t know what is the position of the US government'))).toBe(true);
    expect(
      texts.some((t) => t.startsWith('Washington’s new government should deliver a balanced foreign policy')),
    ).toBe(true);
  });

  it('dates statements from the text: "in an October 28 statement" is 2020-10-28', () => {
    const biden = named(samples, 'Joe Biden')!;
    const push = statementsBy(samples, biden).find(
      (s) => String(s.properties.text) === 'push for an immediate de-escalation',
    );
    expect(push?.properties).toMatchObject({ date: '2020-10-28', dateSource: 'text' });
  });

  it('finds Daniel Baer as a senior fellow at the Carnegie Endowment and former ambassador to the OSCE', () => {
    const baer = named(samples, 'Daniel Baer')!;
    const carnegie = named(samples, 'Carnegie Endowment for International Peace')!;
    expect(edgesOf(samples, 'HOLDS_ROLE', baer, carnegie)[0]?.properties).toMatchObject({
      title: 'senior fellow',
      status: 'current',
    });
    expect(edgesOf(samples, 'AFFILIATED_WITH', baer, carnegie)).toHaveLength(1);
    const osce = named(samples, 'Organization for Security and Cooperation in Europe')!;
    expect(edgesOf(samples, 'HOLDS_ROLE', baer, osce)[0]?.properties).toMatchObject({
      title: 'ambassador',
      status: 'former',
    });
  });

  it('finds the phone call of March 6, the co-chairs of the Minsk Group and the authors', () => {
    const [call] = edgesOf(samples, 'CONTACTED', named(samples, 'Anthony Blinken'), named(samples, 'Nikol Pashinyan'));
    expect(call?.properties.date).toBe('2021-03-06');
    expect(new Set(decodeEvidence(call.properties.evidence).map((e) => e.documentId)).size).toBe(2);
    const minsk = named(samples, 'OSCE Minsk Group')!;
    const chairs = edgesOf(samples, 'MEMBER_OF', undefined, minsk).map(
      (edge) => samples.nodes.find((n) => n.id === edge.source)!.properties.name,
    );
    expect(new Set(chairs)).toEqual(new Set(['Russia', 'France', 'United States']));
    expect(
      edgesOf(samples, 'WROTE')
        .map((edge) => samples.nodes.find((n) => n.id === edge.source)!.properties.name)
        .sort(),
    ).toEqual(['Mushvig Mehdiyev', 'Orkhan Jalilov']);
  });

  it('gives every fact its rule, confidence and evidence', () => {
    for (const edge of samples.edges.filter((e) => !['MENTIONED_IN', 'WROTE'].includes(e.type))) {
      expect(edge.properties.rule, edge.id).toEqual(expect.any(String));
      expect(edge.properties.confidence, edge.id).toBeGreaterThan(0);
      expect(decodeEvidence(edge.properties.evidence).length, edge.id).toBeGreaterThan(0);
    }
  });

  it('is deterministic: the same articles give the same batch', async () => {
    const again = buildGraph((await readSources([join(REPO_ROOT, 'data', 'articles')])).documents, { gazetteer });
    expect(again).toEqual(samples);
  });
});

describe('articles with names no list knows', () => {
  it('finds the people, their roles and what they said', () => {
    for (const name of [
      'Ilia Darchiashvili',
      'Olivér Várhelyi',
      'Tamar Kordzaia',
      'Parviz Shahbazov',
      'Edem Wosornu',
      'Vassily Nebenzia',
      'Barbara Woodward',
    ]) {
      expect(named(unseen, name), name).toMatchObject({ label: 'Actor', properties: { kind: 'person' } });
    }
    const darchiashvili = named(unseen, 'Ilia Darchiashvili')!;
    expect(edgesOf(unseen, 'HOLDS_ROLE', darchiashvili, named(unseen, 'Georgia'))[0]?.properties.title).toBe(
      'Foreign Minister',
    );
    expect(statementsBy(unseen, darchiashvili).map((s) => s.properties.text)).toContain(
      'Georgia has done its homework, and we expect a fair assessment in the autumn',
    );
    const wosornu = named(unseen, 'Edem Wosornu')!;
    expect(statementsBy(unseen, wosornu).map((s) => s.properties.text)).toContain(
      'People are running out of food and medicine',
    );
  });

  it('finds institutions by their shape: "… Institute for Democratic Reform", "Office for the Coordination of …"', () => {
    expect(named(unseen, 'Tbilisi Institute for Democratic Reform')).toMatchObject({
      label: 'Institution',
      properties: { kind: 'think_tank' },
    });
    expect(named(unseen, 'Office for the Coordination of Humanitarian Affairs')?.label).toBe('Institution');
    expect(named(unseen, 'Central Asia Energy Forum')?.label).toBe('Institution');
  });

  it('reads a ministry statement: institutions as speakers, "the ministry said", "according to"', () => {
    const ministry = named(unseen, 'Ministry of Foreign Affairs of Azerbaijan')!;
    expect(ministry.label).toBe('Institution');
    const texts = statementsBy(unseen, ministry).map((s) => s.properties.text);
    expect(texts).toContain('Armenian forces had fired on positions near the border');
    expect(texts).toContain('Such provocations undermine the peace process');
    expect(statementsBy(unseen, named(unseen, 'Hikmet Hajiyev')!).map((s) => s.properties.text)).toContain(
      'the incident will be raised with the European Union',
    );
    // "Armenia's Defense Ministry": whose ministry it is stays in the name.
    expect(named(unseen, "Armenia's Defense Ministry")?.label).toBe('Institution');
  });
});
