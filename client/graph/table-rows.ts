/**
 * The rows of the data table (as Gephi's data laboratory): every node or every relationship on the
 * canvas with a few columns, filtered by a text and sorted by a column. Pure functions.
 */
import type { ExplorerGraph } from './dataset.js';
import { numberOf, valueText } from './property-values.js';

export type TableKind = 'nodes' | 'edges';

export interface TableColumn {
  key: string;
  title: string;
}

export interface TableRow {
  id: string;
  /** Cell texts by column key. */
  cells: Record<string, string>;
  /** Whether the filters hide it on the canvas. */
  hidden: boolean;
}

export const NODE_COLUMNS: TableColumn[] = [
  { key: 'caption', title: 'Name' },
  { key: 'label', title: 'Label' },
  { key: 'kind', title: 'Kind' },
  { key: 'degree', title: 'Degree' },
  { key: 'date', title: 'Date' },
  { key: 'confidence', title: 'Confidence' },
];

export const EDGE_COLUMNS: TableColumn[] = [
  { key: 'type', title: 'Type' },
  { key: 'source', title: 'From' },
  { key: 'target', title: 'To' },
  { key: 'date', title: 'Date' },
  { key: 'confidence', title: 'Confidence' },
  { key: 'rule', title: 'Rule' },
];

export function tableRows(
  graph: ExplorerGraph,
  kind: TableKind,
  hidden: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> },
): TableRow[] {
  const rows: TableRow[] = [];
  if (kind === 'nodes') {
    graph.forEachNode((id, a) =>
      rows.push({
        id,
        hidden: hidden.nodes.has(id),
        cells: {
          caption: a.caption,
          label: a.nodeLabel,
          kind: valueText(a.properties.kind),
          degree: String(graph.degree(id)),
          date: a.date ?? '',
          confidence: valueText(a.properties.confidence),
        },
      }),
    );
  } else {
    graph.forEachEdge((id, a, source, target) =>
      rows.push({
        id,
        hidden: hidden.edges.has(id),
        cells: {
          type: a.relType,
          source: graph.getNodeAttribute(source, 'caption'),
          target: graph.getNodeAttribute(target, 'caption'),
          date: a.date ?? '',
          confidence: valueText(a.properties?.confidence),
          rule: valueText(a.properties?.rule),
        },
      }),
    );
  }
  return rows;
}

/** Rows whose cells contain every word of the text (case-insensitive). */
export function filterRows(rows: readonly TableRow[], text: string): TableRow[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = Object.values(row.cells).join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Numbers by value, the rest as text; empty cells last either way. */
export function sortRows(rows: readonly TableRow[], key: string, descending: boolean): TableRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [a.cells[key] ?? '', b.cells[key] ?? ''];
    if (x === '' || y === '') return x === y ? a.id.localeCompare(b.id) : x === '' ? 1 : -1;
    const [nx, ny] = [numberOf(x), numberOf(y)];
    const order = nx !== null && ny !== null ? nx - ny : x.localeCompare(y);
    return sign * order || a.id.localeCompare(b.id);
  });
}
