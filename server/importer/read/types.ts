/** What the reader hands to extraction: one article's text and metadata, or a file it skipped. */

export type SourceFormat = 'txt' | 'md' | 'html' | 'json';

export interface SourceDocument {
  path: string;
  fileName: string;
  format: SourceFormat;
  title: string;
  /** The article text, NFC-normalised with \n line ends; stored offsets point into it. */
  text: string;
  /** ISO date (yyyy-mm-dd) when known. */
  published: string | null;
  authors: string[];
  url: string | null;
  publisher: string | null;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ReadResult {
  documents: SourceDocument[];
  skipped: SkippedFile[];
}

export interface ReadOptions {
  maxBytes?: number;
  onFile?: (path: string, index: number, total: number) => void;
}

/** A file that cannot be imported; the message says why (and where, when it can). */
export class UnreadableFileError extends Error {}
