/**
 * The metadata header of a .txt or .md article: a YAML block between `---` lines at the top.
 * Keys: title, publisher, authors (list or comma-separated), published (a date), url.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { UnreadableFileError } from './types.js';

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'published must be a date like 2021-04-23'));

const FrontMatter = z
  .object({
    title: z.string().trim().min(1).optional(),
    publisher: z.string().trim().min(1).optional(),
    authors: z
      .union([z.array(z.string()), z.string()])
      .transform((value) =>
        (Array.isArray(value) ? value : value.split(/,|\band\b/)).map((a) => a.trim()).filter(Boolean),
      )
      .optional(),
    author: z.string().optional(),
    published: isoDate.optional(),
    date: isoDate.optional(),
    url: z.string().url().optional(),
  })
  .strict();

export type Metadata = {
  title?: string;
  publisher?: string;
  authors: string[];
  published?: string;
  url?: string;
};

export interface WithFrontMatter {
  metadata: Metadata | null;
  /** The text after the header. */
  body: string;
}

export function splitFrontMatter(text: string): WithFrontMatter {
  if (!text.startsWith('---\n')) return { metadata: null, body: text };
  const end = text.indexOf('\n---', 4);
  if (end === -1) throw new UnreadableFileError('malformed front matter: the header opened with --- is never closed');
  const yamlText = text.slice(4, end + 1);
  const document = parseDocument(yamlText);
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const line = (error.linePos?.[0]?.line ?? 0) + 1; // +1 for the opening --- line
    throw new UnreadableFileError(`malformed front matter at line ${line}: ${error.message.split('\n')[0]}`);
  }
  const parsed = FrontMatter.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UnreadableFileError(`malformed front matter: ${issue.path.join('.') || 'header'}: ${issue.message}`);
  }
  const data = parsed.data;
  const afterHeader = text.indexOf('\n', end + 4);
  const authors = data.authors ?? (data.author ? [data.author] : []);
  const metadata: Metadata = { authors };
  if (data.title) metadata.title = data.title;
  if (data.publisher) metadata.publisher = data.publisher;
  if (data.published ?? data.date) metadata.published = (data.published ?? data.date)!;
  if (data.url) metadata.url = data.url;
  return { metadata, body: afterHeader === -1 ? '' : text.slice(afterHeader + 1) };
}
