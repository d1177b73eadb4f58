/**
 * Talks HTTP to a Stanford CoreNLP server (its own process: CoreNLP is GPL-3.0 and no code of ours
 * links to it) and returns the named-entity spans of a text. Long texts are sent in chunks cut at
 * paragraph or sentence ends, so one request stays small and quick; the spans come back with
 * offsets into the whole text.
 */
import { NerDocumentError, NerUnavailableError, type NerSpan, type NerTagger } from './ner-types.js';

export interface CoreNlpClientOptions {
  url: string;
  /** Longest wait for one chunk's answer before the server counts as hung. */
  timeoutMs?: number;
  /** Largest chunk sent in one request (characters). */
  maxChunkChars?: number;
  /** Largest answer read for one chunk (bytes); see DEFAULT_MAX_ANSWER_BYTES. */
  maxAnswerBytes?: number;
}

/** Tags that are not names (dates, numbers, …) are not asked for back. */
const NAME_TAGS = new Set([
  'PERSON',
  'ORGANIZATION',
  'LOCATION',
  'COUNTRY',
  'CITY',
  'STATE_OR_PROVINCE',
  'NATIONALITY',
  'TITLE',
  'MISC',
  'RELIGION',
  'IDEOLOGY',
]);

const PROPERTIES = JSON.stringify({
  annotators: 'tokenize,ssplit,pos,lemma,ner',
  outputFormat: 'json',
  // A line of an article is a paragraph or a headline: never one sentence with the next.
  'ssplit.newlineIsSentenceBreak': 'always',
  // Dates are resolved by our rules against the publication date; SUTime's work is not used.
  'ner.useSUTime': 'false',
});

interface CoreNlpMention {
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  text: string;
  ner: string;
}

interface CoreNlpAnswer {
  sentences?: Array<{ entitymentions?: CoreNlpMention[] }>;
}

/**
 * Largest answer read for one chunk. CoreNLP's JSON for 20,000 characters is a few MB (every
 * token with its attributes); a larger answer is not from a CoreNLP we asked for 20,000 characters.
 */
const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** Reads a body up to `limit` bytes; past that, the document is refused rather than memory filled. */
async function boundedText(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new NerDocumentError(`CoreNLP's answer is larger than the limit of ${limit} bytes`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** At most this much of an error answer is quoted in a message. */
const MAX_ERROR_TEXT = 300;

export class CoreNlpClient implements NerTagger {
  readonly name = 'corenlp';
  readonly url: string;
  private readonly timeoutMs: number;
  private readonly maxChunkChars: number;
  private readonly maxAnswerBytes: number;

  constructor(options: CoreNlpClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxChunkChars = options.maxChunkChars ?? 20_000;
    this.maxAnswerBytes = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  }

  /** Resolves when the server says it is ready; otherwise a NerUnavailableError naming the URL. */
  static async probe(url: string, timeoutMs = 5_000): Promise<void> {
    const base = url.replace(/\/+$/, '');
    let answer: string;
    try {
      const response = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
      answer = (await response.text()).slice(0, MAX_ERROR_TEXT);
      if (response.ok && answer.trim() === 'ready') return;
    } catch (error) {
      throw new NerUnavailableError(`CoreNLP at ${base} cannot be reached: ${reasonOf(error)}`);
    }
    throw new NerUnavailableError(`CoreNLP at ${base} is not ready: ${answer.trim() || 'no answer'}`);
  }

  async tag(text: string): Promise<NerSpan[]> {
    const spans: NerSpan[] = [];
    for (const chunk of chunksOf(text, this.maxChunkChars)) {
      for (const span of await this.tagChunk(chunk.text)) {
        spans.push({ ...span, start: span.start + chunk.offset, end: span.end + chunk.offset });
      }
    }
    return spans;
  }

  private async tagChunk(text: string): Promise<NerSpan[]> {
    if (text.trim() === '') return [];
    let response: Response;
    let body: string;
    try {
      response = await fetch(`${this.url}/?properties=${encodeURIComponent(PROPERTIES)}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: text,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      body = await boundedText(response, this.maxAnswerBytes);
    } catch (error) {
      if (error instanceof NerDocumentError) throw error;
      throw new NerUnavailableError(`CoreNLP at ${this.url} stopped answering: ${reasonOf(error)}`);
    }
    if (!response.ok) {
      throw new NerDocumentError(
        `CoreNLP could not annotate it (HTTP ${response.status}: ${body.slice(0, MAX_ERROR_TEXT).trim()})`,
      );
    }
    let answer: CoreNlpAnswer;
    try {
      answer = JSON.parse(body) as CoreNlpAnswer;
    } catch {
      throw new NerDocumentError(`CoreNLP answered something that is not JSON: ${body.slice(0, 80)}`);
    }
    return spansOf(answer, text);
  }
}

function spansOf(answer: CoreNlpAnswer, text: string): NerSpan[] {
  const spans: NerSpan[] = [];
  for (const sentence of answer.sentences ?? []) {
    for (const mention of sentence.entitymentions ?? []) {
      if (!NAME_TAGS.has(mention.ner)) continue;
      const start = mention.characterOffsetBegin;
      const end = mention.characterOffsetEnd;
      // Offsets are Java string offsets (UTF-16), as in JavaScript; a span that does not fit is dropped.
      if (!(start >= 0 && end > start && end <= text.length)) continue;
      spans.push({ start, end, text: text.slice(start, end), tag: mention.ner });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

export interface TextChunk {
  offset: number;
  text: string;
}

/**
 * Cuts a text into chunks of at most `max` characters, at a line end when there is one in the
 * second half of the window, else at a sentence end, else at a space, else anywhere.
 */
export function chunksOf(text: string, max: number): TextChunk[] {
  const chunks: TextChunk[] = [];
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(text.length, offset + max);
    if (end < text.length) {
      const window = text.slice(offset, end);
      const half = Math.floor(window.length / 2);
      const cut = [window.lastIndexOf('\n'), lastSentenceEnd(window), window.lastIndexOf(' ')].find(
        (index) => index >= half,
      );
      if (cut !== undefined) end = offset + cut + 1;
    }
    chunks.push({ offset, text: text.slice(offset, end) });
    offset = end;
  }
  return chunks;
}

function lastSentenceEnd(window: string): number {
  const matches = [...window.matchAll(/[.!?]["”’]?\s/g)];
  const last = matches[matches.length - 1];
  return last ? last.index + last[0].length - 1 : -1;
}

/** Node's network error codes, in words a user reads. */
const CONNECTION_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running?)',
  ECONNRESET: 'the connection was reset',
  UND_ERR_SOCKET: 'the connection was closed',
  ENOTFOUND: 'unknown host',
  EHOSTUNREACH: 'host unreachable',
};

function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'no answer in time';
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? '';
    return CONNECTION_ERRORS[code] ?? (code || cause?.message || error.message);
  }
  return String(error);
}
