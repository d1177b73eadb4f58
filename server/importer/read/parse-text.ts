/** Plain text and Markdown articles: an optional front-matter header, else metadata from the top lines. */
import { readByline, UPDATE_STAMP } from './byline.js';
import { splitFrontMatter, type Metadata } from './front-matter.js';
import { splitHeaderBlock } from './header-block.js';
import type { SourceDocument } from './types.js';

type Parsed = Omit<SourceDocument, 'path' | 'fileName' | 'format'>;

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '' && !UPDATE_STAMP.test(line))
      ?.trim() ?? ''
  );
}

export function parseTextArticle(raw: string): Parsed {
  const front = splitFrontMatter(raw);
  if (front.metadata) return withMetadata(front.metadata, front.body);
  const header = splitHeaderBlock(raw);
  if (header.metadata) {
    // A "Title: / Source: / Date:" header seldom names the author: the byline below it may.
    const byline = readByline(header.body);
    const authors = header.metadata.authors.length ? header.metadata.authors : byline.authors;
    const published = header.metadata.published ?? byline.published ?? undefined;
    return withMetadata({ ...header.metadata, authors, ...(published ? { published } : {}) }, header.body);
  }
  const byline = readByline(front.body);
  return {
    title: firstLine(front.body).slice(0, 300),
    text: front.body,
    published: byline.published,
    authors: byline.authors,
    url: null,
    publisher: null,
  };
}

function withMetadata(metadata: Metadata, body: string): Parsed {
  return {
    title: metadata.title ?? firstLine(body).slice(0, 300),
    text: body,
    published: metadata.published ?? null,
    authors: metadata.authors,
    url: metadata.url ?? null,
    publisher: metadata.publisher ?? null,
  };
}

/** Markdown syntax out, words kept: headings, emphasis, links, images, code fences, tables. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^```.*$/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*$/gm, '')
    .replace(/<[^>\n]+>/g, '');
}

export function parseMarkdownArticle(raw: string): Parsed {
  const { metadata, body } = splitFrontMatter(raw);
  const heading = /^\s{0,3}#\s+(.+)$/m.exec(body)?.[1]?.trim();
  const text = markdownToText(body);
  const byline = metadata ? { authors: [], published: null } : readByline(text);
  return {
    title: metadata?.title ?? heading ?? firstLine(text).slice(0, 300),
    text,
    published: metadata?.published ?? byline.published,
    authors: metadata?.authors.length ? metadata.authors : byline.authors,
    url: metadata?.url ?? null,
    publisher: metadata?.publisher ?? null,
  };
}
