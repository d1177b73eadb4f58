/**
 * The node menu (as Neo4j Bloom's): expand by relationship type, hide, show evidence, dismiss the
 * others, pin. Opened by a right-click on a node, or from the keyboard on the selected node with
 * the context-menu key or Shift+F10 (WAI-ARIA menu pattern: arrows, Home/End, Enter, Escape gives
 * the focus back). Text goes in as text.
 */
import { clear, el } from './dom.js';

export interface NodeMenuModel {
  id: string;
  caption: string;
  /** Distinct neighbours by relationship type ('' = all), when known. */
  neighbourCounts: Map<string, number> | null;
  pinned: boolean;
}

export interface NodeMenuActions {
  expand(id: string, types: string[]): void;
  hide(id: string): void;
  evidence(id: string): void;
  dismissOthers(id: string): void;
  pin(id: string): void;
}

interface Item {
  text: string;
  testId: string;
  run(): void;
}

function itemsOf(model: NodeMenuModel, actions: NodeMenuActions): Item[] {
  const counts = model.neighbourCounts;
  const items: Item[] = [
    {
      text: `Expand all${counts?.has('') ? ` (${counts.get('')})` : ''}`,
      testId: 'menu-expand-all',
      run: () => actions.expand(model.id, []),
    },
  ];
  for (const [type, count] of [...(counts ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1])) {
    if (type !== '')
      items.push({
        text: `Expand ${type} (${count})`,
        testId: `menu-expand-${type}`,
        run: () => actions.expand(model.id, [type]),
      });
  }
  items.push(
    { text: 'Show evidence', testId: 'menu-evidence', run: () => actions.evidence(model.id) },
    { text: 'Hide', testId: 'menu-hide', run: () => actions.hide(model.id) },
    { text: 'Dismiss others', testId: 'menu-dismiss-others', run: () => actions.dismissOthers(model.id) },
    { text: model.pinned ? 'Unpin' : 'Pin', testId: 'menu-pin', run: () => actions.pin(model.id) },
  );
  return items;
}

export class NodeMenu {
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly container: HTMLElement) {
    container.addEventListener('keydown', (event) => this.onKey(event));
    document.addEventListener('pointerdown', (event) => {
      if (!this.container.hidden && !this.container.contains(event.target as Node)) this.close(false);
    });
  }

  get isOpen(): boolean {
    return !this.container.hidden;
  }

  /** Opens the menu at (x, y) inside its positioned parent; the first item takes the focus. */
  open(model: NodeMenuModel, actions: NodeMenuActions, at: { x: number; y: number }): void {
    this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    clear(this.container);
    this.container.setAttribute('aria-label', `Actions on ${model.caption}`);
    this.container.append(el('p', { class: 'menu-title', 'aria-hidden': 'true' }, model.caption));
    for (const item of itemsOf(model, actions)) {
      const button = el(
        'button',
        { type: 'button', role: 'menuitem', tabindex: '-1', 'data-testid': item.testId },
        item.text,
      );
      button.addEventListener('click', () => {
        this.close(true);
        item.run();
      });
      this.container.append(button);
    }
    this.container.hidden = false;
    const parent = this.container.offsetParent?.getBoundingClientRect();
    const maxX = (parent?.width ?? window.innerWidth) - this.container.offsetWidth - 4;
    const maxY = (parent?.height ?? window.innerHeight) - this.container.offsetHeight - 4;
    this.container.style.left = `${Math.max(4, Math.min(at.x, maxX))}px`;
    this.container.style.top = `${Math.max(4, Math.min(at.y, maxY))}px`;
    this.items()[0]?.focus();
  }

  close(restoreFocus = true): void {
    if (this.container.hidden) return;
    this.container.hidden = true;
    clear(this.container);
    if (restoreFocus) this.returnFocus?.focus();
    this.returnFocus = null;
  }

  private items(): HTMLButtonElement[] {
    return [...this.container.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  }

  private onKey(event: KeyboardEvent): void {
    const items = this.items();
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') this.close(true);
    else return;
    // Escape closes the menu only (not the selection too: the page's keys see no Escape).
    event.preventDefault();
    event.stopPropagation();
  }
}

/** The context-menu key or Shift+F10, outside text fields. */
export function isMenuKey(event: KeyboardEvent): boolean {
  return event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
}
