/**
 * The CoreNLP client: long texts go in chunks cut at line ends, and the spans come back with
 * offsets into the whole text, also after characters outside the BMP (emoji). The last tests talk
 * to the real server at CORENLP_URL (as .ci/run starts it) and are skipped without one.
 */
import { describe, expect, it } from 'vitest';
import { chunksOf, CoreNlpClient } from '../../../server/importer/ner/corenlp-client.js';
import { NerDocumentError, NerUnavailableError } from '../../../server/importer/ner/ner-types.js';
import { startFakeCoreNlp, type FakeAnswer } from '../../helpers/fake-corenlp.js';

describe('chunks of a long text', () => {
  it('cut at line ends, cover the text without gap or overlap, and stay under the limit', () => {
    const paragraph = 'The envoy met the minister in the capital and spoke of the border.';
    const text = Array.from({ length: 40 }, (_, i) => `${i}. ${paragraph}`).join('\n');
    const chunks = chunksOf(text, 500);
    expect(chunks.length).toBeGreaterThan(4);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(500);
      expect(text.slice(chunk.offset, chunk.offset + chunk.text.length)).toBe(chunk.text);
    }
    // Every chunk but the last ends a line: no sentence is cut in two.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text.endsWith('\n')).toBe(true);
  });

  it('cut one endless line at a sentence end, else at a space', () => {
    const line = 'Word '.repeat(300);
    const chunks = chunksOf(line, 100);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(line);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text.endsWith(' ')).toBe(true);
    const sentences = 'One short sentence here. '.repeat(20);
    for (const chunk of chunksOf(sentences, 120).slice(0, -1)) expect(chunk.text.endsWith('. ')).toBe(true);
  });
});

describe('a server that answers badly', () => {
  async function tagWith(answer: FakeAnswer, options: { maxAnswerBytes?: number; timeoutMs?: number } = {}) {
    const fake = await startFakeCoreNlp(() => answer);
    try {
      return await new CoreNlpClient({ url: fake.url, ...options }).tag('Envoy Ana Perez arrived.').then(
        () => undefined,
        (error: unknown) => error,
      );
    } finally {
      await fake.close();
    }
  }

  it('refuses an answer over the size limit for this document, without reading it all', async () => {
    const error = await tagWith('huge', { maxAnswerBytes: 4096 });
    expect(error).toBeInstanceOf(NerDocumentError);
    expect((error as Error).message).toMatch(/larger than the limit of 4096 bytes/);
  });

  it('refuses an answer that is not JSON for this document, saying what came', async () => {
    const error = await tagWith('garbage');
    expect(error).toBeInstanceOf(NerDocumentError);
    expect((error as Error).message).toMatch(/not JSON: <html>Service Unavailable/);
  });

  it('gives up on a server that does not answer in time, for the whole import', async () => {
    const error = await tagWith('hang', { timeoutMs: 300 });
    expect(error).toBeInstanceOf(NerUnavailableError);
    expect((error as Error).message).toMatch(/stopped answering: no answer in time/);
  });
});

const url = process.env.CORENLP_URL;

describe.skipIf(!url)('the real CoreNLP server (CORENLP_URL)', () => {
  it('gives offsets into the text as JavaScript counts them, after emoji too', async () => {
    const text =
      'Talks 🌍🤝 resumed.\nForeign Minister Tamar Elizbarashvili met Ambassador Kofi Mensah-Addo in Vienna.';
    const spans = await new CoreNlpClient({ url: url! }).tag(text);
    const people = spans.filter((span) => span.tag === 'PERSON');
    expect(people.map((span) => span.text)).toEqual(['Tamar Elizbarashvili', 'Kofi Mensah-Addo']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('tags a long document in chunks with offsets into the whole', async () => {
    const filler = 'The commission met again and discussed the map of the border in detail.\n';
    const text = `${filler.repeat(30)}Spokeswoman Ines Okonkwo-Barros said the talks would go on.\n${filler.repeat(10)}`;
    const spans = await new CoreNlpClient({ url: url!, maxChunkChars: 400 }).tag(text);
    const person = spans.find((span) => span.tag === 'PERSON');
    expect(person?.text).toBe('Ines Okonkwo-Barros');
    expect(text.slice(person!.start, person!.end)).toBe('Ines Okonkwo-Barros');
  });
});
