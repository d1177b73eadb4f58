/**
 * The Views tab: copy a link to the current view, save it under a name, reopen or delete saved
 * views. The link carries the view in its fragment (see state/view-state.ts).
 */
import { deleteView, listViews, saveView, type SavedView } from '../state/saved-views.js';
import { clear, el } from './dom.js';

export interface ViewsActions {
  /** The fragment of the current view ("view=…"). */
  currentHash(): string;
  open(hash: string): void;
  report(message: string, isError?: boolean): void;
  /** A short confirmation that goes away by itself. */
  confirm(message: string): void;
}

export function bindViewsView(container: HTMLElement, actions: ViewsActions): void {
  const nameInput = el('input', {
    id: 'view-name',
    type: 'text',
    maxlength: '80',
    placeholder: 'e.g. Aliyev and the Minsk Group',
  });
  const save = el('button', { type: 'button', id: 'view-save', class: 'primary' }, 'Save view');
  const copy = el('button', { type: 'button', id: 'view-copy-link' }, 'Copy link to this view');
  const list = el('ul', { class: 'saved-views', 'data-testid': 'saved-views' });

  const renderList = (views: SavedView[]) => {
    clear(list);
    if (views.length === 0) list.append(el('li', { class: 'meta' }, 'No saved views yet.'));
    for (const view of views) {
      const open = el('button', { type: 'button', class: 'link' }, view.name);
      open.addEventListener('click', () => actions.open(view.hash));
      const remove = el('button', { type: 'button', 'aria-label': `Delete view ${view.name}` }, 'Delete');
      remove.addEventListener('click', () => renderList(deleteView(view.name)));
      list.append(
        el('li', {}, open, el('span', { class: 'meta' }, ` ${view.savedAt.slice(0, 16).replace('T', ' ')} `), remove),
      );
    }
  };

  save.addEventListener('click', () => {
    try {
      renderList(saveView(nameInput.value, actions.currentHash()));
      actions.confirm(`Saved the view “${nameInput.value.trim()}”.`);
      nameInput.value = '';
    } catch (error) {
      actions.report(error instanceof Error ? error.message : String(error), true);
    }
  });
  nameInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') save.click();
  });
  copy.addEventListener('click', async () => {
    const link = `${location.origin}${location.pathname}${location.search}#${actions.currentHash()}`;
    try {
      await navigator.clipboard.writeText(link);
      actions.confirm('Link copied: it opens this view.');
    } catch {
      // No clipboard permission (plain http, headless): show the link to copy by hand.
      actions.report(link);
    }
  });

  container.append(
    el('div', { class: 'field' }, el('label', { for: 'view-name' }, 'Name'), nameInput),
    el('div', { class: 'actions' }, save, copy),
    el('h3', {}, 'Saved views'),
    list,
  );
  renderList(listViews());
}
