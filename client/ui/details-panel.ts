/**
 * The details panel: a node's properties, its relations with the sentences that state them, and
 * its statements with the articles and sentences they were reported in.
 */
import type { NodeDetailsResponse, RelationView, SourceRef, StatementView } from '../../server/domain/api.js';
import { colorOf, textOn } from '../graph/appearance.js';
import { clear, el } from './dom.js';

export interface PanelActions {
  select(id: string): void;
  expand(id: string): void;
  close(): void;
}

const HIDDEN_PROPERTIES = new Set(['searchText', 'evidence', 'text', 'spans']);

function sourceView(source: SourceRef): HTMLElement {
  const date = source.published ? ` · ${source.published}` : '';
  return el('blockquote', { class: 'source' }, el('cite', {}, `${source.documentTitle}${date}`), source.sentence);
}

function statementView(statement: StatementView, actions: PanelActions): HTMLElement {
  const meta = el('div', { class: 'meta' });
  if (statement.speaker) {
    const speaker = statement.speaker;
    const link = el('button', { class: 'link', type: 'button' }, speaker.caption);
    link.addEventListener('click', () => actions.select(speaker.id));
    meta.append(link, ' · ');
  }
  meta.append(
    `${statement.kind}${statement.date ? ` · ${statement.date}${statement.dateSource === 'published' ? ' (article date)' : ''}` : ''}`,
  );
  if (statement.confidence !== null) meta.append(` · confidence ${statement.confidence.toFixed(2)}`);
  return el(
    'article',
    { class: 'statement', 'data-testid': 'statement' },
    el('q', {}, statement.text),
    meta,
    ...statement.sources.map(sourceView),
  );
}

function relationView(relation: RelationView, actions: PanelActions): HTMLElement {
  const other = el('button', { class: 'link', type: 'button' }, relation.other.caption);
  other.addEventListener('click', () => actions.select(relation.other.id));
  const detail = [relation.edge.properties.title, relation.edge.properties.role, relation.edge.properties.date]
    .filter((v) => typeof v === 'string' && v !== '')
    .join(' · ');
  const arrow = relation.direction === 'out' ? '→' : '←';
  return el(
    'div',
    { class: 'relation', 'data-testid': 'relation' },
    el('span', {}, `${arrow} `),
    other,
    detail ? el('span', { class: 'meta' }, ` (${detail})`) : null,
    ...relation.evidence.slice(0, 3).map(sourceView),
  );
}

function propertiesView(properties: Record<string, unknown>): HTMLElement {
  const list = el('dl');
  for (const [key, value] of Object.entries(properties)) {
    if (HIDDEN_PROPERTIES.has(key) || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    list.append(el('dt', {}, key), el('dd', {}, Array.isArray(value) ? value.join(', ') : String(value)));
  }
  return list;
}

export function renderDetails(panel: HTMLElement, details: NodeDetailsResponse, actions: PanelActions): void {
  clear(panel);
  const badge = el('span', { class: 'badge' }, details.node.label);
  badge.style.background = colorOf(details.node.label);
  badge.style.color = textOn(colorOf(details.node.label));
  const expand = el('button', { type: 'button', class: 'primary' }, `Expand neighbours (${details.degree})`);
  expand.addEventListener('click', () => actions.expand(details.node.id));
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', () => actions.close());
  panel.append(
    el('div', { class: 'panel-head' }, el('h2', {}, details.node.caption), close),
    badge,
    propertiesView(details.node.properties),
    expand,
  );

  if (details.statements.length > 0) {
    panel.append(
      el('h3', {}, `Statements (${details.statements.length})`),
      ...details.statements.map((s) => statementView(s, actions)),
    );
  }
  const groups = new Map<string, RelationView[]>();
  for (const relation of details.relations)
    groups.set(relation.edge.type, [...(groups.get(relation.edge.type) ?? []), relation]);
  for (const [type, relations] of [...groups.entries()].sort()) {
    panel.append(
      el('h3', {}, `${type} (${relations.length})`),
      ...relations.slice(0, 50).map((r) => relationView(r, actions)),
    );
  }
  if (details.node.label === 'Document' && typeof details.node.properties.text === 'string') {
    panel.append(el('h3', {}, 'Text'), el('p', { class: 'source' }, details.node.properties.text));
  }
  panel.removeAttribute('aria-busy');
  panel.hidden = false;
  panel.scrollTop = 0;
}

/** While the details load: the old content stays, greyed, so the panel does not jump. */
export function markLoading(panel: HTMLElement): void {
  panel.setAttribute('aria-busy', 'true');
}
