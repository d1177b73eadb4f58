/**
 * Reads article files and folders. Each file either becomes a SourceDocument or is skipped with
 * a reason (empty, binary, not UTF-8, too large, malformed header or JSON, not a regular file, a
 * symlink out of the folder or in a loop); one bad file never stops the others.
 */
import { basename, extname } from 'node:path';
import { decodeText } from './decode-text.js';
import { listFiles, type ListedFile } from './list-files.js';
import { parseHtmlArticle } from './parse-html.js';
import { parseJsonArticle } from './parse-json.js';
import { parseMarkdownArticle, parseTextArticle } from './parse-text.js';
import { readBoundedFile } from './read-bounded.js';
import {
  UnreadableFileError,
  type ReadOptions,
  type ReadResult,
  type SkippedFile,
  type SourceDocument,
  type SourceFormat,
} from './types.js';

export type { ReadResult, SkippedFile, SourceDocument } from './types.js';
export type { ListedFile } from './list-files.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
};

function parse(format: SourceFormat, text: string): Omit<SourceDocument, 'path' | 'fileName' | 'format'> {
  switch (format) {
    case 'html':
      return parseHtmlArticle(text);
    case 'json':
      return parseJsonArticle(text);
    case 'md':
      return parseMarkdownArticle(text);
    case 'txt':
      return parseTextArticle(text);
  }
}

/** The files an import would read (cheap: no file is opened); those it cannot take go to `skipped`. */
export function listSourceFiles(paths: string[], skipped: SkippedFile[]): Promise<ListedFile[]> {
  return listFiles(paths, (path) => Object.hasOwn(FORMAT_BY_EXTENSION, extname(path).toLowerCase()), skipped);
}

/** One listed file as a document, or why it is skipped. */
export async function readSourceFile(
  { path, realPath }: ListedFile,
  maxBytes: number = DEFAULT_MAX_BYTES,
): Promise<{ document: SourceDocument } | { skipped: SkippedFile }> {
  const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
  try {
    const parsed = parse(format, decodeText(await readBoundedFile(realPath, maxBytes), maxBytes));
    if (parsed.text.trim() === '') throw new UnreadableFileError('no article text found');
    return { document: { path, fileName: basename(path), format, ...parsed } };
  } catch (error) {
    // Unexpected errors (permissions, a parser bug) also skip only this file, saying what happened.
    const reason =
      error instanceof UnreadableFileError
        ? error.message
        : `could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { skipped: { path, reason } };
  }
}

export async function readSources(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const skipped: SkippedFile[] = [];
  const documents: SourceDocument[] = [];
  const files = await listSourceFiles(paths, skipped);
  for (const [index, file] of files.entries()) {
    options.onFile?.(file.path, index, files.length);
    const read = await readSourceFile(file, maxBytes);
    if ('document' in read) documents.push(read.document);
    else skipped.push(read.skipped);
  }
  return { documents, skipped };
}
