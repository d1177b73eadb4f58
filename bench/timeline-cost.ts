/**
 * What the timeline adds to every change of a large canvas: the histogram (the dated statements
 * and relations binned) and the date filter's second visibility pass (the nodes a date range
 * strands), each as a ratio of the visibility pass the canvas already made before this change.
 * Pure client code on a synthetic graph (bench/synthetic-graph.ts), no browser. Asserts nothing.
 *
 * Run: npx tsx bench/timeline-cost.ts [nodes=20000] [edges=50000]
 */
import type { ApiEdge, ApiNode } from '../server/domain/api.js';
import { captionOf } from '../server/domain/graph.js';
import { createGraph, mergePayload } from '../client/graph/dataset.js';
import { binFacts, datedFacts } from '../client/graph/timeline.js';
import { computeVisibility } from '../client/graph/visibility.js';
import { DEFAULT_FILTERS } from '../client/state/filters.js';
import { syntheticGraph } from './synthetic-graph.js';

const nodes = Number(process.argv[2] ?? 20_000);
const edges = Number(process.argv[3] ?? 50_000);

/** Median milliseconds of `runs` calls after two warm-up calls. */
function median(runs: number, work: () => void): number {
  work();
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const batch = syntheticGraph({ nodes, edges });
const graph = createGraph();
mergePayload(
  graph,
  {
    nodes: batch.nodes.map((node): ApiNode => ({ ...node, caption: captionOf(node) })),
    edges: batch.edges.map((edge): ApiEdge => ({ ...edge })),
  },
  'overview',
);
const histogram = binFacts(datedFacts(graph));
console.log(`${graph.order} nodes, ${graph.size} relationships, ${datedFacts(graph).length} dated facts`);
console.log(`histogram: ${histogram?.bins.length ?? 0} bins`);

const hideAType = { ...DEFAULT_FILTERS, hiddenRelTypes: ['MENTIONED_IN'] };
const [first, last] = histogram ? [histogram.bins[0].from, histogram.bins.at(-1)!.to] : [null, null];
const middle = histogram ? histogram.bins[Math.floor(histogram.bins.length / 2)].from : null;
const baseline = median(9, () => computeVisibility(graph, hideAType));
const bins = median(9, () => binFacts(datedFacts(graph)));
const dated = median(9, () => computeVisibility(graph, { ...hideAType, dateFrom: middle, dateTo: last }));
console.log(`range ${first} – ${last}, filter from ${middle}`);
console.log(`visibility without a date range (baseline): ${baseline.toFixed(1)} ms`);
console.log(`timeline histogram: ${bins.toFixed(1)} ms = ${(bins / baseline).toFixed(2)}x the baseline`);
console.log(
  `visibility with a date range (stranded nodes hidden too): ${dated.toFixed(1)} ms = ${(dated / baseline).toFixed(2)}x the baseline`,
);
console.log('Absolute figures were taken on a shared, busy machine: read the ratios.');
