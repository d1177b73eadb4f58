/**
 * The Analysis tab: colour by label or by Louvain community, size by degree, PageRank or
 * betweenness, and a sortable table of the actors on the canvas by those centralities (a row
 * selects its actor).
 */
import type { ExplorerGraph } from '../graph/dataset.js';
import { BETWEENNESS_MAX_NODES, type MetricsCache } from '../graph/metrics.js';
import { COLOR_MODES, SIZE_MODES, type Appearance, type ColorMode, type SizeMode } from '../state/appearance.js';
import { clear, el } from './dom.js';

const COLOR_NAMES: Record<ColorMode, string> = {
  label: 'Label',
  community: 'Community (Louvain)',
  attribute: 'An attribute (Style tab)',
};
const SIZE_NAMES: Record<SizeMode, string> = { degree: 'Degree', pagerank: 'PageRank', betweenness: 'Betweenness' };

type SortKey = 'name' | SizeMode;

/** The table lists this many rows at most (sorted first), so a large canvas stays quick. */
const MAX_ROWS = 300;
interface Row {
  id: string;
  name: string;
  degree: number;
  pagerank: number;
  betweenness: number;
}

function modeSelect<T extends string>(
  id: string,
  label: string,
  options: readonly T[],
  names: Record<T, string>,
  value: T,
  onChange: (value: T) => void,
): HTMLElement {
  const select = el('select', { id });
  for (const option of options) select.append(el('option', { value: option }, names[option]));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value as T));
  return el('div', { class: 'field' }, el('label', { for: id }, label), select);
}

export class AnalysisView {
  private sortKey: SortKey = 'pagerank';
  private descending = true;

  constructor(
    private readonly container: HTMLElement,
    private readonly graph: ExplorerGraph,
    private readonly metrics: MetricsCache,
    private readonly appearance: Appearance,
    private readonly select: (id: string) => void,
  ) {}

  render(): void {
    const focused = document.activeElement?.id;
    clear(this.container);
    const { colorMode, sizeMode } = this.appearance.current;
    this.container.append(
      modeSelect('color-mode', 'Colour nodes by', COLOR_MODES, COLOR_NAMES, colorMode, (mode) =>
        this.appearance.set({ colorMode: mode }),
      ),
      modeSelect('size-mode', 'Size nodes by', SIZE_MODES, SIZE_NAMES, sizeMode, (mode) =>
        this.appearance.set({ sizeMode: mode }),
      ),
      this.table(),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  private rows(): Row[] {
    const degree = this.metrics.degree();
    const pagerank = this.metrics.pagerank();
    const betweenness = this.metrics.betweenness();
    const rows: Row[] = [];
    this.graph.forEachNode((id, attributes) => {
      if (attributes.nodeLabel !== 'Actor') return;
      rows.push({
        id,
        name: attributes.caption,
        degree: degree.get(id) ?? 0,
        pagerank: pagerank.get(id) ?? 0,
        betweenness: betweenness?.get(id) ?? Number.NaN,
      });
    });
    const key = this.sortKey;
    const sign = this.descending ? -1 : 1;
    const value = (row: Row, k: SizeMode) => (Number.isNaN(row[k]) ? -1 : row[k]);
    rows.sort((a, b) =>
      key === 'name'
        ? sign * a.name.localeCompare(b.name)
        : sign * (value(a, key) - value(b, key)) || a.name.localeCompare(b.name),
    );
    return rows;
  }

  private table(): HTMLElement {
    const communities = new Set(this.metrics.communities().values()).size;
    // A short header (an abbreviation with its full name on hover) keeps the four columns inside
    // the tools panel: "Betweenness" was cut off.
    const header = (key: SortKey, text: string, full = text) => {
      const active = this.sortKey === key;
      const button = el(
        'button',
        { type: 'button', class: 'sort', id: `sort-${key}` },
        text === full ? text : el('abbr', { title: full }, text),
        active ? (this.descending ? ' ▼' : ' ▲') : '',
      );
      button.addEventListener('click', () => {
        this.descending = active ? !this.descending : key !== 'name';
        this.sortKey = key;
        this.render();
      });
      return el(
        'th',
        { scope: 'col', 'aria-sort': active ? (this.descending ? 'descending' : 'ascending') : 'none' },
        button,
      );
    };
    const rows = this.rows();
    const body = rows.slice(0, MAX_ROWS).map((row) => {
      const name = el('button', { type: 'button', class: 'link' }, row.name);
      name.addEventListener('click', () => this.select(row.id));
      return el(
        'tr',
        { 'data-node-id': row.id },
        el('td', {}, name),
        el('td', {}, String(row.degree)),
        el('td', {}, row.pagerank.toFixed(3)),
        el('td', {}, Number.isNaN(row.betweenness) ? '—' : row.betweenness.toFixed(3)),
      );
    });
    return el(
      'div',
      { class: 'centrality' },
      el(
        'p',
        { class: 'meta' },
        `${rows.length} actors on the canvas${rows.length > MAX_ROWS ? ` (the first ${MAX_ROWS} shown)` : ''} · ` +
          `${communities} communities (Louvain, all nodes)` +
          (this.metrics.betweennessAvailable ? '' : ` · betweenness only up to ${BETWEENNESS_MAX_NODES} nodes`),
      ),
      el(
        'table',
        { 'data-testid': 'centrality-table' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            header('name', 'Actor'),
            header('degree', 'Degree'),
            header('pagerank', 'PageRank'),
            header('betweenness', 'Betw.', 'Betweenness'),
          ),
        ),
        el('tbody', {}, ...body),
      ),
    );
  }
}
