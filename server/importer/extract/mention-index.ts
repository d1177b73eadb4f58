/**
 * Range look-ups in a document's mentions by binary search. The rules ask, for every sentence and
 * every name, which mentions lie in a span of text; filtering the whole list each time made
 * extraction quadratic in the length of the document (a 5 MB article took minutes). The resolved
 * mentions come sorted by start; for a list that is not, the look-ups fall back to a full scan, so
 * the answer is always the same as the filter it replaces, in the list's order.
 */
import { firstIndex } from './first-index.js';

interface Span {
  start: number;
  end: number;
}

interface Layout {
  sorted: boolean;
  /** The longest mention: a mention ending at or after p starts at or after p - longest. */
  longest: number;
}

const layouts = new WeakMap<readonly Span[], Layout>();

function layoutOf(mentions: readonly Span[]): Layout {
  let layout = layouts.get(mentions);
  if (!layout) {
    let sorted = true;
    let longest = 0;
    for (let i = 0; i < mentions.length; i++) {
      if (i > 0 && mentions[i - 1].start > mentions[i].start) sorted = false;
      longest = Math.max(longest, mentions[i].end - mentions[i].start);
    }
    layout = { sorted, longest };
    layouts.set(mentions, layout);
  }
  return layout;
}

/** Index of the first mention whose start is at least `position` (the list sorted by start). */
function firstStartingAt(mentions: readonly Span[], position: number): number {
  return firstIndex(mentions, (m) => m.start >= position);
}

/** Mentions with `from <= start <= to`, in the list's order. */
export function mentionsStartingIn<M extends Span>(mentions: readonly M[], from: number, to: number): M[] {
  if (!layoutOf(mentions).sorted) return mentions.filter((m) => m.start >= from && m.start <= to);
  const found: M[] = [];
  for (let i = firstStartingAt(mentions, from); i < mentions.length && mentions[i].start <= to; i++)
    found.push(mentions[i]);
  return found;
}

/** Mentions wholly inside `[from, to]` (start >= from, end <= to), in the list's order. */
export function mentionsWithin<M extends Span>(mentions: readonly M[], from: number, to: number): M[] {
  return mentionsStartingIn(mentions, from, to).filter((m) => m.end <= to);
}

/**
 * Mentions that end inside `[from, to]`, in the list's order: those start no earlier than
 * `from` minus the longest mention, so only that stretch of the list is looked at.
 */
export function mentionsEndingIn<M extends Span>(mentions: readonly M[], from: number, to: number): M[] {
  const { longest } = layoutOf(mentions);
  return mentionsStartingIn(mentions, from - longest, to).filter((m) => m.end >= from && m.end <= to);
}

/**
 * The last mention in the list's order that ends at or before `position` and is accepted: walked
 * back from the last one starting there (none after it can end there), not over every mention.
 */
export function lastMentionBefore<M extends Span>(
  mentions: readonly M[],
  position: number,
  accept: (mention: M) => boolean,
): M | undefined {
  const from = layoutOf(mentions).sorted ? firstStartingAt(mentions, position + 1) - 1 : mentions.length - 1;
  for (let i = from; i >= 0; i--) if (mentions[i].end <= position && accept(mentions[i])) return mentions[i];
  return undefined;
}
