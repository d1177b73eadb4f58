/**
 * Growing and shrinking the canvas: expand a node's neighbours ranked and paged (the server ranks
 * them, most connected first; each call brings the next page), collapse what an expansion brought,
 * hide (dismiss) nodes, pin nodes so the layout leaves them in place.
 */
import type { GraphPayload } from '../../server/domain/api.js';
import { mergePayload, type ExpansionState, type ExplorerGraph, type Origin } from '../graph/dataset.js';

export type { ExpansionState } from '../graph/dataset.js';

export const PAGE_SIZE = 20;

/** The API call that pages a node's neighbours (api/client.ts's `neighbors`; a fake in tests). */
export type NeighboursSource = (
  id: string,
  page: { limit: number; skip?: number; types?: string[] },
) => Promise<GraphPayload>;

export function expansionOf(graph: ExplorerGraph, id: string): ExpansionState | null {
  return graph.hasNode(id) ? (graph.getNodeAttribute(id, 'expansion') ?? null) : null;
}

const expandOrigin = (id: string): Origin => `expand:${id}`;

function sameTypes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((type) => b.includes(type));
}

export interface ExpandResult {
  added: string[];
  /** The neighbours this page named, new or already on the canvas. */
  page: string[];
  /** Neighbours brought by this node's expansion so far (this page included). */
  shown: number;
  complete: boolean;
}

/**
 * Loads the next page of `id`'s neighbours (the first page when the types changed or it was never
 * expanded). The node itself is loaded first when it is not on the canvas.
 */
export async function expandNext(
  graph: ExplorerGraph,
  neighbours: NeighboursSource,
  id: string,
  types: string[] = [],
): Promise<ExpandResult> {
  const previous = expansionOf(graph, id);
  const skip = previous && sameTypes(previous.types, types) ? previous.shown : 0;
  const payload = await neighbours(id, { limit: PAGE_SIZE, skip, types });
  const center = graph.hasNode(id) ? graph.getNodeAttributes(id) : undefined;
  const around = center ? { x: center.x, y: center.y } : undefined;
  // The first node of the payload is the expanded node itself: it is on the canvas by being picked.
  const [self, ...others] = payload.nodes;
  if (self && !graph.hasNode(self.id)) mergePayload(graph, { nodes: [self], edges: [] }, 'pick', around);
  const added = mergePayload(graph, { nodes: others, edges: payload.edges }, expandOrigin(id), around);
  const state: ExpansionState = {
    types,
    shown: skip + others.length,
    complete: others.length < PAGE_SIZE,
  };
  graph.setNodeAttribute(id, 'expansion', state);
  return { added, page: others.map((node) => node.id), shown: state.shown, complete: state.complete };
}

/**
 * Takes back what expanding `id` brought: nodes that are on the canvas for no other reason leave
 * it (and what their own expansions brought, in turn). Returns how many nodes left.
 */
export function collapse(graph: ExplorerGraph, id: string): number {
  let removed = 0;
  const pending = [id];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (graph.hasNode(current)) graph.removeNodeAttribute(current, 'expansion');
    const origin = expandOrigin(current);
    for (const node of graph.nodes()) {
      const { origins, fixed } = graph.getNodeAttributes(node);
      if (!origins.includes(origin)) continue;
      const left = origins.filter((o) => o !== origin);
      if (left.length > 0 || node === id || fixed) {
        graph.setNodeAttribute(node, 'origins', left.length > 0 ? left : ['pick']);
        continue;
      }
      pending.push(node);
      graph.dropNode(node);
      removed += 1;
    }
  }
  return removed;
}

/** Dismisses nodes from the canvas (the database keeps them; search or expand brings them back). */
export function hideNodes(graph: ExplorerGraph, ids: readonly string[]): number {
  let removed = 0;
  for (const id of ids) {
    if (!graph.hasNode(id)) continue;
    graph.dropNode(id);
    removed += 1;
  }
  return removed;
}

/** Pins the nodes (the layout leaves them where they are), or unpins them when all are pinned. */
export function togglePins(graph: ExplorerGraph, ids: readonly string[]): boolean {
  const present = ids.filter((id) => graph.hasNode(id));
  const pin = !present.every((id) => graph.getNodeAttribute(id, 'fixed') === true);
  for (const id of present) {
    if (pin) graph.setNodeAttribute(id, 'fixed', true);
    else graph.removeNodeAttribute(id, 'fixed');
  }
  return pin;
}
