/**
 * A node's neighbours ranked by their degree on the embedded store, in steps that each read little:
 * the neighbours' ids and labels, their degrees label by label (adjacency lists only, no
 * properties), then the properties of the one page asked for. One query that ranked and returned
 * the nodes joined against a scan of every node table (cypher/kuzu/neighbor-degrees.cypher).
 */
import type { GraphNode, NodeLabel } from '../../domain/graph.js';
import { NODE_LABELS } from '../../domain/graph.js';
import { groupBy } from '../../domain/group-by.js';
import { loadCypher } from '../cypher-files.js';
import type { NeighborOptions } from '../graph-store.js';

type Rows = (statement: string, params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

interface Ranked {
  id: string;
  label: NodeLabel;
  degree: number;
}

/** Most connected first, then by id (code-unit order, as the engine orders ASCII ids). */
function byRank(a: Ranked, b: Ranked): number {
  return b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Up to this many neighbours, ranking them in steps pays: `m.id IN $ids` compares every row of the
 * table with the whole list, so for the busiest nodes (thousands of neighbours) the one-query
 * ranking (cypher/kuzu/neighbors.cypher) is faster again.
 */
export const STEPWISE_NEIGHBOURS = 200;

/**
 * The ids and labels of one page of the neighbours of `center`, in rank order (the caller reads
 * their properties), or null when the node has more than STEPWISE_NEIGHBOURS of them.
 */
export async function rankedNeighborIds(
  rows: Rows,
  center: GraphNode,
  options: NeighborOptions,
): Promise<Array<{ id: string; label: NodeLabel }> | null> {
  const neighbours = await rows(loadCypher('neighbor-ids', 'kuzu').replaceAll('{label}', `:${center.label}`), {
    id: center.id,
    types: options.types,
  });
  if (neighbours.length > STEPWISE_NEIGHBOURS) return null;
  const ranked: Ranked[] = [];
  const known = groupBy(
    neighbours.filter((row) => (NODE_LABELS as readonly string[]).includes(String(row.label))),
    (row) => String(row.label) as NodeLabel,
  );
  const template = loadCypher('neighbor-degrees', 'kuzu');
  for (const [label, group] of known) {
    const degrees = await rows(template.replaceAll('{label}', `:${label}`), {
      ids: group.map((row) => String(row.id)),
    });
    for (const row of degrees) ranked.push({ id: String(row.id), label, degree: Number(row.degree) });
  }
  ranked.sort(byRank);
  const skip = options.skip ?? 0;
  return ranked.slice(skip, skip + options.limit).map(({ id, label }) => ({ id, label }));
}
