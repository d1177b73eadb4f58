/** Graph elements in the API's JSON shape (caption added, endpoint labels dropped). */
import type { ApiEdge, ApiNode, GraphPayload } from '../domain/api.js';
import { captionOf, type GraphEdge, type GraphNode } from '../domain/graph.js';

export function toApiNode(node: GraphNode): ApiNode {
  return { id: node.id, label: node.label, caption: captionOf(node), properties: node.properties };
}

export function toApiEdge(edge: GraphEdge): ApiEdge {
  return { id: edge.id, type: edge.type, source: edge.source, target: edge.target, properties: edge.properties };
}

export function toApiPayload(nodes: GraphNode[], edges: GraphEdge[]): GraphPayload {
  const unique = new Map(nodes.map((node) => [node.id, node]));
  const edgeMap = new Map(edges.map((edge) => [edge.id, edge]));
  return { nodes: [...unique.values()].map(toApiNode), edges: [...edgeMap.values()].map(toApiEdge) };
}
