/** The Document node: the article's metadata and text. */
import { hash } from './hash.js';
import type { DocumentContext } from './document-context.js';

export function addDocumentNode(context: DocumentContext): void {
  const { document, id, text } = context;
  context.facts.nodes.set(id, {
    id,
    label: 'Document',
    properties: {
      title: document.title,
      url: document.url,
      publisher: document.publisher,
      authors: document.authors,
      published: document.published,
      text,
      wordCount: text.split(/\s+/).filter(Boolean).length,
      contentHash: hash(text),
      source: document.fileName,
    },
  });
}
