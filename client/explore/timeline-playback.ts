/**
 * Steps the time filter's window through time while playback is on: one bin later every step,
 * keeping the window's width, from the start again when it had reached the end; playback stops
 * by itself at the last bin. Only state changes here: the canvas and the panel follow the filter.
 */
import { firstWindow, nextWindow, type Histogram } from '../graph/timeline.js';
import type { Filters } from '../state/filters.js';
import type { Playback } from '../state/playback.js';

/** Time between two steps: long enough to see what appeared. */
export const STEP_MS = 900;

export interface Clock {
  every(ms: number, tick: () => void): () => void;
}

const realClock: Clock = {
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
};

export function bindPlayback(
  playback: Playback,
  filters: Filters,
  histogram: () => Histogram | null,
  clock: Clock = realClock,
): void {
  let stop: (() => void) | null = null;
  const step = (): boolean => {
    const bins = histogram();
    const next = bins ? nextWindow(bins, filters.current) : null;
    if (next) filters.set(next);
    return next !== null;
  };
  playback.subscribeTo(['playing'], ({ playing }) => {
    stop?.();
    stop = null;
    if (!playing) return;
    const bins = histogram();
    // At the end already: start again from the first window.
    const start = bins && (nextWindow(bins, filters.current) === null ? firstWindow(bins, filters.current) : null);
    if (start) filters.set(start);
    else if (!step()) {
      playback.pause();
      return;
    }
    stop = clock.every(STEP_MS, () => {
      if (!step()) playback.pause();
    });
  });
}
