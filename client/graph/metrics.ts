/**
 * Graph analysis on what is on the canvas: degree, PageRank and betweenness (size modes and the
 * centrality table) and Louvain communities (a colour mode). Computed on an undirected, simple,
 * weighted copy (parallel relationships add weight), once per change of the canvas graph;
 * betweenness, the costly one, only when asked for.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { defaultExport } from './commonjs.js';
import type { ExplorerGraph } from './dataset.js';

const louvain = defaultExport(louvainModule);
const pagerank = defaultExport(pagerankModule);
const betweenness = defaultExport(betweennessModule);

export interface NodeMetrics {
  degree: Map<string, number>;
  pagerank: Map<string, number>;
  community: Map<string, number>;
  /** Filled on first use (O(nodes × edges)). */
  betweenness: Map<string, number> | null;
  communityCount: number;
}

function simpleCopy(graph: ExplorerGraph): UndirectedGraph {
  const simple = new UndirectedGraph();
  graph.forEachNode((node) => simple.addNode(node));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (simple.hasEdge(source, target)) simple.updateEdgeAttribute(source, target, 'weight', (w: number) => w + 1);
    else simple.addEdge(source, target, { weight: 1 });
  });
  return simple;
}

function toMap(record: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(record));
}

/** Keeps the metrics of the current canvas graph; any node or edge added or dropped clears them. */
export class MetricsCache {
  private metrics: NodeMetrics | null = null;
  private simple: UndirectedGraph | null = null;

  constructor(private readonly graph: ExplorerGraph) {
    const invalidate = () => {
      this.metrics = null;
      this.simple = null;
    };
    for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared', 'edgesCleared'] as const)
      graph.on(event, invalidate);
  }

  get(): NodeMetrics {
    if (this.metrics) return this.metrics;
    const simple = (this.simple = simpleCopy(this.graph));
    const degree = new Map<string, number>();
    this.graph.forEachNode((node) => degree.set(node, this.graph.degree(node)));
    const community =
      simple.size === 0
        ? new Map([...degree.keys()].map((node, index) => [node, index]))
        : toMap(louvain(simple, { getEdgeWeight: 'weight', rng: seededRandom(7) }));
    this.metrics = {
      degree,
      pagerank: simple.size === 0 ? new Map() : toMap(pagerank(simple, { getEdgeWeight: 'weight' })),
      community,
      betweenness: null,
      communityCount: new Set(community.values()).size,
    };
    return this.metrics;
  }

  betweenness(): Map<string, number> {
    const metrics = this.get();
    if (!metrics.betweenness)
      metrics.betweenness = toMap(betweenness(this.simple!, { normalized: true, getEdgeWeight: null }));
    return metrics.betweenness;
  }
}

/** Louvain visits nodes in random order: a seeded generator keeps the colours stable. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
