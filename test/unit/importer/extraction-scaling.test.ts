/**
 * Extraction stays linear on long input (issue 14, item 5): a line of 400 KB without a sentence
 * break is cut into bounded sentences and extracted in seconds (it took 98 s), and the range
 * look-ups that replaced scans over all mentions give the scans' answers.
 * Timings are printed by bench/extraction-scaling.ts; the one time limit here is generous.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, loadGazetteer } from '../../../server/importer/build-graph.js';
import { TakenSpans } from '../../../server/importer/extract/mention-basics.js';
import {
  lastMentionBefore,
  mentionsEndingIn,
  mentionsStartingIn,
  mentionsWithin,
} from '../../../server/importer/extract/mention-index.js';
import { MAX_SENTENCE, splitSentences } from '../../../server/importer/extract/sentences.js';
import type { Gazetteer } from '../../../server/importer/gazetteer.js';
import type { SourceDocument } from '../../../server/importer/read/types.js';

/** One line of about `bytes` characters: titles, names and verbs, no full stop, comma or line break. */
function hostileLine(bytes: number): string {
  const names = ['Marta Kovar', 'Oskar Lindqvist', 'Lena Mendes', 'Tomas Halloran', 'Irena Petrescu'];
  const states = ['Austria', 'Portugal', 'Norway', 'Chile'];
  const pieces: string[] = [];
  for (let i = 0, length = 0; length < bytes; i++) {
    const piece = `Foreign Minister ${names[i % 5]} of ${states[i % 4]} met ${names[(i + 1) % 5]} and said`;
    pieces.push(piece);
    length += piece.length + 1;
  }
  return pieces.join(' ');
}

describe('sentences of a text without breaks', () => {
  it('are cut at the bound, and cover the text', () => {
    const text = hostileLine(400_000);
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(text.length / MAX_SENTENCE);
    for (const sentence of sentences) {
      expect(sentence.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    // Only spaces are left out between the pieces.
    for (let i = 1; i < sentences.length; i++)
      expect(text.slice(sentences[i - 1].end, sentences[i].start)).toMatch(/^ *$/);
  });

  it('leave a normal sentence whole', () => {
    const text = 'Mr. Kovar met Foreign Minister Lena Mendes of Norway on Tuesday, officials said. She agreed.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Mr. Kovar met Foreign Minister Lena Mendes of Norway on Tuesday, officials said.',
      'She agreed.',
    ]);
  });
});

describe('extraction of a 400 KB line without sentence breaks', () => {
  let gazetteer: Gazetteer;
  beforeAll(async () => {
    gazetteer = await loadGazetteer();
  });

  // Took 98 s before the fix; a few seconds now, on a loaded machine.
  it('ends within 20 s and finds the people and meetings', { timeout: 20_000 }, () => {
    const text = hostileLine(400_000);
    const document: SourceDocument = {
      path: '/test/hostile.txt',
      fileName: 'hostile.txt',
      format: 'txt',
      title: 'hostile',
      text,
      published: '2024-05-14',
      authors: [],
      url: null,
      publisher: null,
    };
    const batch = buildGraph([document], { gazetteer });
    const names = batch.nodes.filter((node) => node.label === 'Actor').map((node) => node.properties.name);
    expect(names).toContain('Marta Kovar');
    expect(batch.edges.some((edge) => edge.type === 'MET')).toBe(true);
  });
});

describe('range look-ups in sorted mentions', () => {
  // Mentions sorted by start, of varied lengths, some overlapping, as the resolver hands them on.
  const mentions = Array.from({ length: 400 }, (_, i) => {
    const start = Math.floor(i * 7.3) + (i % 3);
    return { start, end: start + 1 + ((i * 13) % 17), id: i };
  }).sort((a, b) => a.start - b.start);
  const shuffled = [...mentions].reverse();

  it('give what filtering every mention gives, in the same order', () => {
    for (let from = -20; from < 3000; from += 37) {
      for (const width of [0, 5, 60, 400]) {
        const to = from + width;
        for (const list of [mentions, shuffled]) {
          expect(mentionsStartingIn(list, from, to)).toEqual(list.filter((m) => m.start >= from && m.start <= to));
          expect(mentionsWithin(list, from, to)).toEqual(list.filter((m) => m.start >= from && m.end <= to));
          expect(mentionsEndingIn(list, from, to)).toEqual(list.filter((m) => m.end >= from && m.end <= to));
        }
      }
      const odd = (m: { id: number }) => m.id % 2 === 1;
      expect(lastMentionBefore(mentions, from, odd)).toEqual(
        [...mentions].reverse().find((m) => m.end <= from && odd(m)),
      );
    }
  });

  it('taken spans overlap as a scan over them says', () => {
    const taken = new TakenSpans();
    const spans: Array<[number, number]> = [];
    for (let i = 0; i < 300; i++) {
      const start = (i * 911) % 5000;
      const span: [number, number] = [start, start + 1 + (i % 40)];
      taken.push(span);
      spans.push(span);
    }
    for (let start = 0; start < 5100; start += 11)
      for (const width of [1, 8, 300])
        expect(taken.overlaps(start, start + width)).toBe(spans.some(([a, b]) => start < b && start + width > a));
  });
});
