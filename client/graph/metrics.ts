/**
 * Graph analysis on what is on the canvas: degree, PageRank and betweenness (size modes and the
 * centrality table) and Louvain communities (a colour mode). Computed on an undirected, simple,
 * weighted copy (parallel relationships add weight), each only when first asked for after a change
 * of the canvas graph. Betweenness costs O(nodes × edges): it is refused above a size.
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

/** Above this many nodes betweenness would take minutes in the browser. */
export const BETWEENNESS_MAX_NODES = 3000;

function simpleCopy(graph: ExplorerGraph): UndirectedGraph {
  const simple = new UndirectedGraph();
  graph.forEachNode((node) => simple.addNode(node));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (simple.hasEdge(source, target)) simple.updateEdgeAttribute(source, target, 'weight', (w: number) => w + 1);
    else simple.addEdge(source, target, { weight: 1 });
  });
  return simple;
}

const toMap = (record: Record<string, number>) => new Map(Object.entries(record));

/** Louvain visits nodes in random order: a seeded generator keeps the colours stable. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Keeps the metrics of the current canvas graph; any node or edge added or dropped clears them. */
export class MetricsCache {
  private cache = new Map<string, Map<string, number>>();
  private simpleGraph: UndirectedGraph | null = null;

  constructor(private readonly graph: ExplorerGraph) {
    const invalidate = () => {
      this.cache = new Map();
      this.simpleGraph = null;
    };
    for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared', 'edgesCleared'] as const)
      graph.on(event, invalidate);
  }

  private memo(name: string, compute: () => Map<string, number>): Map<string, number> {
    let value = this.cache.get(name);
    if (!value) this.cache.set(name, (value = compute()));
    return value;
  }

  private get simple(): UndirectedGraph {
    return (this.simpleGraph ??= simpleCopy(this.graph));
  }

  degree(): Map<string, number> {
    return this.memo('degree', () => new Map(this.graph.mapNodes((node) => [node, this.graph.degree(node)] as const)));
  }

  pagerank(): Map<string, number> {
    return this.memo('pagerank', () =>
      this.simple.size === 0 ? new Map() : toMap(pagerank(this.simple, { getEdgeWeight: 'weight' })),
    );
  }

  /** Node → community number (Louvain on the weighted copy; isolated nodes are their own community). */
  communities(): Map<string, number> {
    return this.memo('community', () =>
      this.simple.size === 0
        ? new Map(this.graph.mapNodes((node, _a) => node).map((node, index) => [node, index]))
        : toMap(louvain(this.simple, { getEdgeWeight: 'weight', rng: seededRandom(7) })),
    );
  }

  get betweennessAvailable(): boolean {
    return this.graph.order <= BETWEENNESS_MAX_NODES;
  }

  /** Normalised betweenness, or null when the canvas is too large for it. */
  betweenness(): Map<string, number> | null {
    if (!this.betweennessAvailable) return null;
    return this.memo('betweenness', () => toMap(betweenness(this.simple, { normalized: true, getEdgeWeight: null })));
  }
}
