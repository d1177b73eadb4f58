/**
 * The theme button: follows the system, or light, or dark (kept in localStorage). It sets
 * data-theme on <html> (styles.css holds both palettes) and tells the canvas to read its colours again.
 */
import { THEME_CHANGED_EVENT } from '../sigma/theme.js';

const THEMES = ['system', 'light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const STORAGE_KEY = 'actorgraph.theme';
const NAMES: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

function stored(): Theme {
  const value = localStorage.getItem(STORAGE_KEY);
  return THEMES.find((theme) => theme === value) ?? 'system';
}

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  document.dispatchEvent(new Event(THEME_CHANGED_EVENT));
}

export function bindThemeToggle(button: HTMLButtonElement): void {
  let theme = stored();
  const show = () => {
    button.textContent = NAMES[theme];
    button.setAttribute('aria-label', `${NAMES[theme]} (change theme)`);
  };
  apply(theme);
  show();
  button.addEventListener('click', () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
    localStorage.setItem(STORAGE_KEY, theme);
    apply(theme);
    show();
  });
}
