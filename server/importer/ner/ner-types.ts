/**
 * What a named-entity tagger gives the importer: spans of the document's text with a tag.
 * The only tagger is Stanford CoreNLP, reached over HTTP (it is GPL-3.0 and runs as its own
 * process); the rules work on its spans, and without it they work alone.
 */

/** CoreNLP's tags: PERSON, ORGANIZATION, LOCATION, COUNTRY, CITY, STATE_OR_PROVINCE, NATIONALITY, TITLE, MISC, … */
export type NerTag = string;

export interface NerSpan {
  /** Offsets into the document's text (UTF-16 code units, as JavaScript strings count). */
  start: number;
  end: number;
  text: string;
  tag: NerTag;
}

export interface NerTagger {
  /** What the import summary and every fact's rule record: "corenlp". */
  readonly name: string;
  /** The spans of one document's text, in text order. */
  tag(text: string): Promise<NerSpan[]>;
}

/** The tagger cannot be reached or stopped answering: the whole import is concerned. */
export class NerUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NerUnavailableError';
  }
}

/** The tagger could not handle this one document (too long, refused, odd text): skip it with this reason. */
export class NerDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NerDocumentError';
  }
}

/** How the importer finds names: `auto` uses CoreNLP when it can and says so when it cannot. */
export const NER_MODES = ['auto', 'corenlp', 'rules'] as const;
export type NerMode = (typeof NER_MODES)[number];
