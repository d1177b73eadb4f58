/**
 * A plain header some archives and scrapers put on top of an article, one "Key: value" per line,
 * ended by a blank line:
 *   Title: Pompeo Urges …
 *   Source: https://…
 *   Date: 2020-10-23        ("unknown" means not known)
 * Read as metadata and taken off the text, so the header is not extracted as if it were prose.
 */
import { findDate } from './byline.js';
import type { Metadata } from './front-matter.js';

const KEY =
  /^(title|headline|source|url|link|date|published|publication date|author|authors|by|publisher|outlet)\s*:\s*(.*)$/i;

export interface WithHeaderBlock {
  metadata: Metadata | null;
  body: string;
}

export function splitHeaderBlock(text: string): WithHeaderBlock {
  const lines = text.split('\n');
  const fields = new Map<string, string>();
  let index = 0;
  for (; index < lines.length && lines[index].trim() !== ''; index++) {
    const match = KEY.exec(lines[index].trim());
    if (!match) return { metadata: null, body: text };
    fields.set(match[1].toLowerCase(), match[2].trim());
  }
  // Two keys at least, one of them a title or a source: otherwise it is the article's first lines.
  if (fields.size < 2 || !(fields.has('title') || fields.has('headline') || fields.has('source') || fields.has('url')))
    return { metadata: null, body: text };
  const value = (...keys: string[]) => keys.map((key) => fields.get(key)).find((v) => v !== undefined && v !== '');
  const metadata: Metadata = { authors: [] };
  const title = value('title', 'headline');
  if (title) metadata.title = title.slice(0, 300);
  const url = value('source', 'url', 'link');
  if (url && /^https?:\/\/\S+$/.test(url)) metadata.url = url;
  const date = value('date', 'published', 'publication date');
  const published = date ? findDate(date) : null;
  if (published) metadata.published = published.iso;
  const publisher = value('publisher', 'outlet');
  if (publisher) metadata.publisher = publisher;
  const authors = value('authors', 'author', 'by');
  if (authors) metadata.authors = authors.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  return { metadata, body: lines.slice(index + 1).join('\n') };
}
