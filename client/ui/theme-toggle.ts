/**
 * The theme button: follows the system, or light, or dark (kept in localStorage). It always sets
 * data-theme="light" or "dark" on <html> (the stylesheets key their palettes on it, so each colour
 * is written once) and tells the canvas to read its colours again.
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

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

function apply(theme: Theme): void {
  const resolved = theme === 'system' ? (systemDark.matches ? 'dark' : 'light') : theme;
  document.documentElement.dataset.theme = resolved;
  document.documentElement.dataset.themeChoice = theme;
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
  systemDark.addEventListener('change', () => {
    if (theme === 'system') apply(theme);
  });
  button.addEventListener('click', () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
    localStorage.setItem(STORAGE_KEY, theme);
    apply(theme);
    show();
  });
}
