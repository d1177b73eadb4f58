/**
 * A card over the empty canvas: the graph is empty (how to import articles) or the API failed
 * (its message, and a button to try again). Text only, built with DOM calls.
 */
import { clear, el } from './dom.js';

export function showEmptyNotice(container: HTMLElement): void {
  clear(container);
  container.append(
    el('h2', {}, 'The graph is empty'),
    el('p', {}, 'Import a folder of articles (txt, md, html or json), then reload this page:'),
    el('pre', {}, el('code', {}, 'npx actorgraph import data/articles')),
    el(
      'p',
      { class: 'meta' },
      'Stop the server first: LadybugDB lets one process write a database. npm start imports the sample articles into an empty database.',
    ),
  );
  container.classList.remove('error');
  container.hidden = false;
}

export function showErrorNotice(container: HTMLElement, message: string, retry: () => void): void {
  clear(container);
  const button = el('button', { type: 'button', class: 'primary' }, 'Try again');
  button.addEventListener('click', retry);
  container.append(el('h2', {}, 'The graph could not be loaded'), el('p', { role: 'alert' }, message), button);
  container.classList.add('error');
  container.hidden = false;
  button.focus();
}

export function hideNotice(container: HTMLElement): void {
  container.hidden = true;
  clear(container);
}
