/**
 * The graph dataset: API payloads merged into one graphology graph. Node attributes keep the
 * data (label, caption, properties); size and colour derive from it and are refreshed on change.
 */
import { MultiDirectedGraph } from 'graphology';
import type { GraphPayload } from '../../server/domain/api.js';
import { canvasLabel, colorOf, sizeOf } from './appearance.js';

export type ExplorerGraph = MultiDirectedGraph;

/** The data behind each node on the canvas (for details and export), apart from how it is drawn. */
export const nodeData = new Map<string, { label: string; properties: Record<string, unknown> }>();

export function createGraph(): ExplorerGraph {
  return new MultiDirectedGraph({ allowSelfLoops: false });
}

/** Adds what is new in the payload; returns the ids of the nodes that were not there before. */
export function mergePayload(graph: ExplorerGraph, payload: GraphPayload, around?: { x: number; y: number }): string[] {
  const added: string[] = [];
  for (const node of payload.nodes) {
    nodeData.set(node.id, { label: node.label, properties: node.properties });
    if (graph.hasNode(node.id)) continue;
    const angle = Math.random() * Math.PI * 2;
    const radius = around ? 1 + Math.random() * 3 : 50 + Math.random() * 50;
    graph.addNode(node.id, {
      x: (around?.x ?? 0) + Math.cos(angle) * radius,
      y: (around?.y ?? 0) + Math.sin(angle) * radius,
      label: canvasLabel(node.label, node.caption),
      caption: node.caption,
      nodeLabel: node.label,
      color: colorOf(node.label),
      size: 4,
    });
    added.push(node.id);
  }
  for (const edge of payload.edges) {
    if (
      graph.hasEdge(edge.id) ||
      !graph.hasNode(edge.source) ||
      !graph.hasNode(edge.target) ||
      edge.source === edge.target
    )
      continue;
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      type: 'arrow',
      relType: edge.type,
      label: edgeLabel(edge.type, edge.properties),
      size: 1,
      color: '#b8b8b8',
    });
  }
  graph.forEachNode((id, attributes) =>
    graph.setNodeAttribute(id, 'size', sizeOf(graph.degree(id), String(attributes.nodeLabel))),
  );
  return added;
}

/** What an edge says when its end is focused: its type, and the role title when it has one. */
function edgeLabel(type: string, properties: Record<string, unknown>): string {
  const detail = [properties.title, properties.role].find((v) => typeof v === 'string' && v !== '');
  return typeof detail === 'string' ? `${type} · ${detail}` : type;
}

export function countByLabel(graph: ExplorerGraph): Map<string, number> {
  const counts = new Map<string, number>();
  graph.forEachNode((_id, attributes) => {
    const label = String(attributes.nodeLabel);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  });
  return counts;
}
