/** How property values become text in formats without lists: lists as JSON arrays. */
import type { PropValue } from '../domain/graph.js';
import type { PropType } from '../domain/schema.js';

export function propertyText(value: PropValue, type: PropType): string {
  if (type === 'string[]' || Array.isArray(value)) return JSON.stringify(Array.isArray(value) ? value : []);
  if (typeof value === 'number' && type === 'int') return String(Math.trunc(value));
  return String(value);
}
