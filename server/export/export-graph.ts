/**
 * What an exporter writes: nodes and edges, optionally with how they looked on screen (position,
 * colour, size), read from a source that can be paged so large exports stream.
 */
import type { GraphBatch, GraphEdge, GraphNode, NodeLabel, PropValue } from '../domain/graph.js';
import { NODE_PROPS, REL_PROPS, type PropType } from '../domain/schema.js';

export interface Viz {
  x?: number;
  y?: number;
  /** CSS hex colour, #rrggbb. */
  color?: string;
  size?: number;
  /** The node's community (1 = the largest) when the explorer computed communities for the view. */
  community?: number;
}

export interface ExportNode {
  id: string;
  label: string;
  properties: Record<string, PropValue>;
  viz?: Viz;
}

export interface ExportEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, PropValue>;
  viz?: Viz;
}

export interface ExportSource {
  nodes(): AsyncIterable<ExportNode>;
  edges(): AsyncIterable<ExportEdge>;
}

export function sourceFromGraph(graph: { nodes: ExportNode[]; edges: ExportEdge[] }): ExportSource {
  return {
    async *nodes() {
      yield* graph.nodes;
    },
    async *edges() {
      yield* graph.edges;
    },
  };
}

export function sourceFromBatch(batch: GraphBatch): ExportSource {
  const strip = (node: GraphNode): ExportNode => ({ id: node.id, label: node.label, properties: node.properties });
  const edge = (e: GraphEdge): ExportEdge => ({
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    properties: e.properties,
  });
  return sourceFromGraph({ nodes: batch.nodes.map(strip), edges: batch.edges.map(edge) });
}

/** The caption Gephi shows as a node's name: its name, title or the start of its statement. */
export function exportCaption(properties: Record<string, unknown>, fallback: string): string {
  const text = properties.name ?? properties.title ?? properties.text;
  return typeof text === 'string' && text !== '' ? text.slice(0, 120) : fallback;
}

/** Every property key with its type, known from the schema: typed columns before any row is read. */
export function nodePropertyTypes(): Map<string, PropType> {
  const types = new Map<string, PropType>();
  for (const props of Object.values(NODE_PROPS)) for (const [key, type] of Object.entries(props)) types.set(key, type);
  return types;
}

export function edgePropertyTypes(): Map<string, PropType> {
  const types = new Map<string, PropType>();
  for (const props of Object.values(REL_PROPS))
    for (const [key, type] of Object.entries(props)) if (key !== 'id') types.set(key, type);
  return types;
}

/** The type of a value of a property the schema does not know. */
export function inferType(value: PropValue): PropType {
  if (Array.isArray(value)) return 'string[]';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'string';
}

export function declaredNodeKeys(label: string): string[] {
  return Object.keys(NODE_PROPS[label as NodeLabel] ?? {});
}
