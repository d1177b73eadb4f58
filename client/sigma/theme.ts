/**
 * Canvas colours taken from the page's CSS custom properties, so that labels, dimmed nodes and
 * the hover box follow the light or dark theme (data-theme on <html>, see ui/theme-toggle.ts).
 */
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';

export interface CanvasTheme {
  text: string;
  background: string;
  box: string;
  shadow: string;
  dimNode: string;
  dimEdge: string;
  edge: string;
  focusEdge: string;
  pathEdge: string;
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}

export function readTheme(): CanvasTheme {
  return {
    text: cssVar('--text', '#1d1d1f'),
    background: cssVar('--bg', '#f7f7f5'),
    box: cssVar('--panel', '#ffffff'),
    shadow: cssVar('--canvas-shadow', 'rgba(0, 0, 0, 0.35)'),
    dimNode: cssVar('--canvas-dim-node', '#d9d9d9'),
    dimEdge: cssVar('--canvas-dim-edge', '#eeeeee'),
    edge: cssVar('--canvas-edge', '#b8b8b8'),
    focusEdge: cssVar('--canvas-focus-edge', '#4d5866'),
    pathEdge: cssVar('--canvas-path-edge', '#b35900'),
  };
}

export const THEME_CHANGED_EVENT = 'actorgraph:themechange';

/**
 * Calls back when the colour scheme changes (the CSS variables have changed with it): the theme
 * toggle dispatches THEME_CHANGED_EVENT on the document, also when it follows a system change.
 */
export function onThemeChange(callback: () => void): void {
  document.addEventListener(THEME_CHANGED_EVENT, callback);
}

/** A node label with a halo in the background colour, readable over edges and neighbours. */
export function themedLabelDrawer(theme: () => CanvasTheme): NodeLabelDrawingFunction {
  return (context, data, settings) => {
    if (!data.label) return;
    const colors = theme();
    const size = settings.labelSize;
    const x = data.x + data.size + 4;
    const y = data.y + size / 3;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    context.lineJoin = 'round';
    context.lineWidth = 3;
    context.strokeStyle = colors.background;
    context.strokeText(data.label, x, y);
    context.fillStyle = colors.text;
    context.fillText(data.label, x, y);
  };
}

/** The hovered or highlighted node: its label on a box in the panel colour, with a soft shadow. */
export function themedHoverDrawer(theme: () => CanvasTheme): NodeHoverDrawingFunction {
  return (context, data, settings) => {
    const colors = theme();
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const padding = 3;
    const radius = Math.max(data.size, size / 2) + padding;
    context.fillStyle = colors.box;
    context.shadowColor = colors.shadow;
    context.shadowBlur = 8;
    context.beginPath();
    context.arc(data.x, data.y, radius, 0, Math.PI * 2);
    if (typeof data.label === 'string' && data.label !== '') {
      const width = context.measureText(data.label).width;
      const height = size + 2 * padding;
      context.roundRect(data.x, data.y - height / 2, radius + width + 8, height, 4);
    }
    context.fill();
    context.shadowBlur = 0;
    context.fillStyle = data.color;
    context.beginPath();
    context.arc(data.x, data.y, data.size, 0, Math.PI * 2);
    context.fill();
    if (typeof data.label === 'string' && data.label !== '') {
      context.fillStyle = colors.text;
      context.fillText(data.label, data.x + data.size + 4, data.y + size / 3);
    }
  };
}
