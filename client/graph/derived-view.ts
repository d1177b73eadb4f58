/**
 * What the renderer draws, derived from the dataset, the filters and the appearance state:
 * visibility (filters), colour (label or community) and size (degree, PageRank, betweenness).
 * Cached, and computed again only when one of its sources changes. Sigma asks the reducers once
 * per node and edge as they are added, so a change of the graph does not drop the caches at once
 * (deriving again per element made adding N elements O(N²): 3.5 minutes for 20,000 nodes): they
 * stay in use until the synchronous batch of changes is over, then everything is derived once and
 * `onRederived` listeners (the renderer) draw again.
 */
import type { Appearance } from '../state/appearance.js';
import type { Filters } from '../state/filters.js';
import { DEFAULT_STYLE, type StyleRules, type StyleState } from '../state/style-rules.js';
import { COMMUNITY_COLORS, canvasLabel, colorOf, communityColor, sizeOf, sizeOfShare } from './appearance.js';
import { attributeScale, colorOnScale, scaleLines, type AttributeScale } from './attribute-scale.js';
import { countByLabel, type ExplorerGraph } from './dataset.js';
import type { MetricsCache } from './metrics.js';
import { applyRules, chosenCaption } from './style-rules.js';
import { describeRelationshipStyle, edgeStyles, type EdgeStyle } from './edge-styles.js';
import { computeVisibility, type Visibility } from './visibility.js';

export interface NodeStyle {
  color: string;
  size: number;
  /** The canvas label when a style rule chose another caption property. */
  label?: string;
  caption?: string;
  /** While coloured by community: the node's community, 1 for the largest (exports carry it). */
  community?: number;
}

/** One line of the legend: a node label (a toggle) or, when colouring by community, a community. */
export type LegendEntry =
  | { kind: 'label'; label: string; color: string; count: number; shown: number }
  | { kind: 'community'; rank: number; color: string; count: number; example: string }
  | { kind: 'attribute'; key: string; name: string; color: string; count: number };

/** A styled relationship type as the legend shows it: its colour and width, and how many are drawn. */
export interface RelationshipLegendEntry {
  type: string;
  color: string | null;
  width: number | null;
  /** The style in words ("SAID: colour #aa0000, width 4"). */
  text: string;
  count: number;
}

/** Communities past the palette share the fallback grey: one legend line for them all. */
const OTHER_COMMUNITIES = COMMUNITY_COLORS.length;

const NOTHING_HIDDEN: Visibility = { hiddenNodes: new Set(), hiddenEdges: new Set() };

export class DerivedView {
  private visibilityCache: Visibility | null = null;
  private styleCache: Map<string, NodeStyle> | null = null;
  private edgeStyleCache: Map<string, EdgeStyle> | null = null;
  /** The graph changed since the caches were made; they are dropped when the change is over. */
  private stale = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly graph: ExplorerGraph,
    private readonly filters: Filters,
    private readonly appearance: Appearance,
    private readonly metrics: MetricsCache,
    private readonly styleRules?: StyleRules,
  ) {
    const structure = () => {
      if (this.stale) return;
      this.stale = true;
      queueMicrotask(() => {
        this.stale = false;
        this.visibilityCache = null;
        this.styleCache = null;
        this.edgeStyleCache = null;
        for (const listener of this.listeners) listener();
      });
    };
    for (const event of ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared', 'edgesCleared'] as const)
      graph.on(event, structure);
    filters.subscribe(() => (this.visibilityCache = null));
    appearance.subscribe(() => (this.styleCache = null));
    styleRules?.subscribe(() => {
      this.styleCache = null;
      this.edgeStyleCache = null;
    });
  }

  private get rules(): StyleState {
    return this.styleRules?.current ?? DEFAULT_STYLE;
  }

  /** The scale of the attribute nodes are coloured by, or null when colouring by label or community. */
  attributeScale(): AttributeScale | null {
    const { colorMode, colorAttribute } = this.appearance.current;
    if (colorMode !== 'attribute' || colorAttribute === null) return null;
    const values: unknown[] = [];
    this.graph.forEachNode((_node, attributes) => values.push(attributes.properties[colorAttribute]));
    return attributeScale(colorAttribute, values);
  }

  /** Calls back after a change of the graph has been derived anew (the canvas should draw again). */
  onRederived(listener: () => void): void {
    this.listeners.add(listener);
  }

  get visibility(): Visibility {
    if (!this.filters.active) return NOTHING_HIDDEN;
    return (this.visibilityCache ??= computeVisibility(this.graph, this.filters.current));
  }

  isNodeHidden(node: string): boolean {
    return this.visibility.hiddenNodes.has(node);
  }

  isEdgeHidden(edge: string): boolean {
    return this.visibility.hiddenEdges.has(edge);
  }

  /** A node added since the cache was made is drawn by its own label colour and degree meanwhile. */
  style(node: string): NodeStyle | undefined {
    const cached = (this.styleCache ??= this.computeStyles()).get(node);
    if (cached || !this.graph.hasNode(node)) return cached;
    const attributes = this.graph.getNodeAttributes(node);
    return { color: attributes.color, size: sizeOf(this.graph.degree(node), attributes.nodeLabel) };
  }

  /** How a relationship's type style draws it (colour, width); undefined when its type is not styled. */
  edgeStyle(edge: string): EdgeStyle | undefined {
    return (this.edgeStyleCache ??= edgeStyles(this.graph, this.rules.relationships)).get(edge);
  }

  /** The styled relationship types on the canvas, for the legend, by name. */
  relationshipLegend(): RelationshipLegendEntry[] {
    const styles = this.rules.relationships ?? {};
    if (Object.keys(styles).length === 0) return [];
    const counts = new Map<string, number>();
    this.graph.forEachEdge((edge, { relType }) => {
      if (Object.hasOwn(styles, relType) && !this.isEdgeHidden(edge))
        counts.set(relType, (counts.get(relType) ?? 0) + 1);
    });
    return [...counts.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([type, count]) => {
        const style = styles[type];
        return { type, color: style.color, width: style.width, text: describeRelationshipStyle(type, style), count };
      });
  }

  /**
   * What the legend lists: the labels on the canvas, or the communities while nodes are coloured
   * by community (the label colours would then say nothing about the nodes drawn).
   */
  legend(): LegendEntry[] {
    if (this.appearance.current.colorMode === 'community') return this.communityLegend();
    const scale = this.attributeScale();
    if (scale) return scaleLines(scale).map((line) => ({ kind: 'attribute', key: scale.key, ...line }));
    // How many of each label the filters leave shown: the legend says "4 / 21" under a filter.
    const hidden = new Map<string, number>();
    for (const node of this.visibility.hiddenNodes) {
      if (!this.graph.hasNode(node)) continue;
      const label = this.graph.getNodeAttribute(node, 'nodeLabel');
      hidden.set(label, (hidden.get(label) ?? 0) + 1);
    }
    return [...countByLabel(this.graph).entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([label, count]) => ({
        kind: 'label',
        label,
        color: colorOf(label),
        count,
        shown: count - (hidden.get(label) ?? 0),
      }));
  }

  /** One entry per coloured community, named after its best-connected member; the rest as one grey entry. */
  private communityLegend(): LegendEntry[] {
    const communities = this.metrics.communities();
    const rankOf = this.communityRanks(communities);
    const degree = this.metrics.degree();
    const entries = new Map<number, { count: number; example: string; exampleDegree: number }>();
    for (const [node, community] of communities) {
      if (!this.graph.hasNode(node)) continue;
      const rank = Math.min(rankOf.get(community) ?? OTHER_COMMUNITIES, OTHER_COMMUNITIES);
      const entry = entries.get(rank) ?? { count: 0, example: '', exampleDegree: -1 };
      entry.count += 1;
      const nodeDegree = degree.get(node) ?? 0;
      if (nodeDegree > entry.exampleDegree) {
        entry.example = this.graph.getNodeAttribute(node, 'caption');
        entry.exampleDegree = nodeDegree;
      }
      entries.set(rank, entry);
    }
    return [...entries.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([rank, { count, example }]) => ({ kind: 'community', rank, color: communityColor(rank), count, example }));
  }

  /** The largest community gets the first colour, so colours follow importance. */
  private communityRanks(communities: Map<string, number>): Map<number, number> {
    const sizes = new Map<number, number>();
    for (const community of communities.values()) sizes.set(community, (sizes.get(community) ?? 0) + 1);
    const ranks = new Map<number, number>();
    [...sizes.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .forEach(([community], rank) => ranks.set(community, rank));
    return ranks;
  }

  private computeStyles(): Map<string, NodeStyle> {
    const { colorMode, sizeMode } = this.appearance.current;
    const communities = colorMode === 'community' ? this.metrics.communities() : null;
    const communityRank = communities ? this.communityRanks(communities) : new Map<number, number>();
    const degree = this.metrics.degree();
    const share =
      sizeMode === 'pagerank'
        ? this.metrics.pagerank()
        : sizeMode === 'betweenness'
          ? this.metrics.betweenness()
          : null;
    let max = 0;
    for (const value of share?.values() ?? []) max = Math.max(max, value);
    const scale = this.attributeScale();
    const rules = this.rules;

    const styles = new Map<string, NodeStyle>();
    this.graph.forEachNode((node, attributes) => {
      const label = attributes.nodeLabel;
      const rank = communities !== null ? (communityRank.get(communities.get(node) ?? -1) ?? 99) : null;
      const color =
        rank !== null
          ? communityColor(rank)
          : scale !== null
            ? colorOnScale(scale, attributes.properties[scale.key])
            : attributes.color;
      const size =
        share === null
          ? sizeOf(degree.get(node) ?? 0, label)
          : sizeOfShare(max > 0 ? (share.get(node) ?? 0) / max : 0, label);
      const styled: NodeStyle = applyRules(rules.rules, label, attributes.properties, { color, size });
      const caption = chosenCaption(rules, label, attributes.properties);
      if (caption !== null) Object.assign(styled, { caption, label: canvasLabel(label, caption) });
      if (rank !== null) styled.community = rank + 1;
      styles.set(node, styled);
    });
    return styles;
  }
}
