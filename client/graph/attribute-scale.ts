/**
 * Colour by any attribute (as Gephi Lite's partition and ranking): the values of one property over
 * the nodes on the canvas become either categories (the most frequent get a colour each, the rest
 * one grey) or, when every value is a number, ranges of equal width on a sequential palette. The
 * scale is also the legend. Pure functions.
 */
import { COMMUNITY_COLORS, FALLBACK_COLOR } from './appearance.js';
import { numberOf, valueText } from './property-values.js';

/** Nodes without the property. */
export const MISSING_COLOR = '#d9d9d9';
/** Viridis at five steps: ordered from dark to light, readable by colour-blind people. */
export const RANGE_COLORS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
const CATEGORY_COLORS = COMMUNITY_COLORS.slice(0, 9);

export type AttributeScale =
  | {
      kind: 'categorical';
      key: string;
      entries: Array<{ value: string; color: string; count: number }>;
      /** Nodes whose value is past the coloured ones (drawn in FALLBACK_COLOR). */
      otherCount: number;
      missingCount: number;
    }
  | {
      kind: 'numeric';
      key: string;
      ranges: Array<{ from: number; to: number; color: string; count: number }>;
      missingCount: number;
    };

const missing = (value: unknown) => value === null || value === undefined || valueText(value) === '';

export function attributeScale(key: string, values: readonly unknown[]): AttributeScale {
  const present = values.filter((v) => !missing(v));
  const missingCount = values.length - present.length;
  const numbers = present.map(numberOf);
  if (present.length > 0 && numbers.every((n) => n !== null)) {
    return { kind: 'numeric', key, ranges: numericRanges(numbers), missingCount };
  }
  const counts = new Map<string, number>();
  for (const value of present) counts.set(valueText(value), (counts.get(valueText(value)) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const entries = sorted
    .slice(0, CATEGORY_COLORS.length)
    .map(([value, count], i) => ({ value, count, color: CATEGORY_COLORS[i] }));
  const otherCount = sorted.slice(CATEGORY_COLORS.length).reduce((sum, [, count]) => sum + count, 0);
  return { kind: 'categorical', key, entries, otherCount, missingCount };
}

function numericRanges(numbers: number[]): Array<{ from: number; to: number; color: string; count: number }> {
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const steps = min === max ? 1 : RANGE_COLORS.length;
  const width = (max - min) / steps;
  const ranges = Array.from({ length: steps }, (_, i) => ({
    from: min + i * width,
    to: i === steps - 1 ? max : min + (i + 1) * width,
    color: RANGE_COLORS[steps === 1 ? RANGE_COLORS.length - 1 : i],
    count: 0,
  }));
  for (const n of numbers) ranges[rangeIndex(ranges, n)].count += 1;
  return ranges;
}

function rangeIndex(ranges: ReadonlyArray<{ from: number; to: number }>, n: number): number {
  const index = ranges.findIndex((range) => n < range.to);
  return index === -1 ? ranges.length - 1 : index;
}

/** The colour of one value on the scale. */
export function colorOnScale(scale: AttributeScale, value: unknown): string {
  if (missing(value)) return MISSING_COLOR;
  if (scale.kind === 'numeric') {
    const n = numberOf(value);
    return n === null ? MISSING_COLOR : scale.ranges[rangeIndex(scale.ranges, n)].color;
  }
  return scale.entries.find((entry) => entry.value === valueText(value))?.color ?? FALLBACK_COLOR;
}

/** A range's bounds as text: numbers up to three decimals. */
export function rangeText(range: { from: number; to: number }): string {
  const fmt = (n: number) => String(Math.round(n * 1000) / 1000);
  return range.from === range.to ? fmt(range.from) : `${fmt(range.from)} – ${fmt(range.to)}`;
}

/** The scale as legend lines: one per value or range, then the other values and the missing. */
export function scaleLines(scale: AttributeScale): Array<{ name: string; color: string; count: number }> {
  const lines =
    scale.kind === 'numeric'
      ? scale.ranges.map((range) => ({ name: rangeText(range), color: range.color, count: range.count }))
      : scale.entries.map((entry) => ({ name: entry.value, color: entry.color, count: entry.count }));
  if (scale.kind === 'categorical' && scale.otherCount > 0)
    lines.push({ name: 'Other values', color: FALLBACK_COLOR, count: scale.otherCount });
  if (scale.missingCount > 0) lines.push({ name: `No ${scale.key}`, color: MISSING_COLOR, count: scale.missingCount });
  return lines;
}
