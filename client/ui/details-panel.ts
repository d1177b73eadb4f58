/**
 * The details panel: a node's properties, its roles, its statements with the articles and
 * sentences they were reported in, and its relations with every sentence that states them. Each
 * sentence opens its article in the reader, scrolled to that sentence.
 */
import type { NodeDetailsResponse, RelationView, SourceRef, StatementView } from '../../server/domain/api.js';
import { colorOf, textOn } from '../graph/appearance.js';
import { clear, el } from './dom.js';
import { statementLine } from './statement-line.js';

export interface Highlight {
  start: number;
  end: number;
}

export interface PanelActions {
  select(id: string): void;
  expand(id: string): void;
  close(): void;
  /** Opens an article in the reader, scrolled to (and marking) a sentence when given. */
  openArticle(documentId: string, highlight?: Highlight): void;
  /** Shows one relationship with all its evidence (the edge panel). */
  showEdge(edgeId: string): void;
}

const HIDDEN_PROPERTIES = new Set(['searchText', 'evidence', 'text', 'spans']);
/** Relations shown as "title — institution (date)" in the Roles section of an actor. */
const ROLE_TYPES = ['HOLDS_ROLE', 'LEADS', 'MEMBER_OF', 'AFFILIATED_WITH'];
const ROLE_FALLBACK: Record<string, string> = {
  HOLDS_ROLE: 'role',
  LEADS: 'leads',
  MEMBER_OF: 'member',
  AFFILIATED_WITH: 'affiliated',
};
/** Evidence sentences shown before the "Show N more" button. */
const EVIDENCE_SHOWN = 3;

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function button(label: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  const element = el('button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}

/** One sentence in one article, with a button that opens the article at that sentence. */
export function sourceView(source: SourceRef, openArticle: PanelActions['openArticle']): HTMLElement {
  const date = source.published ? ` · ${source.published}` : '';
  const open = button('Open article', () => openArticle(source.documentId, { start: source.start, end: source.end }), {
    class: 'link open-article',
    title: `Open “${source.documentTitle}” at this sentence`,
  });
  return el(
    'blockquote',
    { class: 'source', 'data-testid': 'source' },
    el('cite', {}, `${source.documentTitle}${date}`),
    source.sentence,
    el('div', { class: 'source-actions' }, open),
  );
}

/** All the evidence sentences: the first few shown, the rest behind a "Show N more" button. */
export function evidenceList(
  sources: SourceRef[],
  openArticle: PanelActions['openArticle'],
  shown = EVIDENCE_SHOWN,
): HTMLElement {
  const list = el('div', { class: 'evidence' }, ...sources.slice(0, shown).map((s) => sourceView(s, openArticle)));
  const rest = sources.slice(shown);
  if (rest.length > 0) {
    const more = el('div', { class: 'evidence-more' }, ...rest.map((s) => sourceView(s, openArticle)));
    more.hidden = true;
    const toggle = button(`Show ${rest.length} more`, () => {
      more.hidden = !more.hidden;
      toggle.textContent = more.hidden ? `Show ${rest.length} more` : 'Show fewer';
      toggle.setAttribute('aria-expanded', String(!more.hidden));
    });
    toggle.className = 'link show-more';
    toggle.setAttribute('aria-expanded', 'false');
    list.append(more, toggle);
  }
  return list;
}

/** A statement as its sentence (who — said — what — about whom — when — where), then every source sentence. */
function statementView(statement: StatementView, actions: PanelActions): HTMLElement {
  const meta = statement.confidence !== null ? `confidence ${statement.confidence.toFixed(2)}` : '';
  return el(
    'article',
    { class: 'statement', 'data-testid': 'statement' },
    statementLine(statement, actions),
    meta ? el('div', { class: 'meta' }, meta) : null,
    ...statement.sources.map((source) => sourceView(source, actions.openArticle)),
  );
}

function relationView(relation: RelationView, actions: PanelActions): HTMLElement {
  if (relation.statement) return statementRelationView(relation, relation.statement, actions);
  const other = button(relation.other.caption, () => actions.select(relation.other.id), { class: 'link' });
  const p = relation.edge.properties;
  const detail = [p.title, p.role, p.date].filter((v) => typeof v === 'string' && v !== '').join(' · ');
  const confidence = typeof p.confidence === 'number' ? ` · confidence ${p.confidence.toFixed(2)}` : '';
  const arrow = relation.direction === 'out' ? '→' : '←';
  const evidence = button('Evidence', () => actions.showEdge(relation.edge.id), {
    class: 'evidence-button',
    title: `Show the relationship with ${relation.other.caption} and every sentence that states it`,
  });
  return el(
    'div',
    { class: 'relation', 'data-testid': 'relation' },
    el('div', { class: 'relation-head' }, el('span', {}, `${arrow} `), other, evidence),
    detail || confidence ? el('div', { class: 'meta' }, `${detail}${confidence}`) : null,
    evidenceList(relation.evidence, actions.openArticle),
  );
}

/** A relation to a statement (an actor's ABOUT list): the statement as its sentence, with who said it. */
function statementRelationView(relation: RelationView, statement: StatementView, actions: PanelActions): HTMLElement {
  const evidence = button('Evidence', () => actions.showEdge(relation.edge.id), {
    class: 'evidence-button',
    title: 'Show this relationship and every sentence that states it',
  });
  return el(
    'div',
    { class: 'relation relation-statement', 'data-testid': 'relation' },
    el('div', { class: 'relation-head' }, statementLine(statement, actions), evidence),
  );
}

/** An actor's roles, up front: "President — Azerbaijan (2021-04-13)". Duplicates are listed once. */
function rolesView(details: NodeDetailsResponse, actions: PanelActions): HTMLElement | null {
  if (details.node.label !== 'Actor') return null;
  const seen = new Set<string>();
  const items: HTMLElement[] = [];
  const roles = details.relations
    .filter((relation) => relation.direction === 'out' && ROLE_TYPES.includes(relation.edge.type))
    .sort((a, b) => ROLE_TYPES.indexOf(a.edge.type) - ROLE_TYPES.indexOf(b.edge.type));
  for (const relation of roles) {
    const p = relation.edge.properties;
    const title = text(p.title) ?? text(p.role) ?? ROLE_FALLBACK[relation.edge.type] ?? relation.edge.type;
    const key = `${title.toLowerCase()}|${relation.other.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const when = [text(p.status) === 'former' ? 'former' : null, text(p.date)].filter(Boolean).join(', ');
    items.push(
      el(
        'li',
        { 'data-testid': 'role' },
        `${title} — `,
        button(relation.other.caption, () => actions.select(relation.other.id), { class: 'link' }),
        when ? ` (${when})` : '',
        ' ',
        button('Evidence', () => actions.showEdge(relation.edge.id), {
          class: 'evidence-button',
          title: `Show every sentence that states “${title}”`,
        }),
      ),
    );
  }
  if (items.length === 0) return null;
  return el('section', { class: 'roles' }, el('h3', {}, `Roles (${items.length})`), el('ul', {}, ...items));
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

export function labelBadge(label: string): HTMLElement {
  const badge = el('span', { class: 'badge' }, label);
  badge.style.background = colorOf(label);
  badge.style.color = textOn(colorOf(label));
  return badge;
}

export function renderDetails(panel: HTMLElement, details: NodeDetailsResponse, actions: PanelActions): void {
  clear(panel);
  const expand = button(`Expand neighbours (${details.degree})`, () => actions.expand(details.node.id), {
    class: 'primary',
  });
  const close = button('×', () => actions.close(), { class: 'close', 'aria-label': 'Close details' });
  panel.append(
    el('div', { class: 'panel-head' }, el('h2', {}, details.node.caption), close),
    labelBadge(details.node.label),
    rolesView(details, actions) ?? '',
    propertiesView(details.node.properties),
    expand,
  );
  if (details.node.label === 'Document') {
    panel.append(
      ' ',
      button('Read article', () => actions.openArticle(details.node.id), { class: 'open-article' }),
    );
  }

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
      // A busy node's details list the first few of each type; the count is of all of them.
      el('h3', {}, `${type} (${details.relationCounts[type] ?? relations.length})`),
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
