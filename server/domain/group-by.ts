/**
 * Items grouped by a key, groups in the order their first item came (Map.groupBy arrives only with
 * Node 21). Pushes into the group: copying it for every item made grouping quadratic.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
