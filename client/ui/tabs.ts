/**
 * A tab list (WAI-ARIA tabs pattern): click or arrow keys switch panels; only the chosen tab is in
 * the Tab order. Calls back with the panel shown, so its content can be drawn when it is needed.
 */
export function bindTabs(tablist: HTMLElement, onShow: (panel: HTMLElement) => void): (tabId: string) => void {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const show = (tab: HTMLButtonElement, focus = false) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
    if (panel) onShow(panel);
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => show(tab));
    tab.addEventListener('keydown', (event) => {
      const index = tabs.indexOf(tab);
      const next =
        event.key === 'ArrowRight'
          ? tabs[(index + 1) % tabs.length]
          : event.key === 'ArrowLeft'
            ? tabs[(index + tabs.length - 1) % tabs.length]
            : null;
      if (next) {
        event.preventDefault();
        show(next, true);
      }
    });
  }
  return (tabId: string) => {
    const tab = tabs.find((t) => t.id === tabId);
    if (tab) show(tab);
  };
}
