/**
 * Ranking shared by the stores' search: prefix matches on names first, then full-text hits.
 * Each node appears once, with its best score.
 */
import { captionOf, type GraphNode } from '../domain/graph.js';
import type { SearchMatch } from '../domain/reads.js';
import { spellingKey } from '../domain/search-text.js';

/**
 * How well a name matched, from its name and aliases: 20 when one equals the text, 10 when a word
 * of one starts with it, 8 when a word of one starts with the text's spelling key (Aliev finds
 * Aliyev), 5 when one only contains it. So `US` ranks United States (alias US) above USAID.
 */
export function nameMatchScore(node: GraphNode, lowerQuery: string): number {
  const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases.map(String) : [];
  const forms = [String(node.properties.name ?? ''), ...aliases].map((form) => form.toLowerCase());
  if (forms.includes(lowerQuery)) return 20;
  const startsWord = (text: string, start: string) =>
    start !== '' && (text.startsWith(start) || text.split(/\s+/).some((word) => word.startsWith(start)));
  if (forms.some((form) => startsWord(form, lowerQuery))) return 10;
  const key = spellingKey(lowerQuery);
  if (forms.some((form) => startsWord(spellingKey(form), key))) return 8;
  return 5;
}

/** A statement, title or description that holds every word of the query, without an index. */
export const TEXT_MATCH_SCORE = 3;

/** Full-text scores are scaled below name matches. */
export function fullTextScore(score: number): number {
  return Math.min(4.9, score * 4);
}

export class SearchHits {
  private readonly hits = new Map<string, SearchMatch & { caption: string }>();

  add(node: GraphNode, score: number): void {
    const previous = this.hits.get(node.id);
    if (previous && previous.score >= score) return;
    this.hits.set(node.id, { node, score, caption: captionOf(node) });
  }

  /** Best first; equal scores in the order of their captions. */
  top(limit: number): SearchMatch[] {
    return [...this.hits.values()]
      .sort((a, b) => b.score - a.score || a.caption.localeCompare(b.caption))
      .slice(0, limit)
      .map(({ node, score }) => ({ node, score }));
  }
}

/** Neighbour edges: with a type filter, edges to the centre must be of those types. */
export function filterNeighborEdges<T extends { type: string; source: string; target: string }>(
  edges: T[],
  centerId: string,
  types: string[],
): T[] {
  if (types.length === 0) return edges;
  return edges.filter((edge) => types.includes(edge.type) || (edge.source !== centerId && edge.target !== centerId));
}
