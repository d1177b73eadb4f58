/**
 * How each relationship on the canvas is drawn under the relationship styles of the Style tab
 * (state/style-rules.ts): its type's colour, and its type's width or a width scaled by one of its
 * numeric properties, between the least and the greatest value of that type on the canvas (as
 * Gephi Lite sizes edges by an attribute). Pure functions over the graph.
 */
import type { RelationshipStyle } from '../state/style-rules.js';
import { MAX_EDGE_WIDTH } from '../state/style-rules.js';
import type { ExplorerGraph } from './dataset.js';
import { numberOf } from './property-values.js';

/** What a relationship style changes of one relationship; what it leaves out stays as the reducer draws it. */
export interface EdgeStyle {
  color?: string;
  size?: number;
}

/** The width scaled by a property starts here, for the type's least value (and for a missing one). */
export const MIN_SCALED_WIDTH = 1;

/** The least and greatest value of `key` among the relationships of `type`. */
function rangeOf(graph: ExplorerGraph, type: string, key: string): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  graph.forEachEdge((_edge, attributes) => {
    if (attributes.relType !== type) return;
    const value = numberOf(attributes.properties?.[key]);
    if (value === null) return;
    min = Math.min(min, value);
    max = Math.max(max, value);
  });
  return min <= max ? { min, max } : null;
}

/** A value's width between MIN_SCALED_WIDTH and `widest`; all values equal: the widest. */
function scaledWidth(value: number | null, range: { min: number; max: number } | null, widest: number): number {
  if (value === null || range === null) return MIN_SCALED_WIDTH;
  if (range.max === range.min) return widest;
  return MIN_SCALED_WIDTH + ((value - range.min) / (range.max - range.min)) * (widest - MIN_SCALED_WIDTH);
}

/** The style of every relationship whose type is styled, by edge key. */
export function edgeStyles(
  graph: ExplorerGraph,
  styles: Readonly<Record<string, RelationshipStyle>> | undefined,
): Map<string, EdgeStyle> {
  const result = new Map<string, EdgeStyle>();
  if (!styles || Object.keys(styles).length === 0) return result;
  const ranges = new Map<string, { min: number; max: number } | null>();
  for (const [type, style] of Object.entries(styles))
    if (style.widthBy !== null) ranges.set(type, rangeOf(graph, type, style.widthBy));
  graph.forEachEdge((edge, attributes) => {
    const style = Object.hasOwn(styles, attributes.relType) ? styles[attributes.relType] : undefined;
    if (!style) return;
    const drawn: EdgeStyle = {};
    if (style.color !== null) drawn.color = style.color;
    if (style.widthBy !== null) {
      const value = numberOf(attributes.properties?.[style.widthBy]);
      drawn.size = scaledWidth(value, ranges.get(attributes.relType) ?? null, style.width ?? MAX_EDGE_WIDTH);
    } else if (style.width !== null) drawn.size = style.width;
    result.set(edge, drawn);
  });
  return result;
}

/** A relationship style in words, for the Style tab's list and the legend. */
export function describeRelationshipStyle(type: string, style: RelationshipStyle): string {
  const width =
    style.widthBy !== null
      ? `width ${MIN_SCALED_WIDTH}–${style.width ?? MAX_EDGE_WIDTH} by ${style.widthBy}`
      : style.width !== null
        ? `width ${style.width}`
        : '';
  const effects = [style.color !== null ? `colour ${style.color}` : '', width].filter(Boolean).join(', ');
  return `${type}: ${effects}`;
}
