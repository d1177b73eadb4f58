/**
 * HTML articles: the visible text (no scripts, styles, navigation or page furniture), block
 * elements as line breaks; title, date, authors, publisher and URL from the usual meta tags.
 */
import { Parser } from 'htmlparser2';
import { findDate } from './byline.js';
import type { SourceDocument } from './types.js';

type Parsed = Omit<SourceDocument, 'path' | 'fileName' | 'format'>;

const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'nav',
  'footer',
  'aside',
  'form',
  'button',
  'iframe',
  'select',
]);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'tr',
  'blockquote',
  'section',
  'article',
  'header',
  'figcaption',
  'pre',
  'hr',
  'dd',
  'dt',
  'table',
  'ul',
  'ol',
  'main',
]);

export function parseHtmlArticle(html: string): Parsed {
  const meta = new Map<string, string>();
  let title = '';
  let firstH1 = '';
  let canonical: string | null = null;
  let text = '';
  let hiddenDepth = 0;
  let inTitle = false;
  let inH1 = false;
  const stack: string[] = [];

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        stack.push(name);
        if (HIDDEN.has(name)) hiddenDepth += 1;
        if (name === 'title') inTitle = true;
        if (name === 'h1' && !firstH1) inH1 = true;
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
          if (key && attributes.content) meta.set(key, attributes.content.trim());
        }
        if (name === 'link' && attributes.rel === 'canonical' && attributes.href) canonical = attributes.href;
        if (BLOCK.has(name) && hiddenDepth === 0) text += '\n';
      },
      ontext(chunk) {
        if (inTitle) title += chunk;
        if (inH1) firstH1 += chunk;
        if (hiddenDepth === 0) text += chunk;
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        if (BLOCK.has(name) && hiddenDepth === 0) text += '\n';
        stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();

  const clean = text
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();
  const published =
    meta.get('article:published_time') ?? meta.get('datepublished') ?? meta.get('date') ?? meta.get('pubdate');
  const author = meta.get('author') ?? meta.get('article:author');
  return {
    title: (meta.get('og:title') ?? title ?? '').trim() || firstH1.trim() || clean.split('\n')[0].slice(0, 300),
    text: clean,
    published: published ? (findDate(published)?.iso ?? null) : null,
    authors: author && !/^https?:/.test(author) ? author.split(/\s*(?:,|\band\b)\s*/).filter(Boolean) : [],
    url: meta.get('og:url') ?? canonical,
    publisher: meta.get('og:site_name') ?? null,
  };
}
