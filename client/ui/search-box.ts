/**
 * The search box: suggestions while typing (names, aliases, statement text), keyboard and mouse
 * choice; choosing calls `onPick` with the node id.
 */
import type { SearchHit } from '../../server/domain/api.js';
import { api } from '../api/client.js';
import { colorOf } from '../graph/appearance.js';
import { clear, el } from './dom.js';
import { statementLine } from './statement-line.js';

const DEBOUNCE_MS = 150;
/** Suggestions are picked whole: the sentence's names and source do nothing of their own. */
const NO_ACTIONS = { select: () => undefined, openArticle: () => undefined };

/** A statement's snippet often repeats its caption: show it only when it adds something. */
function sameStart(a: string, b: string): boolean {
  const norm = (text: string) => text.toLowerCase().replace(/\W+/g, ' ').trim().slice(0, 30);
  return norm(a) === norm(b);
}

function swatch(label: string): HTMLElement {
  const dot = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  dot.style.background = colorOf(label);
  return dot;
}

export function bindSearch(
  input: HTMLInputElement,
  list: HTMLUListElement,
  onPick: (hit: SearchHit) => void,
  onError: (message: string) => void,
): void {
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let requestNumber = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };

  const render = () => {
    clear(list);
    hits.forEach((hit, index) => {
      const item = el(
        'li',
        {
          role: 'option',
          'data-testid': 'search-suggestion',
          id: `${list.id}-${index}`,
          'aria-selected': String(index === active),
        },
        el('span', { class: 'kind' }, swatch(hit.label), hit.label),
      );
      // A statement reads as its sentence (who said it, about whom, when, where); names are text
      // here, since the whole suggestion is what is picked.
      if (hit.statement) item.append(statementLine(hit.statement, NO_ACTIONS, { inert: true, maxQuote: 120 }));
      else item.append(el('span', { class: 'caption' }, hit.caption));
      if (!hit.statement && hit.snippet && !sameStart(hit.snippet, hit.caption))
        item.append(el('span', { class: 'snippet' }, hit.snippet.slice(0, 120)));
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        pick(index);
      });
      list.append(item);
    });
    if (hits.length === 0 && input.value.trim() !== '') list.append(el('li', { class: 'empty' }, 'No match'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const pick = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    input.value = hit.caption;
    close();
    onPick(hit);
  };

  input.addEventListener('input', () => {
    if (timer) clearTimeout(timer);
    const query = input.value.trim();
    if (query === '') {
      hits = [];
      close();
      return;
    }
    timer = setTimeout(async () => {
      const mine = ++requestNumber;
      try {
        const response = await api.search(query, 10);
        if (mine !== requestNumber) return;
        hits = response.results;
        active = -1;
        render();
      } catch (error) {
        onError(error instanceof Error ? error.message : String(error));
      }
    }, DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (list.hidden || hits.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(active >= 0 ? active : 0);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
