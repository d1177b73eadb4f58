/**
 * The timeline without a browser: dated facts binned into a histogram, a brush over bins turned
 * into the time filter's dates, playback stepping the window, nodes the date range strands hidden,
 * and the legend counting what the filters leave shown.
 */
import { describe, expect, it } from 'vitest';
import { bindPlayback, type Clock } from '../../client/explore/timeline-playback.js';
import { DerivedView } from '../../client/graph/derived-view.js';
import { MetricsCache } from '../../client/graph/metrics.js';
import {
  binAt,
  binFacts,
  binsOf,
  brushRange,
  datedFacts,
  firstWindow,
  nextWindow,
  type DatedFact,
} from '../../client/graph/timeline.js';
import { computeVisibility } from '../../client/graph/visibility.js';
import { Appearance } from '../../client/state/appearance.js';
import { DEFAULT_FILTERS, Filters } from '../../client/state/filters.js';
import { Playback } from '../../client/state/playback.js';
import { sampleCanvas } from '../helpers/canvas-graph.js';

const statement = (date: string): DatedFact => ({ date, kind: 'statement' });
const relation = (date: string): DatedFact => ({ date, kind: 'relation' });

/** The sample canvas with its 2021 statement dated to the day. */
const canvas = () => sampleCanvas('2021-01-15');

describe('the histogram', () => {
  it('counts statements and relations in equal bins of whole days from the first date to the last', () => {
    const histogram = binFacts(
      [statement('2021-01-01'), statement('2021-01-10'), relation('2021-01-10'), relation('2021-01-20')],
      4,
    )!;
    // 20 days in 4 bins of 5 days.
    expect(histogram.bins).toEqual([
      { from: '2021-01-01', to: '2021-01-05', statements: 1, relations: 0 },
      { from: '2021-01-06', to: '2021-01-10', statements: 1, relations: 1 },
      { from: '2021-01-11', to: '2021-01-15', statements: 0, relations: 0 },
      { from: '2021-01-16', to: '2021-01-20', statements: 0, relations: 1 },
    ]);
  });

  it('uses one bin per day when there are few days, and nothing when nothing is dated', () => {
    expect(binFacts([statement('2021-01-01'), statement('2021-01-03')], 40)!.bins.map((bin) => bin.from)).toEqual([
      '2021-01-01',
      '2021-01-02',
      '2021-01-03',
    ]);
    expect(binFacts([statement('2021-05-05')])!.bins).toEqual([
      { from: '2021-05-05', to: '2021-05-05', statements: 1, relations: 0 },
    ]);
    expect(binFacts([])).toBeNull();
  });

  it('takes the dated statements and relations of the canvas', () => {
    expect(datedFacts(canvas()).sort((x, y) => x.date.localeCompare(y.date))).toEqual([
      statement('2020-10-23'),
      statement('2021-01-15'),
      relation('2021-03-01'),
    ]);
  });
});

describe('brushing a range', () => {
  const histogram = binFacts([statement('2021-01-01'), statement('2021-01-20')], 4)!;

  it('finds the bin under the pointer, clamped to the strip', () => {
    expect(binAt(histogram, 0, 200)).toBe(0);
    expect(binAt(histogram, 99, 200)).toBe(1);
    expect(binAt(histogram, 199, 200)).toBe(3);
    expect(binAt(histogram, -30, 200)).toBe(0);
    expect(binAt(histogram, 500, 200)).toBe(3);
  });

  it('selects from the first day of the earlier bin to the last day of the later, in either direction', () => {
    expect(brushRange(histogram, 2, 1)).toEqual({ dateFrom: '2021-01-06', dateTo: '2021-01-15' });
    expect(brushRange(histogram, 1, 1)).toEqual({ dateFrom: '2021-01-06', dateTo: '2021-01-10' });
  });

  it('leaves a bound at the edge of the histogram open, so that brushing everything clears the filter', () => {
    expect(brushRange(histogram, 0, 1)).toEqual({ dateFrom: null, dateTo: '2021-01-10' });
    expect(brushRange(histogram, 3, 0)).toEqual({ dateFrom: null, dateTo: null });
  });

  it('finds the bins a range covers (dates typed in fields fall inside bins)', () => {
    expect(binsOf(histogram, { dateFrom: null, dateTo: null })).toEqual([0, 3]);
    expect(binsOf(histogram, { dateFrom: '2021-01-07', dateTo: '2021-01-12' })).toEqual([1, 2]);
    expect(binsOf(histogram, { dateFrom: '2021-01-16', dateTo: null })).toEqual([3, 3]);
  });
});

describe('playback', () => {
  const histogram = binFacts([statement('2021-01-01'), statement('2021-01-10')], 10)!;

  it('steps the window one bin later, keeping its width, and stops at the end', () => {
    expect(nextWindow(histogram, { dateFrom: '2021-01-03', dateTo: '2021-01-04' })).toEqual({
      dateFrom: '2021-01-04',
      dateTo: '2021-01-05',
    });
    expect(nextWindow(histogram, { dateFrom: '2021-01-08', dateTo: null })).toBeNull();
  });

  it('starts a window over everything as its first fifth, and starts again from the beginning', () => {
    expect(nextWindow(histogram, { dateFrom: null, dateTo: null })).toEqual({
      dateFrom: '2021-01-01',
      dateTo: '2021-01-02',
    });
    expect(firstWindow(histogram, { dateFrom: '2021-01-08', dateTo: null })).toEqual({
      dateFrom: '2021-01-01',
      dateTo: '2021-01-03',
    });
  });

  it('moves the time filter on every tick while playing, and pauses by itself at the end', () => {
    const filters = new Filters();
    const playback = new Playback();
    let tick: (() => void) | null = null;
    const clock: Clock = {
      every: (_ms, callback) => {
        tick = callback;
        return () => (tick = null);
      },
    };
    bindPlayback(playback, filters, () => histogram, clock);
    filters.set({ dateFrom: '2021-01-06', dateTo: '2021-01-08' });
    playback.play();
    expect(filters.current).toMatchObject({ dateFrom: '2021-01-07', dateTo: '2021-01-09' });
    tick!();
    expect(filters.current).toMatchObject({ dateFrom: '2021-01-08', dateTo: '2021-01-10' });
    tick!();
    expect(playback.current.playing).toBe(false);
    expect(tick).toBeNull();
    // Played again from the end: from the beginning, same width.
    playback.play();
    expect(filters.current).toMatchObject({ dateFrom: '2021-01-01', dateTo: '2021-01-03' });
    playback.pause();
    expect(tick).toBeNull();
  });
});

describe('the time filter on the canvas', () => {
  it('hides a node the date range left without any relationship, not one that never had any', () => {
    const visibility = computeVisibility(canvas(), { ...DEFAULT_FILTERS, dateTo: '2020-12-31' });
    // b said only the 2021 statement and criticised a in March 2021: stranded, hidden.
    expect([...visibility.hiddenNodes].sort()).toEqual(['b', 's2021']);
    const none = computeVisibility(canvas(), { ...DEFAULT_FILTERS, hiddenRelTypes: ['CRITICIZED'] });
    expect(none.hiddenNodes.has('lonely')).toBe(false);
  });

  it('counts in the legend what the filters leave shown of each label', () => {
    const graph = canvas();
    const filters = new Filters();
    const view = new DerivedView(graph, filters, new Appearance(), new MetricsCache(graph));
    filters.set({ dateTo: '2020-12-31' });
    const counts = Object.fromEntries(
      view
        .legend()
        .map((entry) => [
          entry.kind === 'label' ? entry.label : '',
          entry.kind === 'label' && [entry.shown, entry.count],
        ]),
    );
    expect(counts).toEqual({ Actor: [2, 3], Statement: [1, 2], Document: [1, 1] });
  });
});
