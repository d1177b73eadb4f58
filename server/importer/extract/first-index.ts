/**
 * Binary search: the first index of `list` at which `reached` holds, for a test that is false up
 * to some index and true from there on (list.length if it never holds). The extraction rules use
 * it to find a position among sentences, quotes and mentions, which are in text order.
 */
export function firstIndex<T>(list: readonly T[], reached: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reached(list[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}
