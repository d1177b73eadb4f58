/**
 * Evaluating style rules (state/style-rules.ts) on one node: whether a rule matches, the colour
 * and size after every matching rule, and the caption chosen for the node's label. Pure functions.
 */
import type { StyleRule, StyleState } from '../state/style-rules.js';
import { OP_NAMES } from '../state/conditions.js';
import { conditionHolds } from './conditions.js';
import { valueText } from './property-values.js';

export function ruleMatches(rule: StyleRule, label: string, properties: Record<string, unknown>): boolean {
  if (rule.label !== '' && rule.label !== label) return false;
  return rule.when === null || conditionHolds(rule.when, properties);
}

/** The node's colour and size once every matching rule is applied, in order (later rules win). */
export function applyRules(
  rules: readonly StyleRule[],
  label: string,
  properties: Record<string, unknown>,
  base: { color: string; size: number },
): { color: string; size: number } {
  let { color } = base;
  let factor = 1;
  for (const rule of rules) {
    if (!ruleMatches(rule, label, properties)) continue;
    if (rule.color !== null) color = rule.color;
    if (rule.size !== null) factor = rule.size;
  }
  return { color, size: base.size * factor };
}

/** The caption chosen for this label (a property's text), or null to keep the API's caption. */
export function chosenCaption(style: StyleState, label: string, properties: Record<string, unknown>): string | null {
  const key = style.captions[label];
  if (!key) return null;
  const text = valueText(properties[key]).trim();
  return text === '' ? null : text;
}

/** A rule in words, for the list of rules and its buttons' names. */
export function describeRule(rule: StyleRule): string {
  const who = rule.label === '' ? 'Every node' : rule.label;
  const condition = rule.when ? ` where ${rule.when.key} ${OP_NAMES[rule.when.op]} “${rule.when.value}”` : '';
  const effects = [rule.color !== null ? `colour ${rule.color}` : '', rule.size !== null ? `size ×${rule.size}` : '']
    .filter(Boolean)
    .join(', ');
  return `${who}${condition}: ${effects}`;
}
