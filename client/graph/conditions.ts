/** Whether a node's or relationship's properties meet a condition (state/conditions.ts). Pure. */
import type { Condition } from '../state/conditions.js';
import { numberOf, valueText } from './property-values.js';

export function conditionHolds(condition: Condition, properties: Record<string, unknown>): boolean {
  const value = properties[condition.key];
  const absent = value === null || value === undefined || valueText(value) === '';
  if (condition.op === 'notEquals') return absent || !textMatches(value, condition.value, true);
  if (absent) return false;
  if (condition.op === 'atLeast' || condition.op === 'atMost') {
    const actual = numberOf(value);
    const bound = numberOf(condition.value);
    if (actual === null || bound === null) return false;
    return condition.op === 'atLeast' ? actual >= bound : actual <= bound;
  }
  return textMatches(value, condition.value, condition.op === 'equals');
}

/** Case-insensitive; a list matches when one of its items does. */
function textMatches(value: unknown, wanted: string, whole: boolean): boolean {
  const needle = wanted.trim().toLowerCase();
  const values = Array.isArray(value) ? value.map(valueText) : [valueText(value)];
  return values.some((v) => (whole ? v.toLowerCase() === needle : v.toLowerCase().includes(needle)));
}
