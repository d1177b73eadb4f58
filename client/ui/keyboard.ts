/**
 * The explorer's keys, when the focus is not in a text field: Escape clears the selection,
 * Delete or Backspace hides the selected nodes, Ctrl+Z (⌘Z) undoes the last change of the canvas.
 */
export interface KeyActions {
  clearSelection(): void;
  /** Hides the selected nodes (nothing when none is selected). */
  hideSelection(): void;
  undo(): void;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;

export function bindKeyboard(target: Document, actions: KeyActions): void {
  target.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || typing(event.target)) return;
    if (event.key === 'Escape') actions.clearSelection();
    else if (event.key === 'Delete' || event.key === 'Backspace') actions.hideSelection();
    else if (event.key.toLowerCase() === 'z' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      actions.undo();
    }
  });
}
