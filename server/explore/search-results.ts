/**
 * Search answers for people: the store's ranked hits, each statement among them with who said it,
 * about whom, when and where (read together, in one query per label).
 */
import type { SearchHit } from '../domain/api.js';
import type { GraphStore } from '../store/graph-store.js';
import { statementViews } from './statement-views.js';

export async function searchResults(store: GraphStore, query: string, limit: number): Promise<SearchHit[]> {
  const hits = await store.search(query, limit);
  const statementIds = hits.filter((hit) => hit.label === 'Statement').map((hit) => hit.id);
  if (statementIds.length === 0) return hits;
  const views = await statementViews(store, await store.findNodes(statementIds));
  return hits.map((hit) => {
    const statement = views.get(hit.id);
    return statement ? { ...hit, statement } : hit;
  });
}
