/** JSON articles: {title, text, published?, authors?, url?, publisher?}, validated. */
import { z } from 'zod';
import { findDate } from './byline.js';
import { UnreadableFileError, type SourceDocument } from './types.js';

type Parsed = Omit<SourceDocument, 'path' | 'fileName' | 'format'>;

const JsonArticle = z.object({
  title: z.string().trim().min(1, 'title is required'),
  text: z.string().refine((value) => value.trim() !== '', 'text is empty'),
  published: z.string().nullish(),
  authors: z.union([z.array(z.string()), z.string()]).nullish(),
  url: z.string().nullish(),
  publisher: z.string().nullish(),
});

function lineOf(raw: string, position: number): number {
  return raw.slice(0, position).split('\n').length;
}

export function parseJsonArticle(raw: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position ? ` at line ${lineOf(raw, Number(position))}` : '';
    throw new UnreadableFileError(`malformed JSON${where}: ${message}`);
  }
  const parsed = JsonArticle.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UnreadableFileError(`invalid article JSON: ${issue.path.join('.') || 'document'}: ${issue.message}`);
  }
  const article = parsed.data;
  const authors =
    typeof article.authors === 'string' ? article.authors.split(/\s*(?:,|\band\b)\s*/) : (article.authors ?? []);
  return {
    title: article.title,
    text: article.text.replace(/\r\n?/g, '\n').normalize('NFC'),
    published: article.published ? (findDate(article.published)?.iso ?? null) : null,
    authors: authors.map((author) => author.trim()).filter(Boolean),
    url: article.url ?? null,
    publisher: article.publisher ?? null,
  };
}
