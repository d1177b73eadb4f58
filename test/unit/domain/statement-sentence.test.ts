/**
 * A statement reads as one sentence wherever it is listed: speaker — said — "text" — about X, Y —
 * date — source. The parts a statement has no value for are left out, never printed empty.
 */
import { describe, expect, it } from 'vitest';
import {
  sentenceParts,
  statementSentence,
  withSentence,
  type StatementFacts,
} from '../../../server/domain/statement-sentence.js';

function statement(overrides: Partial<StatementFacts> = {}): StatementFacts {
  return {
    id: 'stmt:1',
    text: 'The bridge will open in spring',
    kind: 'quote',
    date: '2021-03-04',
    dateSource: 'text',
    confidence: 0.8,
    speaker: { id: 'actor:mara-quill', caption: 'Mara Quill' },
    speakers: [{ id: 'actor:mara-quill', label: 'Actor', caption: 'Mara Quill' }],
    about: [
      { id: 'actor:north-bank', label: 'Actor', caption: 'North Bank' },
      { id: 'inst:river-board', label: 'Institution', caption: 'River Board' },
    ],
    sources: [
      { documentId: 'doc:a', documentTitle: 'Bridge news', published: '2021-03-05', sentence: 's', start: 0, end: 1 },
    ],
    ...overrides,
  };
}

describe('a statement as a sentence', () => {
  it('reads speaker, verb, quote, about whom, date and source in that order', () => {
    expect(statementSentence(statement())).toBe(
      'Mara Quill — said — “The bridge will open in spring” — about North Bank, River Board — 2021-03-04 — Bridge news',
    );
    expect(sentenceParts(statement()).map((part) => part.kind)).toEqual([
      'speakers',
      'verb',
      'quote',
      'about',
      'date',
      'source',
    ]);
  });

  it('says when the speaker is unknown and leaves out what the statement does not have', () => {
    const bare = statement({ speaker: null, speakers: [], about: [], date: null, sources: [] });
    expect(statementSentence(bare)).toBe('Unknown speaker — said — “The bridge will open in spring”');
  });

  it('marks reported speech, an article date standing in, several speakers and more sources', () => {
    const second = statement().sources[0];
    const sentence = statementSentence(
      statement({
        kind: 'reported',
        dateSource: 'published',
        speakers: [
          { id: 'actor:a', label: 'Actor', caption: 'A' },
          { id: 'inst:b', label: 'Institution', caption: 'B' },
        ],
        sources: [second, { ...second, documentId: 'doc:b', documentTitle: 'Other' }],
      }),
    );
    expect(sentence).toBe(
      'A, B — said (reported) — “The bridge will open in spring” — about North Bank, River Board — 2021-03-04 (article date) — Bridge news (+1 more)',
    );
  });

  it('reads the same whatever order the store returned its relationships in', () => {
    const base = statement();
    const other = { ...base.sources[0], documentId: 'doc:0', documentTitle: 'Earlier news', published: '2021-03-01' };
    const one = withSentence({ ...base, sources: [...base.sources, other] });
    const two = withSentence({ ...base, about: [...base.about].reverse(), sources: [other, ...base.sources] });
    expect(two).toEqual(one);
    expect(statementSentence(one)).toContain('about North Bank, River Board');
    expect(one.sentence.at(-1)?.text).toBe('Earlier news (+1 more)');
  });

  it('puts a chosen article first among the sources (the reader’s own), the rest in reading order', () => {
    const base = statement();
    const earlier = { ...base.sources[0], documentId: 'doc:0', documentTitle: 'Earlier news', published: '2021-03-01' };
    const later = { ...base.sources[0], documentId: 'doc:z', documentTitle: 'Later news', published: '2021-04-01' };
    const view = withSentence({ ...base, sources: [later, earlier, ...base.sources] }, { firstSource: 'doc:a' });
    expect(view.sources.map((source) => source.documentId)).toEqual(['doc:a', 'doc:0', 'doc:z']);
    expect(view.sentence.at(-1)?.text).toBe('Bridge news (+2 more)');
  });
});
