/**
 * A legend line while nodes are coloured by an attribute: a value (categorical) or a range
 * (numeric), with how many nodes on the canvas have it. Long values are cut; the full one is the title.
 */
import type { LegendEntry } from '../graph/derived-view.js';
import { el } from './dom.js';

const LEGEND_VALUE_MAX = 40;

export function attributeItem(entry: Extract<LegendEntry, { kind: 'attribute' }>): HTMLElement {
  const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.background = entry.color;
  const shown = entry.name.length > LEGEND_VALUE_MAX ? `${entry.name.slice(0, LEGEND_VALUE_MAX - 1)}…` : entry.name;
  return el(
    'li',
    { class: 'legend-entry', 'data-legend-value': entry.name, title: entry.name },
    swatch,
    el('span', { class: 'legend-name' }, shown),
    el('span', { class: 'legend-count' }, String(entry.count)),
  );
}
