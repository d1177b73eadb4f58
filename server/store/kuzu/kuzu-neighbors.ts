/**
 * A node's neighbours ranked by their degree on the embedded store, from ids, labels and degrees
 * only; the caller then reads the properties of the one page asked for. Up to
 * STEPWISE_NEIGHBOURS neighbours: their ids and offsets (neighbor-ids), then their degrees label
 * by label by offset (neighbor-degrees); more: every neighbour's degree in one query along
 * adjacency lists (neighbor-walks). Ranking in the engine (`WITH DISTINCT m OPTIONAL MATCH
 * (m)-[x]-()`, Neo4j's neighbors.cypher) joined against a scan of every node table.
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

/**
 * Up to this many neighbours, their degrees are read by offset: `offset(id(m)) IN $offsets`
 * compares each row of a table with the whole list, so for thousands of neighbours the walks
 * along adjacency lists cost less (at 100k nodes: 250 against 350 ms for a node of degree
 * 90–140, 360–650 ms for the busiest by walks).
 */
export const STEPWISE_NEIGHBOURS = 200;

/** Most connected first, then by id in the engines' order (code points), as Neo4j's ORDER BY gives them. */
function byRank(a: Ranked, b: Ranked): number {
  return b.degree - a.degree || compareCodePoints(a.id, b.id);
}

function isLabel(label: string): label is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(label);
}

/** The ids and labels of one page of the neighbours of `center`, in rank order (the caller reads their properties). */
export async function rankedNeighborIds(
  rows: Rows,
  center: GraphNode,
  options: NeighborOptions,
): Promise<Array<{ id: string; label: NodeLabel }>> {
  const params = { id: center.id, types: options.types };
  const neighbours = await rows(loadCypher('neighbor-ids', DIALECT).replaceAll('{label}', `:${center.label}`), params);
  const ranked: Ranked[] = [];
  if (neighbours.length > STEPWISE_NEIGHBOURS) {
    const walks = loadCypher('neighbor-walks', DIALECT).replaceAll('{label}', `:${center.label}`);
    for (const row of await rows(walks, params)) {
      const label = String(row.label);
      if (isLabel(label)) {
        ranked.push({ id: String(row.id), label, degree: Number(row.walks) / Math.max(1, Number(row.edges)) });
      }
    }
  } else {
    const template = loadCypher('neighbor-degrees', DIALECT);
    const known = neighbours.filter((row) => isLabel(String(row.label)));
    for (const [label, group] of groupBy(known, (row) => String(row.label) as NodeLabel)) {
      const degrees = await rows(template.replaceAll('{label}', `:${label}`), {
        offsets: group.map((row) => Number(row.offset)),
      });
      for (const row of degrees) ranked.push({ id: String(row.id), label, degree: Number(row.degree) });
    }
  }
  ranked.sort(byRank);
  const skip = options.skip ?? 0;
  return ranked.slice(skip, skip + options.limit).map(({ id, label }) => ({ id, label }));
}
