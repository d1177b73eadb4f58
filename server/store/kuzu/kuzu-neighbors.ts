/**
 * A node's neighbours ranked by their degree on the embedded store: one query returns the page's
 * ids and labels, ranked in the engine by the degree each node keeps (cypher/kuzu/neighbor-page,
 * kuzu-degrees.ts) and paged there; the caller then reads the page's properties, and the
 * relationships among the page are read from their sources' offsets (edgesAmongPage). A database
 * opened read-only before its degrees were added is ranked by counting (neighbor-page-counted).
 */
import type { GraphEdge, GraphNode, NodeLabel, RelType } from '../../domain/graph.js';
import { NODE_LABELS } from '../../domain/graph.js';
import { EVIDENCE_PROPERTIES } from '../../domain/reads.js';
import { STORE_KINDS } from '../../domain/stores.js';
import { groupBy } from '../../domain/group-by.js';
import { loadCypher } from '../cypher-files.js';
import type { NeighborOptions } from '../graph-store.js';
import { relationshipColumns } from './kuzu-pages.js';
import { edgeFromColumns } from './kuzu-values.js';

/** LadybugDB speaks Kuzu's Cypher: its dialect files, as the registry says. */
const DIALECT = STORE_KINDS.ladybug.dialect;

type Rows = (statement: string, params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

function isLabel(label: string): label is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(label);
}

/**
 * The ids, labels, degrees and offsets in their tables of one page of the neighbours of `center`,
 * most connected first, ties by id in code point order (the engines' ORDER BY, as Neo4j's
 * neighbors.cypher); the caller reads their properties. `storedDegrees`: whether the database
 * keeps them (kuzu-degrees.ts).
 */
export async function rankedNeighborIds(
  rows: Rows,
  center: GraphNode,
  options: NeighborOptions,
  storedDegrees = true,
): Promise<Array<{ id: string; label: NodeLabel; degree: number; offset: number }>> {
  const template = loadCypher(storedDegrees ? 'neighbor-page' : 'neighbor-page-counted', DIALECT);
  const statement = template.replaceAll('{label}', `:${center.label}`);
  const page = await rows(statement, {
    id: center.id,
    types: options.types,
    skip: options.skip ?? 0,
    limit: options.limit,
  });
  return page.flatMap((row) => {
    const label = String(row.label);
    return isLabel(label)
      ? [{ id: String(row.id), label, degree: Number(row.degree), offset: Number(row.offset) }]
      : [];
  });
}

/**
 * The relationships among a page of neighbours and its node (`nodes`, each at its offset in its
 * table), less their evidence (as the overview's: the explorer reads it from /api/edges/:id), in
 * one statement: a part per table of the page's nodes, each reading the relationships that leave
 * them and keeping those whose other end is at one of the page's offsets
 * (cypher/kuzu/edges-from-offsets.cypher). An offset names a node only with its table, so the rows
 * whose other end is another table's node at such an offset are dropped here. One part per pair of
 * tables, filtering both ends in the engine, took 58 of a 76 ms call at 1M nodes; this, 44.
 */
export async function edgesAmongPage(
  rows: Rows,
  nodes: GraphNode[],
  offsets: Map<string, number>,
): Promise<GraphEdge[]> {
  const keyOf = (label: string, offset: unknown) => `${label} ${String(offset)}`;
  const byKey = new Map<string, GraphNode>();
  for (const node of nodes) {
    const offset = offsets.get(node.id);
    if (offset !== undefined) byKey.set(keyOf(node.label, offset), node);
  }
  const template = loadCypher('edges-from-offsets', DIALECT);
  const parts: string[] = [];
  const partLabels: NodeLabel[] = [];
  const params: Record<string, unknown> = { to: [...new Set(offsets.values())] };
  for (const [label, group] of groupBy(nodes, (node) => node.label)) {
    const n = parts.length;
    parts.push(
      template
        .replaceAll('{from}', label)
        .replaceAll('{n}', String(n))
        .replaceAll('{columns}', relationshipColumns(label, null, EVIDENCE_PROPERTIES)),
    );
    partLabels.push(label);
    params[`from${n}`] = group.flatMap((node) => offsets.get(node.id) ?? []);
  }
  if (parts.length === 0) return [];
  return (await rows(parts.join('\nUNION ALL\n'), params)).flatMap((row) => {
    const source = byKey.get(keyOf(partLabels[Number(row.part)], row.source));
    const target = byKey.get(keyOf(String(row.targetLabel), row.target));
    if (!source || !target) return [];
    const ends = { ...row, source: source.id, target: target.id };
    return [edgeFromColumns(row.type as RelType, source.label, target.label, ends)];
  });
}
