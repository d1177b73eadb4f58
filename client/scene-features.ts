/**
 * The scene features users of Neo4j Bloom, Browser and Gephi Lite expect, wired to the explorer:
 * the node menu (right-click, context-menu key, Shift+F10), the hover card, the Style tab (rules,
 * captions, colour by attribute), the Table tab (every node and relationship on the canvas) and
 * the choice of layout. Each part is its own module; this file only connects them to the state,
 * the renderer and the actions, the way main.ts does for the rest.
 */
import type Sigma from 'sigma';
import type { ExplorerActions } from './explore/actions.js';
import type { CanvasHistory } from './graph/canvas-history.js';
import type { ExplorerGraph } from './graph/dataset.js';
import type { DerivedView } from './graph/derived-view.js';
import type { LayoutController } from './graph/layout.js';
import {
  assignLayout,
  circularLayout,
  communityLayout,
  gridLayout,
  LAYOUT_NAMES,
  LAYOUTS,
  type LayoutName,
} from './graph/layouts.js';
import type { MetricsCache } from './graph/metrics.js';
import type { Appearance } from './state/appearance.js';
import type { CanvasState } from './state/canvas-state.js';
import type { LayoutChoice } from './state/layout-choice.js';
import type { Interaction } from './state/selection.js';
import type { StyleRules } from './state/style-rules.js';
import { isMenuKey, NodeMenu } from './ui/context-menu.js';
import { DataTable } from './ui/data-table.js';
import { el } from './ui/dom.js';
import { hideHoverCard, showHoverCard } from './ui/hover-card.js';
import { StyleView } from './ui/style-view.js';

export interface SceneDeps {
  graph: ExplorerGraph;
  renderer: Sigma;
  interaction: Interaction;
  view: DerivedView;
  appearance: Appearance;
  style: StyleRules;
  actions: ExplorerActions;
  canvasState: CanvasState;
  metrics: MetricsCache;
  layout: LayoutController;
  layoutChoice: LayoutChoice;
  history: CanvasHistory;
  /** The details panel (opened by "Show evidence"). */
  panel: HTMLElement;
  byId<T extends HTMLElement>(id: string): T;
  /** The view changed in a way the link should follow. */
  changed(): void;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;

/** Where a node is drawn, in the canvas's own pixels. */
function nodePoint(deps: SceneDeps, id: string): { x: number; y: number } {
  const { x, y } = deps.graph.getNodeAttributes(id);
  return deps.renderer.graphToViewport({ x, y });
}

function bindNodeMenu(deps: SceneDeps): void {
  const { graph, actions, interaction, canvasState, byId } = deps;
  const menu = new NodeMenu(byId('node-menu'));
  const menuActions = {
    expand: (id: string, types: string[]) => void actions.expand(id, types),
    hide: (id: string) => void actions.hide([id]),
    evidence: (id: string) => {
      if (deps.panel.classList.contains('collapsed')) byId('panel-toggle').click();
      deps.panel.tabIndex = -1;
      void actions.select(id, false).then(() => deps.panel.focus());
    },
    dismissOthers: (id: string) => {
      const keep = new Set([id, ...interaction.current.selection]);
      void actions.hide(graph.filterNodes((node) => !keep.has(node)));
    },
    pin: (id: string) => actions.pin([id]),
  };
  const open = async (id: string, at: { x: number; y: number }) => {
    // The menu lists the node's relationship types with counts: what the details say.
    if (!canvasState.neighbourCounts.has(id) || interaction.current.selected !== id) await actions.select(id, false);
    if (!graph.hasNode(id)) return;
    menu.open(
      {
        id,
        caption: graph.getNodeAttribute(id, 'caption'),
        neighbourCounts: canvasState.neighbourCounts.get(id) ?? null,
        pinned: graph.getNodeAttribute(id, 'fixed') === true,
      },
      menuActions,
      at,
    );
  };
  deps.renderer.on('rightClickNode', ({ node, event }) => {
    event.preventSigmaDefault();
    event.original.preventDefault();
    void open(node, { x: event.x, y: event.y });
  });
  // No browser menu over a node (sigma reports the right-click; the page's own menu opens).
  byId('graph').addEventListener('contextmenu', (event) => {
    if (interaction.current.hovered !== null) event.preventDefault();
  });
  document.addEventListener('keydown', (event) => {
    if (!isMenuKey(event) || typing(event.target) || menu.isOpen) return;
    const id = interaction.current.selected;
    if (!id || !graph.hasNode(id)) return;
    event.preventDefault();
    void open(id, nodePoint(deps, id));
  });
}

function bindHoverCard(deps: SceneDeps): void {
  const { graph, interaction, byId } = deps;
  const card = byId('hover-card');
  const container = byId('graph');
  let pointer = { x: 0, y: 0 };
  container.addEventListener('pointermove', (event) => {
    const box = container.getBoundingClientRect();
    pointer = { x: event.clientX - box.left, y: event.clientY - box.top };
  });
  container.addEventListener('pointerleave', () => hideHoverCard(card));
  interaction.subscribeTo(['hovered', 'hoveredEdge'], ({ hovered, hoveredEdge }) => {
    if (hovered && graph.hasNode(hovered)) {
      const a = graph.getNodeAttributes(hovered);
      const style = deps.view.style(hovered);
      showHoverCard(
        card,
        { kind: a.nodeLabel, caption: style?.caption ?? a.caption, properties: a.properties },
        pointer,
      );
    } else if (hoveredEdge && graph.hasEdge(hoveredEdge)) {
      const a = graph.getEdgeAttributes(hoveredEdge);
      const [source, target] = graph.extremities(hoveredEdge);
      const caption = `${graph.getNodeAttribute(source, 'caption')} → ${graph.getNodeAttribute(target, 'caption')}`;
      showHoverCard(card, { kind: a.relType, caption, properties: a.properties ?? {} }, pointer);
    } else hideHoverCard(card);
  });
}

/** Places the nodes by one of the computed layouts (not ForceAtlas2, which runs over time). */
function arrange(deps: SceneDeps, name: Exclude<LayoutName, 'force'>): void {
  const { graph } = deps;
  deps.layout.kill();
  const positions =
    name === 'circular'
      ? circularLayout(graph)
      : name === 'grid'
        ? gridLayout(graph)
        : communityLayout(graph, deps.metrics.communities());
  assignLayout(graph, positions);
  deps.renderer.refresh();
}

function bindLayoutChoice(deps: SceneDeps): void {
  const { graph, layout, renderer } = deps;
  const select = deps.byId<HTMLSelectElement>('layout-choice');
  for (const name of LAYOUTS) select.append(el('option', { value: name }, LAYOUT_NAMES[name]));
  // A view opened from a link chose the layout: the toolbar shows it, and the canvas is arranged by it.
  deps.layoutChoice.subscribe(({ name }) => {
    if (select.value === name) return;
    select.value = name;
    if (name !== 'force' && graph.order > 0) arrange(deps, name);
  });
  select.addEventListener('change', () => {
    const name = select.value as LayoutName;
    deps.layoutChoice.set({ name });
    deps.changed();
    if (graph.order === 0) return;
    if (name === 'force') {
      layout.start(8000);
      return;
    }
    deps.history.record(`${LAYOUT_NAMES[name].toLowerCase()} layout`);
    arrange(deps, name);
    void renderer.getCamera().animatedReset({ duration: 300 });
    deps.actions.say(`${LAYOUT_NAMES[name]} layout. Undo (Ctrl+Z) goes back.`);
  });
}

/** Wires the features; returns what main.ts calls when the tools panel shows a tab or the canvas changed. */
export function bindSceneFeatures(deps: SceneDeps): { refresh(): void } {
  bindNodeMenu(deps);
  bindHoverCard(deps);
  bindLayoutChoice(deps);
  const stylePanel = deps.byId('tools-style');
  const tablePanel = deps.byId('tools-table');
  const styleView = new StyleView(stylePanel, deps.graph, deps.appearance, deps.style);
  const table = new DataTable(tablePanel, deps.graph, () => deps.view.visibility, {
    selectNode: (id) => void deps.actions.select(id),
    showEdge: (id) => void deps.actions.showEdge(id),
  });
  const refresh = () => {
    if (!stylePanel.hidden) styleView.render();
    if (!tablePanel.hidden) table.render();
  };
  deps.style.subscribe(() => {
    deps.renderer.refresh();
    refresh();
    deps.changed();
  });
  deps.appearance.subscribe(refresh);
  return { refresh };
}
