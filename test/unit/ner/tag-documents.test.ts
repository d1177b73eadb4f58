/**
 * tagDocuments keeps several documents in flight to the tagger (CoreNLP's server works on as many
 * requests as it has threads), and every document keeps its own spans whatever order the answers
 * come back in. The tagger is faked: no Java is started here.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { NerSpan, NerTagger } from '../../../server/importer/ner/ner-types.js';
import { TAG_CONCURRENCY, tagDocuments } from '../../../server/importer/ner/tag-documents.js';
import type { SourceDocument } from '../../../server/importer/read/types.js';

function documentOf(index: number): SourceDocument {
  return {
    path: `/test/doc-${index}.txt`,
    fileName: `doc-${index}.txt`,
    format: 'txt',
    title: `Document ${index}`,
    text: `Minister Edda Holm${index} spoke in Oslo.`,
    published: null,
    authors: [],
    url: null,
    publisher: null,
  };
}

/** A tagger that answers after a delay (shorter for later documents) and counts requests in flight. */
function countingTagger(): NerTagger & { most: number } {
  let inFlight = 0;
  const tagger = {
    name: 'fake',
    most: 0,
    async tag(text: string): Promise<NerSpan[]> {
      inFlight += 1;
      tagger.most = Math.max(tagger.most, inFlight);
      const index = Number(/Holm(\d+)/.exec(text)![1]);
      await sleep(5 + ((7 * index) % 11));
      inFlight -= 1;
      const start = text.indexOf('Edda');
      return [{ start, end: start + `Edda Holm${index}`.length, text: `Edda Holm${index}`, tag: 'PERSON' }];
    },
  };
  return tagger;
}

describe('tagDocuments', () => {
  it(`keeps ${TAG_CONCURRENCY} documents in flight by default, and as many as asked`, async () => {
    const documents = Array.from({ length: 12 }, (_, index) => documentOf(index));
    for (const concurrency of [undefined, 1, 3, 4]) {
      const tagger = countingTagger();
      const tagged = await tagDocuments(documents, {
        tagger,
        mode: 'corenlp',
        ...(concurrency ? { concurrency } : {}),
      });
      expect(tagger.most).toBe(concurrency ?? TAG_CONCURRENCY);
      expect(tagged.documents).toEqual(documents);
      for (const [index, document] of documents.entries())
        expect(tagged.spans?.get(document)?.map((span) => span.text)).toEqual([`Edda Holm${index}`]);
    }
  });
});
