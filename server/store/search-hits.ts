/**
 * Ranking shared by the stores' search: prefix matches on names first, then full-text hits.
 * Each node appears once, with its best score.
 */
import type { SearchHit } from '../domain/api.js';
import { captionOf, type GraphNode } from '../domain/graph.js';

/** 10 when a name (or a word of it) starts with the text, 5 when it only contains it. */
export function nameMatchScore(node: GraphNode, lowerQuery: string): number {
  const name = String(node.properties.name ?? '').toLowerCase();
  const startsWord = name.startsWith(lowerQuery) || name.split(/\s+/).some((word) => word.startsWith(lowerQuery));
  return startsWord ? 10 : 5;
}

/** Full-text scores are scaled below name matches. */
export function fullTextScore(score: number): number {
  return Math.min(4.9, score * 4);
}

export class SearchHits {
  private readonly hits = new Map<string, SearchHit>();

  add(node: GraphNode, score: number): void {
    const previous = this.hits.get(node.id);
    if (previous && previous.score >= score) return;
    const snippet = node.label === 'Statement' ? String(node.properties.text ?? '') : undefined;
    this.hits.set(node.id, {
      id: node.id,
      label: node.label,
      caption: captionOf(node),
      score,
      ...(snippet ? { snippet } : {}),
    });
  }

  top(limit: number): SearchHit[] {
    return [...this.hits.values()]
      .sort((a, b) => b.score - a.score || a.caption.localeCompare(b.caption))
      .slice(0, limit);
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
