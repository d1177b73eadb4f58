/**
 * A node's neighbours ranked by their degree on the embedded store, in steps that each read little:
 * the neighbours' ids and labels, their degrees label by label (adjacency lists only, no
 * properties), then the properties of the one page asked for. One query that ranked and returned
 * the nodes joined against a scan of every node table (cypher/kuzu/neighbor-degrees.cypher).
 */
import type { GraphNode, NodeLabel } from '../../domain/graph.js';
import { NODE_LABELS } from '../../domain/graph.js';
import { groupBy } from '../../domain/group-by.js';
import { STORE_KINDS } from '../../domain/stores.js';
import { loadCypher } from '../cypher-files.js';
import type { NeighborOptions } from '../graph-store.js';

/** LadybugDB speaks Kuzu's Cypher: its dialect files, as the registry says. */
const DIALECT = STORE_KINDS.ladybug.dialect;

type Rows = (statement: string, params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

interface Ranked {
  id: string;
  label: NodeLabel;
  degree: number;
}

/**
 * A UTF-16 code unit's place in code point order: surrogates (U+D800–DFFF, halves of the code
 * points past U+FFFF) go after U+E000–FFFF, which they precede as plain code units.
 */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/**
 * Strings in code point order, as LadybugDB's and Neo4j's ORDER BY sort them. JavaScript's `<`
 * compares UTF-16 code units, which puts a character past U+FFFF before U+E000–FFFF.
 */
function compareCodePoints(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Most connected first, then by id in the engines' order, so that pages match the one-query path. */
function byRank(a: Ranked, b: Ranked): number {
  return b.degree - a.degree || compareCodePoints(a.id, b.id);
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
  const neighbours = await rows(loadCypher('neighbor-ids', DIALECT).replaceAll('{label}', `:${center.label}`), {
    id: center.id,
    types: options.types,
  });
  if (neighbours.length > STEPWISE_NEIGHBOURS) return null;
  const ranked: Ranked[] = [];
  const known = groupBy(
    neighbours.filter((row) => (NODE_LABELS as readonly string[]).includes(String(row.label))),
    (row) => String(row.label) as NodeLabel,
  );
  const template = loadCypher('neighbor-degrees', DIALECT);
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
