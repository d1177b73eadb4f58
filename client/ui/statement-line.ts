/**
 * A statement drawn as its sentence — speaker — said — "text" — about X, Y — date — source — the
 * one rendering used wherever statements are listed (details, edge panel, reader, search). Names
 * are buttons that select their node, the source opens its article at the sentence; the parts come
 * from the shared sentence builder, and every text goes in as text.
 */
import type { NodeRef, SentencePart, StatementView } from '../../server/domain/api.js';
import { el } from './dom.js';

export interface StatementLineActions {
  select(id: string): void;
  openArticle(documentId: string, highlight?: { start: number; end: number }): void;
}

export interface StatementLineOptions {
  /** Names as plain text, not buttons: inside an element that is itself clickable (a search suggestion). */
  inert?: boolean;
  /** Quotes longer than this are cut (with "…"); the whole text stays in the title. */
  maxQuote?: number;
}

function nameList(nodes: NodeRef[], actions: StatementLineActions, inert: boolean): Array<Node | string> {
  const items: Array<Node | string> = [];
  nodes.forEach((node, index) => {
    if (index > 0) items.push(', ');
    items.push(
      inert
        ? el('span', { class: 'sentence-name' }, node.caption)
        : button(node.caption, () => actions.select(node.id), {
            class: 'link sentence-name',
            'data-node-id': node.id,
            title: `Select ${node.caption} (${node.label})`,
          }),
    );
  });
  return items;
}

function button(label: string, onClick: () => void, attributes: Record<string, string>): HTMLButtonElement {
  const element = el('button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick();
  });
  return element;
}

function partView(part: SentencePart, actions: StatementLineActions, options: StatementLineOptions): HTMLElement {
  const inert = options.inert === true;
  switch (part.kind) {
    case 'speakers':
      return el(
        'span',
        { class: 'sentence-speaker', 'data-part': 'speaker' },
        ...(part.nodes.length > 0 ? nameList(part.nodes, actions, inert) : [part.text]),
      );
    case 'verb':
      return el('span', { class: 'sentence-verb', 'data-part': 'verb' }, part.text);
    case 'quote': {
      const max = options.maxQuote ?? Infinity;
      const shown = part.text.length > max ? `${part.text.slice(0, max - 1)}…` : part.text;
      return el('q', { class: 'sentence-quote', 'data-part': 'quote', title: part.text }, shown);
    }
    case 'about':
      return el(
        'span',
        { class: 'sentence-about', 'data-part': 'about' },
        'about ',
        ...nameList(part.nodes, actions, inert),
      );
    case 'date':
      return el('time', { datetime: part.date, 'data-part': 'date' }, part.text);
    case 'source': {
      const { source } = part;
      const title = part.text;
      return inert
        ? el('cite', { 'data-part': 'source' }, title)
        : el(
            'cite',
            { 'data-part': 'source' },
            button(title, () => actions.openArticle(source.documentId, { start: source.start, end: source.end }), {
              class: 'link open-article',
              title: `Open “${source.documentTitle}” at this sentence`,
            }),
          );
    }
  }
}

/** The sentence as one paragraph; its text content reads as statementSentence() (quotes not cut). */
export function statementLine(
  statement: StatementView,
  actions: StatementLineActions,
  options: StatementLineOptions = {},
): HTMLElement {
  const line = el('p', {
    class: 'statement-sentence',
    'data-testid': 'statement-sentence',
    'data-statement-id': statement.id,
  });
  statement.sentence.forEach((part, index) => {
    if (index > 0) line.append(el('span', { class: 'sentence-sep', 'aria-hidden': 'true' }, ' — '));
    line.append(partView(part, actions, options));
  });
  return line;
}
