/**
 * Shift-drag draws a lasso on the canvas and selects the nodes inside it; shift-click adds a node
 * to the selection (or takes it out). Mouse events with Shift are kept from sigma, so the camera
 * does not pan while the lasso is drawn.
 */
import type Sigma from 'sigma';

const SVG = 'http://www.w3.org/2000/svg';

function inside(point: { x: number; y: number }, polygon: Array<{ x: number; y: number }>): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x)
      result = !result;
  }
  return result;
}

export interface LassoActions {
  /** Nodes inside the lasso, added to the selection. */
  selectMany(ids: string[]): void;
  /** Shift-click on a node. */
  toggle(id: string): void;
}

export function bindLasso(container: HTMLElement, renderer: Sigma, actions: LassoActions): void {
  const overlay = document.createElementNS(SVG, 'svg');
  overlay.setAttribute('class', 'lasso');
  overlay.setAttribute('aria-hidden', 'true');
  const line = document.createElementNS(SVG, 'polygon');
  overlay.append(line);
  container.append(overlay);
  let points: Array<{ x: number; y: number }> | null = null;

  const local = (event: MouseEvent) => {
    const box = container.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const shownNodes = () =>
    renderer
      .getGraph()
      .nodes()
      .flatMap((node) => {
        const data = renderer.getNodeDisplayData(node);
        return data && !data.hidden ? [{ node, size: data.size, at: renderer.framedGraphToViewport(data) }] : [];
      });

  container.addEventListener(
    'mousedown',
    (event) => {
      if (!event.shiftKey || event.button !== 0) return;
      event.stopPropagation();
      event.preventDefault();
      points = [local(event)];
    },
    true,
  );
  // Sigma would take a shift-click as a plain click (and select only that node).
  container.addEventListener('click', (event) => event.shiftKey && event.stopPropagation(), true);
  window.addEventListener(
    'mousemove',
    (event) => {
      if (!points) return;
      event.stopPropagation();
      const point = local(event);
      const last = points[points.length - 1];
      if (Math.hypot(point.x - last.x, point.y - last.y) < 4) return;
      points.push(point);
      line.setAttribute('points', points.map((p) => `${p.x},${p.y}`).join(' '));
    },
    true,
  );
  window.addEventListener(
    'mouseup',
    (event) => {
      if (!points) return;
      event.stopPropagation();
      const drawn = points;
      points = null;
      line.setAttribute('points', '');
      if (drawn.length < 3) {
        // A click: the node under the pointer, if any (within its drawn radius).
        const at = drawn[0];
        const hit = shownNodes()
          .map((n) => ({ ...n, distance: Math.hypot(n.at.x - at.x, n.at.y - at.y) }))
          .filter((n) => n.distance <= Math.max(6, n.size + 2))
          .sort((a, b) => a.distance - b.distance)[0];
        if (hit) actions.toggle(hit.node);
        return;
      }
      const chosen = shownNodes()
        .filter((n) => inside(n.at, drawn))
        .map((n) => n.node);
      if (chosen.length > 0) actions.selectMany(chosen);
    },
    true,
  );
}
