/**
 * The graph dataset: what is loaded on the canvas, as one typed graphology graph. Node attributes
 * keep the data (label, caption, properties, date, why the node is on the canvas); how it is drawn
 * (colour, size, hidden by filters, highlighted) is derived elsewhere (sigma/reducers.ts). All of a
 * node's data lives on the graph, so `graph.clear()` and undo (a serialised graph) take it along.
 */
import { MultiDirectedGraph } from 'graphology';
import type { ApiNode, GraphPayload } from '../../server/domain/api.js';
import { canvasLabel, colorOf } from './appearance.js';

/**
 * Why a node is on the canvas: 'overview', 'query', 'path', 'pick' (search, a link, the reader),
 * or `expand:<id>` for a neighbour loaded by expanding <id>. Collapsing <id> takes its reason away;
 * a node with no reason left leaves the canvas.
 */
export type Origin = string;

/** Kept on the expanded node (so undo and links carry it): what was asked and how far it got. */
export interface ExpansionState {
  types: string[];
  shown: number;
  complete: boolean;
}

// Type aliases, not interfaces: graphology wants attribute types with an implicit index signature.
export type NodeAttributes = {
  x: number;
  y: number;
  /** What sigma draws next to the node (shortened). */
  label: string;
  /** The full caption (the API's). */
  caption: string;
  /** The API label: Actor, Statement, Document… */
  nodeLabel: string;
  /** The node's properties as the API sent them (details, export). */
  properties: ApiNode['properties'];
  color: string;
  size: number;
  /** YYYY-MM-DD for dated facts (the time filter), else null. */
  date: string | null;
  origins: Origin[];
  /** Set on a node whose neighbours were expanded. */
  expansion?: ExpansionState;
  /** Pinned: the layout leaves the node where it is. */
  fixed?: boolean;
};

export type EdgeAttributes = {
  /** The relationship type (SAID, MET…). */
  relType: string;
  /** What the edge says when one of its ends is focused. */
  label: string;
  date: string | null;
  /** The relationship's properties as the API sent them (hover card, table, attribute filters). */
  properties?: Record<string, unknown>;
  size: number;
  /** How sigma draws it and the parallel-edge bookkeeping (sigma/curves.ts). */
  type?: 'arrow' | 'curved' | 'line';
  curvature?: number;
  parallelIndex?: number | null;
  parallelMinIndex?: number | null;
  parallelMaxIndex?: number | null;
};

export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export function createGraph(): ExplorerGraph {
  return new MultiDirectedGraph<NodeAttributes, EdgeAttributes>({ allowSelfLoops: false });
}

/** The caption of a node on the canvas; its id when it is not there. */
export function captionOf(graph: ExplorerGraph, id: string): string {
  return graph.hasNode(id) ? graph.getNodeAttribute(id, 'caption') : id;
}

/** A stable starting place for a node (so a shared link lays out alike), around a centre. */
function seededPosition(id: string, around?: { x: number; y: number }): { x: number; y: number } {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  const angle = ((hash >>> 0) % 3600) * (Math.PI / 1800);
  const spread = (((hash >>> 12) % 1000) + 1) / 1000;
  const radius = around ? 1 + spread * 3 : 20 + spread * 80;
  return { x: (around?.x ?? 0) + Math.cos(angle) * radius, y: (around?.y ?? 0) + Math.sin(angle) * radius };
}

/** A fact's date as YYYY-MM-DD; a month or a year alone ("2021-01") stands for its first day. */
function dateOf(properties: Record<string, unknown>): string | null {
  const date = properties.date;
  if (typeof date !== 'string') return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  return match ? `${match[1]}-${match[2] ?? '01'}-${match[3] ?? '01'}` : null;
}

/**
 * Adds what is new in the payload, with `origin` as the reason (also added to nodes already on
 * the canvas); returns the ids of the nodes that were not there before.
 */
export function mergePayload(
  graph: ExplorerGraph,
  payload: GraphPayload,
  origin: Origin,
  around?: { x: number; y: number },
): string[] {
  const added: string[] = [];
  for (const node of payload.nodes) {
    if (graph.hasNode(node.id)) {
      const origins = graph.getNodeAttribute(node.id, 'origins');
      if (!origins.includes(origin))
        graph.mergeNodeAttributes(node.id, { origins: [...origins, origin], properties: node.properties });
      continue;
    }
    graph.addNode(node.id, {
      ...seededPosition(node.id, around),
      label: canvasLabel(node.label, node.caption),
      caption: node.caption,
      nodeLabel: node.label,
      properties: node.properties,
      color: colorOf(node.label),
      date: dateOf(node.properties),
      origins: [origin],
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
      relType: edge.type,
      label: edgeLabel(edge.type, edge.properties),
      date: dateOf(edge.properties),
      properties: edge.properties,
      size: 1,
    });
  }
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
    const label = attributes.nodeLabel;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  });
  return counts;
}

export function countByRelType(graph: ExplorerGraph): Map<string, number> {
  const counts = new Map<string, number>();
  graph.forEachEdge((_id, attributes) => {
    const type = attributes.relType;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  });
  return counts;
}

/** The earliest and latest date of the statements and relations on the canvas. */
export function dateExtent(graph: ExplorerGraph): { min: string; max: string } | null {
  let min: string | null = null;
  let max: string | null = null;
  const see = (date: string | null) => {
    if (date === null) return;
    if (min === null || date < min) min = date;
    if (max === null || date > max) max = date;
  };
  graph.forEachNode((_id, attributes) => see(attributes.date));
  graph.forEachEdge((_id, attributes) => see(attributes.date));
  return min !== null && max !== null ? { min, max } : null;
}
