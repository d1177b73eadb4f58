/**
 * Reads article files and folders. Each file either becomes a SourceDocument or is skipped with
 * a reason (empty, binary, not UTF-8, too large, malformed header or JSON, not a regular file, a
 * symlink out of the folder or in a loop); one bad file never stops the others.
 */
import { basename, extname } from 'node:path';
import { decodeText } from './decode-text.js';
import { listFiles } from './list-files.js';
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

export async function readSources(paths: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const skipped: SkippedFile[] = [];
  const documents: SourceDocument[] = [];
  const files = await listFiles(
    paths,
    (path) => Object.hasOwn(FORMAT_BY_EXTENSION, extname(path).toLowerCase()),
    skipped,
  );
  for (const [index, { path, realPath }] of files.entries()) {
    options.onFile?.(path, index, files.length);
    const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
    try {
      const parsed = parse(format, decodeText(await readBoundedFile(realPath, maxBytes), maxBytes));
      if (parsed.text.trim() === '') throw new UnreadableFileError('no article text found');
      documents.push({ path, fileName: basename(path), format, ...parsed });
    } catch (error) {
      // Unexpected errors (permissions, a parser bug) also skip only this file, saying what happened.
      const reason =
        error instanceof UnreadableFileError
          ? error.message
          : `could not be read: ${error instanceof Error ? error.message : String(error)}`;
      skipped.push({ path, reason });
    }
  }
  return { documents, skipped };
}
