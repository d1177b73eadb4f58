/** Resolves evidence (document id + sentence) to what a reader needs: the article's title and date. */
import type { SourceRef } from '../domain/api.js';
import { decodeEvidence, type PropValue } from '../domain/graph.js';
import type { GraphStore } from '../store/graph-store.js';

export class DocumentTitles {
  private readonly cache = new Map<string, { title: string; published: string | null }>();

  constructor(private readonly store: GraphStore) {}

  async lookup(documentId: string): Promise<{ title: string; published: string | null }> {
    const cached = this.cache.get(documentId);
    if (cached) return cached;
    const node = await this.store.getNode(documentId);
    const found = {
      title: typeof node?.properties.title === 'string' ? node.properties.title : documentId,
      published: typeof node?.properties.published === 'string' ? node.properties.published : null,
    };
    this.cache.set(documentId, found);
    return found;
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
