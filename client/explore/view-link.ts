/**
 * Links and saved views: the current view captured as plain data (state/view-state.ts), and a
 * view replayed onto an empty canvas (overview, expansions, a query, a path, dismissed nodes,
 * positions, filters, appearance, selection, camera). Works through the explorer's own actions
 * (explore/actions.ts), so that a replayed view is built the way the user built it.
 */
import type { ExplorerGraph } from '../graph/dataset.js';
import type { Appearance } from '../state/appearance.js';
import type { Filters } from '../state/filters.js';
import { DEFAULT_LAYOUT, type LayoutChoice } from '../state/layout-choice.js';
import type { Interaction } from '../state/selection.js';
import { DEFAULT_STYLE, type StyleRules } from '../state/style-rules.js';
import type { ViewState } from '../state/view-state.js';
import { expansionOf, PAGE_SIZE } from './expansion.js';

/** Positions go into a link up to this many nodes (about 40 bytes each). */
const MAX_LINKED_POSITIONS = 800;

/** The camera as a view needs it (sigma's Camera; a plain object in tests). */
export interface ViewCamera {
  getState(): { x: number; y: number; ratio: number; angle: number };
  setState(state: { x: number; y: number; ratio: number; angle: number }): unknown;
}

export interface ViewSources {
  graph: ExplorerGraph;
  camera: ViewCamera;
  interaction: Interaction;
  filters: Filters;
  appearance: Appearance;
  /** Absent where styling is not used (tests of other parts). */
  style?: StyleRules;
  /** Absent where the layout choice is not used (tests of other parts). */
  layoutChoice?: LayoutChoice;
  hidden(): string[];
  query(): ViewState['query'];
  pathEnds(): ViewState['path'];
}

const round = (value: number) => Math.round(value * 100) / 100;

export function captureView(sources: ViewSources): ViewState {
  const { graph } = sources;
  const expansions: ViewState['expansions'] = [];
  graph.forEachNode((id) => {
    const expansion = expansionOf(graph, id);
    if (expansion && expansion.shown > 0)
      expansions.push({ id, types: expansion.types, pages: Math.ceil(expansion.shown / PAGE_SIZE) });
  });
  let positions: ViewState['positions'] = null;
  if (graph.order <= MAX_LINKED_POSITIONS) {
    positions = {};
    graph.forEachNode((id, { x, y }) => (positions![id] = [round(x), round(y)]));
  }
  const camera = sources.camera.getState();
  return {
    selection: [...sources.interaction.current.selection],
    expansions,
    hidden: sources.hidden(),
    query: sources.query(),
    path: sources.pathEnds(),
    filters: { ...sources.filters.current },
    appearance: { ...sources.appearance.current },
    ...(sources.style ? { style: sources.style.current } : {}),
    // The default is left out: links made before layouts could be chosen stay the same.
    ...(sources.layoutChoice && sources.layoutChoice.current.name !== DEFAULT_LAYOUT
      ? { layout: sources.layoutChoice.current.name }
      : {}),
    camera: { x: camera.x, y: camera.y, ratio: camera.ratio, angle: camera.angle },
    positions,
  };
}

export interface ViewReplay {
  loadOverview(): Promise<void>;
  /** The next page of a node's neighbours (the way the user's expansion brought them). */
  expand(id: string, types: string[]): Promise<unknown>;
  /** Runs a query; its result is added to the canvas or replaces it. */
  runQuery(query: string, params: Record<string, unknown>, mode: 'add' | 'replace'): Promise<void>;
  findPath(from: string, to: string, types: readonly string[], all?: boolean): Promise<void>;
  hide(ids: string[]): void;
  select(ids: string[]): Promise<void>;
  /** Lays out, unless the link carried the positions. */
  settle(hasPositions: boolean): Promise<void>;
}

/**
 * Rebuilds a view. What no longer exists in the database (a node deleted since the link was made)
 * is skipped and reported; the rest of the view still opens.
 */
export async function replayView(view: ViewState, sources: ViewSources, replay: ViewReplay): Promise<string[]> {
  const problems: string[] = [];
  const attempt = async (what: string, step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const query = view.query;
  const runQuery = () => attempt('the query', () => replay.runQuery(query!.query, query!.params, query!.mode));
  // A query that replaced the canvas is the view's base (then come expansions of its nodes); else the overview is.
  if (query?.mode === 'replace') await runQuery();
  else await replay.loadOverview();
  for (const expansion of view.expansions) {
    for (let page = 0; page < expansion.pages; page += 1)
      await attempt(`expanding ${expansion.id}`, () => replay.expand(expansion.id, expansion.types));
  }
  if (query && query.mode === 'add') await runQuery();
  const path = view.path;
  if (path) await attempt('the path', () => replay.findPath(path.from, path.to, path.types, path.all === true));
  replay.hide(view.hidden);
  const { graph } = sources;
  // Before the positions: a chosen layout arranges the canvas, then positions the link carried win.
  const layout = view.layout ?? DEFAULT_LAYOUT;
  sources.layoutChoice?.set({ name: layout });
  for (const [id, [x, y]] of Object.entries(view.positions ?? {})) {
    if (graph.hasNode(id)) graph.mergeNodeAttributes(id, { x, y });
  }
  sources.filters.set(view.filters);
  sources.appearance.set({ colorAttribute: null, ...view.appearance });
  sources.style?.load(view.style ?? DEFAULT_STYLE);
  // A chosen layout other than ForceAtlas2 has placed the nodes itself: no force run over it.
  await replay.settle(view.positions !== null || layout !== DEFAULT_LAYOUT);
  await attempt('the selection', () => replay.select(view.selection.filter((id) => graph.hasNode(id))));
  if (view.camera) sources.camera.setState(view.camera);
  return problems;
}
