/**
 * The edge panel (in the details panel's place): one relationship — "Aliyev —HOLDS_ROLE→
 * Azerbaijan" — its properties, and every sentence that states it, each opening its article.
 */
import type { EdgeDetailsResponse } from '../../server/domain/api.js';
import { evidenceList, labelBadge, type PanelActions } from './details-panel.js';
import { clear, el } from './dom.js';
import { statementLine } from './statement-line.js';

export type EdgePanelActions = Pick<PanelActions, 'select' | 'close' | 'openArticle'>;

const HIDDEN_PROPERTIES = new Set(['evidence', 'spans']);

function endpoint(node: EdgeDetailsResponse['source'], actions: EdgePanelActions): HTMLElement {
  const link = el('button', { type: 'button', class: 'link', title: `Select ${node.caption} (${node.label})` });
  link.append(node.caption);
  link.addEventListener('click', () => actions.select(node.id));
  return el('span', { class: 'edge-end' }, labelBadge(node.label), ' ', link);
}

function propertiesView(properties: Record<string, unknown>): HTMLElement | null {
  const list = el('dl');
  for (const [key, value] of Object.entries(properties)) {
    if (HIDDEN_PROPERTIES.has(key) || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    const shown = typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(2) : value;
    list.append(el('dt', {}, key), el('dd', {}, Array.isArray(shown) ? shown.join(', ') : String(shown)));
  }
  return list.childElementCount > 0 ? list : null;
}

export function renderEdgeDetails(panel: HTMLElement, details: EdgeDetailsResponse, actions: EdgePanelActions): void {
  clear(panel);
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', () => actions.close());
  const evidence = details.evidence;
  const title = typeof details.edge.properties.title === 'string' ? details.edge.properties.title : '';
  panel.append(
    el('div', { class: 'panel-head' }, el('h2', {}, [details.edge.type, title].filter(Boolean).join(' — ')), close),
    el(
      'p',
      { class: 'edge-line', 'data-testid': 'edge-details' },
      endpoint(details.source, actions),
      el('span', { class: 'edge-type' }, ` —${details.edge.type}→ `),
      endpoint(details.target, actions),
    ),
    details.statement ? el('h3', {}, 'Statement') : '',
    details.statement ? statementLine(details.statement, actions) : '',
    propertiesView(details.edge.properties) ?? '',
    el('h3', {}, `Evidence (${evidence.length})`),
    evidence.length > 0
      ? evidenceList(evidence, actions.openArticle, evidence.length)
      : el('p', { class: 'meta' }, 'No sentence was recorded for this relationship.'),
  );
  panel.removeAttribute('aria-busy');
  panel.hidden = false;
  panel.scrollTop = 0;
}
