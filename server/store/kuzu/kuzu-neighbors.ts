/**
 * A node's neighbours ranked by their degree on the embedded store: one query returns the page's
 * ids and labels, ranked in the engine by the degree each node keeps (cypher/kuzu/neighbor-page,
 * kuzu-degrees.ts) and paged there; the caller then reads the page's properties. A database
 * opened read-only before its degrees were added is ranked by counting (neighbor-page-counted).
 */
import type { GraphNode, NodeLabel } from '../../domain/graph.js';
import { NODE_LABELS } from '../../domain/graph.js';
import { STORE_KINDS } from '../../domain/stores.js';
import { loadCypher } from '../cypher-files.js';
import type { NeighborOptions } from '../graph-store.js';

/** LadybugDB speaks Kuzu's Cypher: its dialect files, as the registry says. */
const DIALECT = STORE_KINDS.ladybug.dialect;

type Rows = (statement: string, params: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

function isLabel(label: string): label is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(label);
}

/**
 * The ids, labels and degrees of one page of the neighbours of `center`, most connected first,
 * ties by id in code point order (the engines' ORDER BY, as Neo4j's neighbors.cypher); the caller
 * reads their properties. `storedDegrees`: whether the database keeps them (kuzu-degrees.ts).
 */
export async function rankedNeighborIds(
  rows: Rows,
  center: GraphNode,
  options: NeighborOptions,
  storedDegrees = true,
): Promise<Array<{ id: string; label: NodeLabel; degree: number }>> {
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
    return isLabel(label) ? [{ id: String(row.id), label, degree: Number(row.degree) }] : [];
  });
}
