/**
 * Reads article files and folders. Each file either becomes a SourceDocument or is skipped with
 * a reason (empty, binary, not UTF-8, too large, malformed header or JSON); one bad file never
 * stops the others.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { decodeText } from './decode-text.js';
import { parseHtmlArticle } from './parse-html.js';
import { parseJsonArticle } from './parse-json.js';
import { parseMarkdownArticle, parseTextArticle } from './parse-text.js';
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

async function listFiles(paths: string[], skipped: SkippedFile[]): Promise<string[]> {
  const files: string[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch {
      skipped.push({ path, reason: 'no such file or folder' });
      return;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
      for (const entry of entries) await visit(join(path, entry), false);
    } else if (FORMAT_BY_EXTENSION[extname(path).toLowerCase()]) {
      files.push(path);
    } else if (explicit) {
      skipped.push({
        path,
        reason: `unsupported file type "${extname(path) || 'none'}" (use .txt, .md, .html or .json)`,
      });
    }
  };
  for (const path of paths) await visit(resolve(path), true);
  return [...new Set(files)];
}

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
  const files = await listFiles(paths, skipped);
  for (const [index, path] of files.entries()) {
    options.onFile?.(path, index, files.length);
    const format = FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
    try {
      const info = await stat(path);
      if (info.size > maxBytes)
        throw new UnreadableFileError(`the file is ${info.size} bytes, over the limit of ${maxBytes} bytes`);
      const parsed = parse(format, decodeText(await readFile(path), maxBytes));
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
