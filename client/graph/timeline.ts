/**
 * The timeline's arithmetic, pure: when the statements and relations on the canvas are dated, in
 * equal bins of whole days (the histogram), which dates a brush over some bins selects, and where
 * playback moves the window next. The panel (ui/timeline-panel.ts) draws it; the time filter
 * (state/filters.ts) holds the chosen range.
 */
import type { ExplorerGraph } from './dataset.js';

export interface DatedFact {
  date: string;
  kind: 'statement' | 'relation';
}

export interface TimeBin {
  /** Inclusive ISO dates (YYYY-MM-DD). */
  from: string;
  to: string;
  statements: number;
  relations: number;
}

export interface Histogram {
  bins: TimeBin[];
}

/** The range the time filter holds: inclusive ISO dates, null for "no bound". */
export interface DateRange {
  dateFrom: string | null;
  dateTo: string | null;
}

/** Bins drawn at most: enough to see when things were said, few enough to click one. */
export const MAX_BINS = 40;

const DAY_MS = 86_400_000;
export const toDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The dated statements (nodes) and relations (edges) on the canvas. */
export function datedFacts(graph: ExplorerGraph): DatedFact[] {
  const facts: DatedFact[] = [];
  graph.forEachNode((_id, attributes) => {
    if (attributes.date !== null && attributes.nodeLabel === 'Statement')
      facts.push({ date: attributes.date, kind: 'statement' });
  });
  graph.forEachEdge((_id, attributes) => {
    if (attributes.date !== null) facts.push({ date: attributes.date, kind: 'relation' });
  });
  return facts;
}

/** Equal bins of whole days from the first date to the last, at most `maxBins`; null when nothing is dated. */
export function binFacts(facts: readonly DatedFact[], maxBins = MAX_BINS): Histogram | null {
  if (facts.length === 0) return null;
  // Dates repeat: each distinct one is parsed once (a large canvas has tens of thousands of facts).
  const days = new Map<string, number>();
  const dayOf = (date: string) => {
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = toDay(date)));
    return day;
  };
  let first = Infinity;
  let last = -Infinity;
  for (const fact of facts) {
    const day = dayOf(fact.date);
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  const width = Math.ceil((last - first + 1) / maxBins);
  const count = Math.ceil((last - first + 1) / width);
  const bins: TimeBin[] = Array.from({ length: count }, (_, index) => ({
    from: toIso(first + index * width),
    to: toIso(Math.min(last, first + (index + 1) * width - 1)),
    statements: 0,
    relations: 0,
  }));
  for (const fact of facts) {
    const bin = bins[Math.floor((dayOf(fact.date) - first) / width)];
    if (fact.kind === 'statement') bin.statements += 1;
    else bin.relations += 1;
  }
  return { bins };
}

/** The index of the bin under `x`, a position across a strip `width` wide (clamped to the strip). */
export function binAt(histogram: Histogram, x: number, width: number): number {
  const count = histogram.bins.length;
  if (width <= 0) return 0;
  return Math.max(0, Math.min(count - 1, Math.floor((x / width) * count)));
}

/**
 * The range a brush from bin `a` to bin `b` (either order) selects: from the first day of the
 * earlier bin to the last day of the later. A bound at the histogram's edge is no bound (null), so
 * a brush over everything clears the filter.
 */
export function brushRange(histogram: Histogram, a: number, b: number): DateRange {
  const last = histogram.bins.length - 1;
  const [low, high] = [Math.max(0, Math.min(a, b)), Math.min(last, Math.max(a, b))];
  return {
    dateFrom: low === 0 ? null : histogram.bins[low].from,
    dateTo: high === last ? null : histogram.bins[high].to,
  };
}

/** The bins a range covers, [first, last] (the whole histogram when unbounded). */
export function binsOf(histogram: Histogram, range: DateRange): [number, number] {
  const { bins } = histogram;
  let first = 0;
  let last = bins.length - 1;
  if (range.dateFrom !== null) {
    const from = range.dateFrom;
    first = bins.findIndex((bin) => bin.to >= from);
    if (first < 0) first = bins.length - 1;
  }
  if (range.dateTo !== null) {
    const to = range.dateTo;
    const after = bins.findIndex((bin) => bin.from > to);
    last = after < 0 ? bins.length - 1 : Math.max(0, after - 1);
  }
  return [Math.min(first, last), Math.max(first, last)];
}

/**
 * Playback's next step: the window of bins moved one bin later, keeping its width; null once its
 * end reached the last bin. A window over everything starts as the first fifth of the histogram.
 */
export function nextWindow(histogram: Histogram, range: DateRange): DateRange | null {
  const count = histogram.bins.length;
  let [first, last] = binsOf(histogram, range);
  if (first === 0 && last === count - 1) {
    if (count < 2) return null;
    last = Math.max(0, Math.ceil(count / 5) - 1);
    return windowRange(histogram, 0, last);
  }
  if (last >= count - 1) return null;
  first += 1;
  last += 1;
  return windowRange(histogram, first, last);
}

/** A window as explicit dates (playback shows where it is, even at the edges). */
function windowRange(histogram: Histogram, first: number, last: number): DateRange {
  return { dateFrom: histogram.bins[first].from, dateTo: histogram.bins[last].to };
}

/** Playback from the start: the first window (when the current one already reached the end). */
export function firstWindow(histogram: Histogram, range: DateRange): DateRange | null {
  const [first, last] = binsOf(histogram, range);
  const width = last - first;
  if (width >= histogram.bins.length - 1) return nextWindow(histogram, { dateFrom: null, dateTo: null });
  return windowRange(histogram, 0, width);
}
