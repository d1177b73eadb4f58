/** Resolves evidence (document id + sentence) to what a reader needs: the article's title and date. */
import type { SourceRef } from '../domain/api.js';
import { decodeEvidence, type PropValue } from '../domain/graph.js';
import type { GraphStore } from '../store/graph-store.js';

export class DocumentTitles {
  private readonly cache = new Map<string, { title: string; published: string | null }>();

  constructor(private readonly store: GraphStore) {}

  /**
   * Reads the titles of every document these evidence lists name, in one query, so that
   * sources() and lookup() need none (a busy node's relations name hundreds of documents).
   */
  async preload(evidenceLists: Array<PropValue | undefined>): Promise<void> {
    const ids = new Set<string>();
    for (const evidence of evidenceLists) {
      for (const item of decodeEvidence(evidence)) if (!this.cache.has(item.documentId)) ids.add(item.documentId);
    }
    await this.read([...ids]);
  }

  async lookup(documentId: string): Promise<{ title: string; published: string | null }> {
    if (!this.cache.has(documentId)) await this.read([documentId]);
    return this.cache.get(documentId)!;
  }

  /** A document not found (or without a title) is shown by its id. */
  private async read(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.store.documentTitles(ids);
    for (const id of ids) {
      const document = found.get(id);
      this.cache.set(id, { title: document?.title ?? id, published: document?.published ?? null });
    }
  }

  async sources(evidence: PropValue | undefined): Promise<SourceRef[]> {
    const refs: SourceRef[] = [];
    for (const item of decodeEvidence(evidence)) {
      const document = await this.lookup(item.documentId);
      refs.push({
        documentId: item.documentId,
        documentTitle: document.title,
        published: document.published,
        sentence: item.sentence,
        start: item.start,
        end: item.end,
      });
    }
    return refs;
  }
}
