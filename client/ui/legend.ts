/**
 * The legend: one swatch per node label with how many are on the canvas. Each entry is a toggle
 * button that hides or shows that label (appearance state; the data is untouched).
 */
import { colorOf } from '../graph/appearance.js';
import type { Filters } from '../state/filters.js';
import { clear, el } from './dom.js';

export function renderLegend(container: HTMLElement, counts: Map<string, number>, filters: Filters): void {
  const focused = (document.activeElement as HTMLElement | null)?.dataset.label;
  clear(container);
  const items = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const list = el('ul');
  for (const [label, count] of items) {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = colorOf(label);
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
      swatch,
      el('span', { class: 'legend-name' }, label),
      el('span', { class: 'legend-count' }, String(count)),
    );
    toggle.addEventListener('click', () => filters.toggleLabel(label));
    list.append(el('li', {}, toggle));
  }
  container.append(el('p', { class: 'legend-title' }, 'On the canvas'), list);
  container.hidden = items.length === 0;
  if (focused) container.querySelector<HTMLElement>(`[data-label="${CSS.escape(focused)}"]`)?.focus();
}
