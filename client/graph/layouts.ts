/**
 * Layouts besides ForceAtlas2 (as Gephi Lite's layout menu): circular, a grid, and by community
 * (each community a circle of its own, the larger ones first). Each is a pure function from the
 * nodes to positions; `assignLayout` writes them, leaving pinned nodes where they are.
 */
import type { ExplorerGraph } from './dataset.js';

export const LAYOUTS = ['force', 'circular', 'grid', 'community'] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const LAYOUT_NAMES: Record<LayoutName, string> = {
  force: 'Force (ForceAtlas2)',
  circular: 'Circular',
  grid: 'Grid',
  community: 'By community',
};

export type Positions = Map<string, { x: number; y: number }>;

/** Nodes grouped by label, then the best connected first: neighbours in the order stay close. */
function ordered(graph: ExplorerGraph): string[] {
  return graph
    .nodes()
    .sort(
      (a, b) =>
        graph.getNodeAttribute(a, 'nodeLabel').localeCompare(graph.getNodeAttribute(b, 'nodeLabel')) ||
        graph.degree(b) - graph.degree(a) ||
        a.localeCompare(b),
    );
}

const SPACING = 10;

function circle(ids: readonly string[], centre: { x: number; y: number }, radius: number, positions: Positions): void {
  ids.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, ids.length) - Math.PI / 2;
    positions.set(id, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });
}

/** A circle whose circumference gives each node the same room. */
const radiusFor = (count: number) => (count <= 1 ? 0 : (count * SPACING) / (2 * Math.PI));

export function circularLayout(graph: ExplorerGraph): Positions {
  const positions: Positions = new Map();
  const ids = ordered(graph);
  circle(ids, { x: 0, y: 0 }, radiusFor(ids.length), positions);
  return positions;
}

export function gridLayout(graph: ExplorerGraph): Positions {
  const positions: Positions = new Map();
  const ids = ordered(graph);
  const columns = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
  ids.forEach((id, i) => positions.set(id, { x: (i % columns) * SPACING, y: -Math.floor(i / columns) * SPACING }));
  return positions;
}

/** Communities (node → community) as circles, the largest in the middle, the others around it. */
export function communityLayout(graph: ExplorerGraph, communities: ReadonlyMap<string, number>): Positions {
  const groups = new Map<number, string[]>();
  for (const id of ordered(graph)) {
    const community = communities.get(id) ?? -1;
    groups.set(community, [...(groups.get(community) ?? []), id]);
  }
  const sorted = [...groups.values()].sort((a, b) => b.length - a.length);
  const positions: Positions = new Map();
  let ringRadius = 0;
  let angle = 0;
  sorted.forEach((members, index) => {
    const radius = radiusFor(members.length);
    if (index === 0) {
      circle(members, { x: 0, y: 0 }, radius, positions);
      ringRadius = radius + SPACING * 3;
      return;
    }
    // Around the largest: each community takes an arc as wide as it is.
    const ring = ringRadius + radius;
    angle += (radius + SPACING) / ring;
    circle(members, { x: ring * Math.cos(angle), y: ring * Math.sin(angle) }, radius, positions);
    angle += (radius + SPACING) / ring;
    if (angle > 2 * Math.PI - 0.3) {
      ringRadius = ring + radius + SPACING * 3;
      angle = 0;
    }
  });
  return positions;
}

/** Writes positions to the graph; pinned nodes keep theirs. */
export function assignLayout(graph: ExplorerGraph, positions: Positions): void {
  for (const [id, { x, y }] of positions) {
    if (graph.hasNode(id) && graph.getNodeAttribute(id, 'fixed') !== true) graph.mergeNodeAttributes(id, { x, y });
  }
}
