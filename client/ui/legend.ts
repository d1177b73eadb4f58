/**
 * The legend: one swatch per node label with how many are on the canvas, each a toggle button
 * that hides or shows that label (appearance state; the data is untouched). While nodes are
 * coloured by community, it lists the communities instead (named after a member), not toggles.
 * Under them, the relationship types the Style tab styled: a line of their colour and width.
 */
import { COMMUNITY_COLORS } from '../graph/appearance.js';
import type { LegendEntry, RelationshipLegendEntry } from '../graph/derived-view.js';
import type { Filters } from '../state/filters.js';
import { attributeItem } from './attribute-legend.js';
import { clear, el } from './dom.js';

function swatchOf(color: string): HTMLElement {
  const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.background = color;
  return swatch;
}

function labelItem(entry: Extract<LegendEntry, { kind: 'label' }>, filters: Filters): HTMLElement {
  const { label, count } = entry;
  const shown = !filters.isLabelHidden(label);
  const toggle = el(
    'button',
    {
      type: 'button',
      class: 'legend-toggle',
      'aria-pressed': String(shown),
      'data-label': label,
      title: `${shown ? 'Hide' : 'Show'} ${label} nodes`,
    },
    swatchOf(entry.color),
    el('span', { class: 'legend-name' }, label),
    el('span', { class: 'legend-count' }, entry.shown === count ? String(count) : `${entry.shown} / ${count}`),
  );
  if (entry.shown !== count) toggle.title = `${toggle.title} (${entry.shown} of ${count} shown under the filters)`;
  toggle.addEventListener('click', () => filters.toggleLabel(label));
  return el('li', {}, toggle);
}

function communityItem(entry: Extract<LegendEntry, { kind: 'community' }>): HTMLElement {
  const name =
    entry.rank >= COMMUNITY_COLORS.length ? 'Smaller communities' : `Community ${entry.rank + 1}: ${entry.example}`;
  return el(
    'li',
    { class: 'legend-entry', 'data-community': String(entry.rank + 1) },
    swatchOf(entry.color),
    el('span', { class: 'legend-name' }, name),
    el('span', { class: 'legend-count' }, String(entry.count)),
  );
}

/** A styled relationship type: a stroke drawn in its colour and width (the theme's where it keeps them). */
function relationshipItem(entry: RelationshipLegendEntry): HTMLElement {
  const stroke = el('span', { class: 'legend-stroke', 'aria-hidden': 'true' });
  if (entry.color !== null) stroke.style.background = entry.color;
  stroke.style.height = `${Math.min(entry.width ?? 2, 8)}px`;
  return el(
    'li',
    { class: 'legend-entry', 'data-rel-type': entry.type, title: entry.text },
    stroke,
    el('span', { class: 'legend-name' }, entry.type),
    el('span', { class: 'legend-count' }, String(entry.count)),
  );
}

export function renderLegend(
  container: HTMLElement,
  entries: readonly LegendEntry[],
  filters: Filters,
  relationships: readonly RelationshipLegendEntry[] = [],
): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset.label;
  clear(container);
  const list = el('ul');
  for (const entry of entries) {
    if (entry.kind === 'attribute') list.append(attributeItem(entry));
    else list.append(entry.kind === 'label' ? labelItem(entry, filters) : communityItem(entry));
  }
  const byCommunity = entries.some((entry) => entry.kind === 'community');
  const byAttribute = entries.find((entry) => entry.kind === 'attribute');
  const title = byAttribute
    ? `Coloured by ${byAttribute.key}`
    : byCommunity
      ? 'Communities on the canvas'
      : 'On the canvas';
  container.append(el('p', { class: 'legend-title' }, title), list);
  if (relationships.length > 0) {
    const styled = el('ul', { 'data-testid': 'legend-relationships' });
    for (const entry of relationships) styled.append(relationshipItem(entry));
    container.append(el('p', { class: 'legend-title' }, 'Relationships'), styled);
  }
  container.hidden = entries.length === 0 && relationships.length === 0;
  if (focused) container.querySelector<HTMLElement>(`[data-label="${CSS.escape(focused)}"]`)?.focus();
}
