/**
 * The reader: an article over the canvas, its mentions highlighted in their node's colour
 * (clicking one selects that node), and the cited sentence marked and scrolled into view.
 * The article text is untrusted: it goes into the page as text nodes only.
 */
import type { DocumentResponse, MentionSpan } from '../../server/domain/api.js';
import { api } from '../api/client.js';
import { colorOf, textOn } from '../graph/appearance.js';
import { clear, el } from './dom.js';
import { statementLine } from './statement-line.js';
import './reader.css';

export interface ReaderOptions {
  /** A sentence to mark and scroll to: character offsets into the article's text. */
  highlight?: { start: number; end: number };
  onMention(nodeId: string): void;
}

/** Where focus goes back to on close. */
let returnFocus: HTMLElement | null = null;
/** Counts openings, so that a slow answer for an earlier article does not replace a later one. */
let openings = 0;
let keyListener: ((event: KeyboardEvent) => void) | null = null;

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function safeUrl(value: unknown): string | null {
  const raw = str(value);
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Keeps the first of overlapping spans (they come sorted by start, longest first): nested ones go. */
export function outerMentions(mentions: MentionSpan[], length: number): MentionSpan[] {
  const kept: MentionSpan[] = [];
  let end = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (mention.start < end || mention.start < 0 || mention.end > length || mention.end <= mention.start) continue;
    kept.push(mention);
    end = mention.end;
  }
  return kept;
}

/** Paragraphs as [start, end) ranges of the text, split at blank lines. */
function paragraphs(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (const separator of text.matchAll(/\n[ \t]*\n\s*/g)) {
    ranges.push([start, separator.index]);
    start = separator.index + separator[0].length;
  }
  ranges.push([start, text.length]);
  return ranges.filter(([a, b]) => text.slice(a, b).trim() !== '');
}

function mentionButton(text: string, mention: MentionSpan, onMention: (id: string) => void): HTMLElement {
  const button = el(
    'button',
    {
      type: 'button',
      class: 'mention',
      'data-testid': 'mention',
      'data-node-id': mention.nodeId,
      'data-label': mention.label,
      title: `${mention.caption} (${mention.label})`,
    },
    text,
  );
  button.style.background = colorOf(mention.label);
  button.style.color = textOn(colorOf(mention.label));
  button.addEventListener('click', () => onMention(mention.nodeId));
  return button;
}

type Piece = { start: number; end: number; mention?: MentionSpan };

/** One paragraph: plain text and mention buttons; the part inside the highlight wrapped in <mark>. */
function paragraphView(
  text: string,
  [from, to]: [number, number],
  mentions: MentionSpan[],
  highlight: { start: number; end: number } | undefined,
  onMention: (id: string) => void,
): { element: HTMLElement; mark: HTMLElement | null } {
  const pieces: Piece[] = [];
  const cuts = highlight ? [highlight.start, highlight.end] : [];
  const plain = (start: number, end: number) => {
    // Plain text is cut at the highlight's edges, so that the mark starts and ends exactly there.
    let at = start;
    for (const cut of cuts) {
      if (cut > at && cut < end) {
        pieces.push({ start: at, end: cut });
        at = cut;
      }
    }
    if (end > at) pieces.push({ start: at, end });
  };
  let cursor = from;
  for (const mention of mentions) {
    if (mention.start < from || mention.end > to) continue;
    plain(cursor, mention.start);
    pieces.push({ start: mention.start, end: mention.end, mention });
    cursor = mention.end;
  }
  plain(cursor, to);

  const element = el('p');
  let mark: HTMLElement | null = null;
  for (const piece of pieces) {
    const content = piece.mention
      ? mentionButton(text.slice(piece.start, piece.end), piece.mention, onMention)
      : document.createTextNode(text.slice(piece.start, piece.end));
    const inside = highlight !== undefined && piece.start < highlight.end && piece.end > highlight.start;
    if (inside) {
      if (!mark || mark.parentNode !== element || element.lastChild !== mark) {
        mark = el('mark', { class: 'cited', 'data-testid': 'cited' });
        element.append(mark);
      }
      mark.append(content);
    } else {
      element.append(content);
    }
  }
  return { element, mark };
}

function articleBody(
  response: DocumentResponse,
  options: ReaderOptions,
): { body: HTMLElement; mark: HTMLElement | null } {
  const text = str(response.document.properties.text) ?? '';
  const mentions = outerMentions(response.mentions, text.length);
  const highlight =
    options.highlight && options.highlight.end > options.highlight.start && options.highlight.start < text.length
      ? options.highlight
      : undefined;
  const body = el('div', { class: 'reader-text' });
  let first: HTMLElement | null = null;
  for (const range of paragraphs(text)) {
    const { element, mark } = paragraphView(text, range, mentions, highlight, options.onMention);
    body.append(element);
    first ??= mark;
  }
  if (text === '') body.append(el('p', { class: 'meta' }, 'This article has no stored text.'));
  return { body, mark: first };
}

/** The head (title, close button; it stays at the top while the text scrolls) and the article's details. */
function header(container: HTMLElement, response: DocumentResponse | null, fallbackTitle: string): HTMLElement[] {
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close article' }, '×');
  close.addEventListener('click', () => closeReader(container));
  const p = response?.document.properties ?? {};
  const head = el(
    'header',
    { class: 'reader-head' },
    el('h2', { id: 'reader-title' }, str(p.title) ?? fallbackTitle),
    close,
  );
  if (!response) return [head];
  const meta = el('p', { class: 'reader-meta' });
  const parts: Array<Node | string> = [];
  const published = str(p.published);
  if (published) parts.push(el('time', { datetime: published }, published));
  const publisher = str(p.publisher);
  if (publisher) parts.push(publisher);
  if (Array.isArray(p.authors) && p.authors.length > 0) parts.push(`by ${p.authors.map(String).join(', ')}`);
  const url = safeUrl(p.url);
  if (url) {
    parts.push(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, new URL(url).host || url));
  } else {
    const source = str(p.url) ?? str(p.source);
    if (source) parts.push(el('span', { class: 'reader-source' }, source));
  }
  parts.forEach((part, index) => meta.append(index > 0 ? ' · ' : '', part));
  return [head, meta];
}

/** The statements the article reports, each as its sentence; its source opens this article at it. */
function statementsView(container: HTMLElement, response: DocumentResponse, options: ReaderOptions): HTMLElement | '' {
  const statements = response.statements ?? [];
  if (statements.length === 0) return '';
  const actions = {
    select: options.onMention,
    openArticle: (documentId: string, highlight?: { start: number; end: number }) =>
      void openReader(container, documentId, { ...options, highlight }),
  };
  return el(
    'section',
    { class: 'reader-statements', 'aria-labelledby': 'reader-statements-title' },
    el('h3', { id: 'reader-statements-title' }, `Statements in this article (${statements.length})`),
    ...statements.map((statement) => statementLine(statement, actions)),
  );
}

export function isReaderOpen(container: HTMLElement): boolean {
  return !container.hidden;
}

export function closeReader(container: HTMLElement): void {
  if (container.hidden) return;
  openings += 1;
  container.hidden = true;
  clear(container);
  if (keyListener) document.removeEventListener('keydown', keyListener, true);
  keyListener = null;
  const back = returnFocus;
  returnFocus = null;
  if (back && back.isConnected) back.focus();
}

export async function openReader(container: HTMLElement, documentId: string, options: ReaderOptions): Promise<void> {
  const mine = ++openings;
  if (container.hidden) {
    const active = document.activeElement;
    returnFocus = active instanceof HTMLElement && !container.contains(active) ? active : null;
  }
  container.setAttribute('role', 'dialog');
  container.setAttribute('aria-labelledby', 'reader-title');
  container.setAttribute('aria-busy', 'true');
  if (container.hidden) {
    clear(container);
    container.append(...header(container, null, 'Loading the article…'));
    container.hidden = false;
  }
  if (!keyListener) {
    // Escape closes the reader before anything else handles it (the panel, the search box).
    keyListener = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || container.hidden) return;
      const target = event.target as HTMLElement | null;
      if (target && !container.contains(target) && target.closest('input, textarea, select, [role="listbox"]')) return;
      event.preventDefault();
      event.stopPropagation();
      closeReader(container);
    };
    document.addEventListener('keydown', keyListener, true);
  }

  let response: DocumentResponse;
  try {
    response = await api.document(documentId);
  } catch (error) {
    if (mine !== openings) return;
    clear(container);
    container.append(
      ...header(container, null, 'The article cannot be shown'),
      el('p', { class: 'reader-error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
    );
    container.removeAttribute('aria-busy');
    container.querySelector<HTMLElement>('.close')?.focus();
    return;
  }
  if (mine !== openings) return;
  const { body, mark } = articleBody(response, options);
  clear(container);
  container.append(...header(container, response, documentId), body, statementsView(container, response, options));
  container.removeAttribute('aria-busy');
  container.querySelector<HTMLElement>('.close')?.focus({ preventScroll: true });
  // Scroll the reader only (scrollIntoView would also scroll the page's own containers).
  container.scrollTop = 0;
  if (mark) {
    const box = container.getBoundingClientRect();
    const at = mark.getBoundingClientRect();
    container.scrollTop = Math.max(0, at.top - box.top - Math.max(box.height - at.height, 0) / 2);
  }
}
