/**
 * Search answers for people: the store's ranked matches as hits, each statement among them with
 * who said it, about whom, when and where (read together, in one query per label).
 */
import type { SearchHit } from '../domain/api.js';
import type { GraphStore } from '../store/graph-store.js';
import { toSearchHit } from './graph-views.js';
import { statementViews } from './statement-views.js';

export async function searchResults(store: GraphStore, query: string, limit: number): Promise<SearchHit[]> {
  const matches = await store.search(query, limit);
  const hits = matches.map(toSearchHit);
  const statements = matches.map((match) => match.node).filter((node) => node.label === 'Statement');
  if (statements.length === 0) return hits;
  const views = await statementViews(store, statements);
  return hits.map((hit) => {
    const statement = views.get(hit.id);
    return statement ? { ...hit, statement } : hit;
  });
}
