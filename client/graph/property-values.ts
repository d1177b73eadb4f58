/**
 * Reading node and relationship properties for styling, filters, the hover card and the table:
 * one text form per value (lists joined), the keys worth offering, numbers recognised.
 */

/** Keys never offered for colouring, filtering or captions: ids and long free text. */
const UNOFFERED = new Set(['id', 'text', 'evidence', 'searchText', 'spans', 'contentHash', 'sentence']);

/** A value as one line of text: lists joined with ", ", nothing for null and undefined. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A number, also from a numeric string ("0.85"); null otherwise. */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** The property keys of these property sets that can be offered, sorted by name. */
export function offeredKeys(propertySets: Iterable<Record<string, unknown>>): string[] {
  const keys = new Set<string>();
  for (const properties of propertySets) {
    for (const [key, value] of Object.entries(properties))
      if (!UNOFFERED.has(key) && value !== null && value !== undefined && value !== '') keys.add(key);
  }
  return [...keys].sort((a, b) => a.localeCompare(b));
}
