/**
 * The card shown next to a hovered node or relationship: its label or type, caption and properties
 * (as text, each value cut to a bounded length, long free text and ids left out: the details panel
 * has them). Positioned over the canvas; it never takes the focus or the pointer.
 */
import { valueText } from '../graph/property-values.js';
import { clear, el } from './dom.js';

const VALUE_MAX = 120;
const CAPTION_MAX = 160;
const ROWS_MAX = 12;
/** Shown elsewhere, or too long to read in a card. */
const LEFT_OUT = new Set(['id', 'evidence', 'searchText', 'spans', 'contentHash', 'text', 'sentence']);

export interface HoverCardModel {
  kind: string;
  caption: string;
  properties: Record<string, unknown>;
}

export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The rows a card shows: key and bounded text, empty values and long free text left out. */
export function cardRows(properties: Record<string, unknown>): Array<[string, string]> {
  return Object.entries(properties)
    .filter(([key, value]) => !LEFT_OUT.has(key) && valueText(value).trim() !== '')
    .sort((a, b) => a[0].localeCompare(b[0]))
    .slice(0, ROWS_MAX)
    .map(([key, value]) => [key, cut(valueText(value), VALUE_MAX)]);
}

export function showHoverCard(card: HTMLElement, model: HoverCardModel, at: { x: number; y: number }): void {
  clear(card);
  const rows = cardRows(model.properties);
  const list = el('dl', {});
  for (const [key, value] of rows) list.append(el('dt', {}, key), el('dd', {}, value));
  card.append(
    el('p', { class: 'card-kind' }, model.kind),
    el('p', { class: 'card-caption' }, cut(model.caption, CAPTION_MAX)),
    rows.length > 0 ? list : el('p', { class: 'meta' }, 'No other properties.'),
  );
  card.hidden = false;
  const parent = card.offsetParent?.getBoundingClientRect();
  const width = parent?.width ?? window.innerWidth;
  const height = parent?.height ?? window.innerHeight;
  // Beside the pointer, on the side with room.
  const x = at.x + 16 + card.offsetWidth > width ? at.x - 16 - card.offsetWidth : at.x + 16;
  const y = Math.min(at.y + 12, height - card.offsetHeight - 4);
  card.style.left = `${Math.max(4, x)}px`;
  card.style.top = `${Math.max(4, y)}px`;
}

export function hideHoverCard(card: HTMLElement): void {
  card.hidden = true;
  clear(card);
}
