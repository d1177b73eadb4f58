/** The legend: one swatch per node label with how many are on screen. */
import { colorOf } from '../graph/appearance.js';
import { clear, el } from './dom.js';

export function renderLegend(container: HTMLElement, counts: Map<string, number>): void {
  clear(container);
  const items = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const list = el('ul');
  for (const [label, count] of items) {
    const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
    swatch.style.background = colorOf(label);
    list.append(el('li', {}, swatch, `${label} (${count})`));
  }
  container.append(list);
  container.hidden = items.length === 0;
}
