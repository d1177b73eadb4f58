/**
 * The explorer's actions: everything the user does to the canvas (select, expand, collapse, hide,
 * pin, a path, a query's result, undo) and how a view is rebuilt from a link. Each action that
 * changes the canvas records it for undo first. The actions change the graph and the state and
 * say what happened through `events`; the panels (main.ts) listen. No DOM here: the API, the
 * layout and the camera come in as small interfaces, so the actions run in Node under test.
 */
import type {
  EdgeDetailsResponse,
  GraphPayload,
  NodeDetailsResponse,
  OverviewResponse,
  PathResponse,
} from '../../server/domain/api.js';
import type { CanvasHistory } from '../graph/canvas-history.js';
import { captionOf, mergePayload, type ExplorerGraph } from '../graph/dataset.js';
import type { CanvasQuery, CanvasState, PathEnds } from '../state/canvas-state.js';
import { Emitter } from '../state/emitter.js';
import type { Interaction } from '../state/selection.js';
import type { SelectionBarModel } from '../ui/selection-bar.js';
import {
  collapse,
  expandNext,
  expansionOf,
  hideNodes,
  togglePins,
  type ExpandResult,
  type NeighboursSource,
} from './expansion.js';
import type { ViewReplay } from './view-link.js';

/** The API calls the actions make (api/client.ts; a fake in tests). */
export interface ExplorerApi {
  overview(limit: number): Promise<OverviewResponse>;
  node(id: string): Promise<NodeDetailsResponse>;
  edge(id: string): Promise<EdgeDetailsResponse>;
  neighbors: NeighboursSource;
  /** `types`: the relationship types the path may follow (all when empty). */
  shortestPath(from: string, to: string, types: readonly string[], all?: boolean): Promise<PathResponse>;
}

/** The force layout (graph/layout.ts): it runs in a worker that holds a copy of the graph. */
export interface CanvasLayout {
  readonly running: boolean;
  /** `hold`: nodes the layout leaves where they are (those already placed), only the others move. */
  start(forMs: number, hold?: ReadonlySet<string>): void;
  kill(): void;
}

/** Camera moves the actions ask for (sigma/renderer.ts). */
export interface CameraMoves {
  /** Frames a node with its neighbours. */
  focus(id: string): void;
  /** Frames a path once the layout has placed its new nodes. */
  framePath(ids: readonly string[]): void;
}

/** What the details panel shows. */
export type DetailsView =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'node'; details: NodeDetailsResponse }
  | { kind: 'edge'; details: EdgeDetailsResponse }
  /** The answer failed (the message goes to the status line); the panel keeps what it showed. */
  | { kind: 'failed' };

export interface ActionEvents {
  /** The status line: a message, or '' to clear it. */
  status: { message: string; isError: boolean };
  details: DetailsView;
  /** Nodes or edges came or went (curves, legend, panels and the link follow). */
  canvas: void;
  /** What the selection bar shows changed beyond the selection (pins, neighbour counts). */
  selectionFacts: void;
  /** The overview was merged: the renderer fits its settings before its first frame. */
  overviewLoaded: void;
  /** A path was shown (from the Path tab, the selection bar or a link) or cleared (null). */
  path: PathEnds | null;
}

export interface ActionDeps {
  graph: ExplorerGraph;
  interaction: Interaction;
  state: CanvasState;
  history: CanvasHistory;
  api: ExplorerApi;
  layout: CanvasLayout;
  camera: CameraMoves;
}

/** What an expansion did, truthfully: on a small database its neighbours are often already shown. */
export function expandMessage(name: string, result: ExpandResult): string {
  const found = result.page.length;
  const already = found - result.added.length;
  if (found === 0) return `No further neighbours of ${name} to bring in.`;
  if (result.added.length === 0) {
    const which = found === 1 ? `The only neighbour of ${name} is` : `All ${found} neighbours of ${name} are`;
    return result.complete && result.shown === found
      ? `${which} already on the canvas (highlighted).`
      : `These ${found} neighbours of ${name} were already on the canvas (highlighted).`;
  }
  const rest = already > 0 ? `; ${already} more were already on the canvas` : '';
  return `Added ${result.added.length} new neighbour(s) of ${name}${rest}${result.complete ? ' (all shown)' : ''}.`;
}

/** What the status line says of an overview whose relationships were capped. */
export function cappedOverviewMessage(overview: OverviewResponse): string {
  const count = (n: number) => n.toLocaleString('en');
  return (
    `Showing ${count(overview.edges.length)} of ${count(overview.totalEdges)} relationships among the ` +
    `${count(overview.nodes.length)} most connected nodes, the busiest nodes' first: expand a node to see all of its own.`
  );
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ExplorerActions {
  readonly events = new Emitter<ActionEvents>();
  /** Counts selections, so that a slow answer for an earlier click does not replace a later one. */
  private selectionRequest = 0;
  private readonly graph: ExplorerGraph;
  private readonly interaction: Interaction;
  private readonly state: CanvasState;

  constructor(private readonly deps: ActionDeps) {
    ({ graph: this.graph, interaction: this.interaction, state: this.state } = deps);
  }

  say(message: string, isError = false): void {
    this.events.emit('status', { message, isError });
  }

  captionOf(id: string): string {
    return captionOf(this.graph, id);
  }

  // ---- Selection and details ----

  clearSelection(): void {
    this.selectionRequest += 1;
    this.interaction.select(null);
    this.events.emit('details', { kind: 'closed' });
  }

  /** Selects a node and shows its details; `frame` moves the camera to it (not when a link sets the camera). */
  async select(id: string, frame = true): Promise<void> {
    const mine = ++this.selectionRequest;
    try {
      this.events.emit('details', { kind: 'loading' });
      if (!this.graph.hasNode(id)) await this.changeCanvas(`show ${id}`, () => this.expandNextPage(id, []));
      if (mine !== this.selectionRequest) return;
      this.interaction.select(id);
      if (frame) this.deps.camera.focus(id);
      const details = await this.deps.api.node(id);
      if (mine !== this.selectionRequest) return;
      const { total, byType } = details.neighbours;
      this.state.neighbourCounts.set(id, new Map([['', total], ...Object.entries(byType)]));
      this.events.emit('selectionFacts');
      this.events.emit('details', { kind: 'node', details });
      this.say('');
    } catch (error) {
      this.events.emit('details', { kind: 'failed' });
      this.say(messageOf(error), true);
    }
  }

  /** A relationship and every sentence that states it, in the details panel's place. */
  async showEdge(id: string): Promise<void> {
    const mine = ++this.selectionRequest;
    try {
      this.events.emit('details', { kind: 'loading' });
      const details = await this.deps.api.edge(id);
      if (mine !== this.selectionRequest) return;
      if (this.graph.hasEdge(id)) this.interaction.selectEdge(id);
      this.events.emit('details', { kind: 'edge', details });
      this.say('');
    } catch (error) {
      this.events.emit('details', { kind: 'failed' });
      this.say(messageOf(error), true);
    }
  }

  /** Adds nodes to the selection (the lasso). */
  selectMany(ids: readonly string[]): void {
    this.interaction.selectMany(ids, true);
    this.say(`${this.interaction.current.selection.length} node(s) selected.`);
  }

  /** What the selection bar shows: the selected nodes, and for one node its expansion and counts. */
  selectionSummary(): SelectionBarModel {
    const selection = this.interaction.current.selection.filter((id) => this.graph.hasNode(id));
    const single = selection.length === 1 ? selection[0] : null;
    return {
      selection: selection.map((id) => ({ id, caption: this.captionOf(id) })),
      expansion: single ? expansionOf(this.graph, single) : null,
      neighbourCounts: single ? (this.state.neighbourCounts.get(single) ?? null) : null,
      pinned: selection.length > 0 && selection.every((id) => this.graph.getNodeAttribute(id, 'fixed') === true),
    };
  }

  // ---- Changing the canvas (each step can be undone) ----

  /** Records the canvas for undo, stops the layout worker (it holds a copy), runs the change. */
  private async changeCanvas<T>(label: string, change: () => T | Promise<T>, relayout = true): Promise<T> {
    this.deps.history.record(label);
    this.deps.layout.kill();
    const result = await change();
    this.events.emit('canvas');
    if (relayout && this.graph.order > 0) this.deps.layout.start(2500);
    return result;
  }

  private expandNextPage(id: string, types: string[]) {
    return expandNext(this.graph, this.deps.api.neighbors, id, types);
  }

  async expand(id: string, types: string[] = []): Promise<void> {
    try {
      const result = await this.changeCanvas(`expand ${this.captionOf(id)}`, () => this.expandNextPage(id, types));
      this.say(expandMessage(this.captionOf(id), result));
      // Nothing new: show which nodes the expansion found, so that it visibly did something.
      if (result.added.length === 0 && result.page.length > 0) this.interaction.selectMany([id, ...result.page], false);
    } catch (error) {
      this.say(messageOf(error), true);
    }
  }

  async collapse(id: string): Promise<void> {
    const removed = await this.changeCanvas(`collapse ${this.captionOf(id)}`, () => collapse(this.graph, id), false);
    this.say(`Collapsed ${this.captionOf(id)}: ${removed} node(s) left the canvas.`);
  }

  async hide(ids: readonly string[]): Promise<void> {
    const label = ids.length === 1 ? `hide ${this.captionOf(ids[0])}` : `hide ${ids.length} nodes`;
    for (const id of ids) this.state.dismissed.add(id);
    if (ids.includes(this.interaction.current.selected ?? '')) this.events.emit('details', { kind: 'closed' });
    this.interaction.selectMany(
      this.interaction.current.selection.filter((id) => !ids.includes(id)),
      false,
    );
    const removed = await this.changeCanvas(label, () => hideNodes(this.graph, ids), false);
    this.say(`${removed} node(s) hidden. Undo (Ctrl+Z) brings them back.`);
  }

  pin(ids: readonly string[]): void {
    const pinned = togglePins(this.graph, ids);
    if (this.deps.layout.running) this.deps.layout.start(2500);
    this.events.emit('selectionFacts');
    this.say(pinned ? 'Pinned: the layout leaves them in place.' : 'Unpinned.');
  }

  /** The shortest path following only `types` (explore/path-types.ts chooses them). */
  async findPath(from: string, to: string, types: readonly string[], all = false): Promise<PathResponse> {
    const path = all
      ? await this.deps.api.shortestPath(from, to, types, true)
      : await this.deps.api.shortestPath(from, to, types);
    if (!path.found) {
      this.clearPath();
      this.say(`No path between ${this.captionOf(from)} and ${this.captionOf(to)} within 6 steps.`, true);
      return path;
    }
    await this.changeCanvas(`path ${this.captionOf(from)} – ${this.captionOf(to)}`, () =>
      mergePayload(this.graph, path.graph, 'path'),
    );
    this.state.pathEnds = { from, to, types: [...types], ...(all ? { all: true as const } : {}) };
    this.events.emit('path', this.state.pathEnds);
    // Every shortest path, when asked for, is highlighted at once.
    const paths = path.paths ?? [path];
    this.interaction.showPath({
      nodeIds: [...new Set(paths.flatMap((p) => p.nodeIds))],
      edgeIds: [...new Set(paths.flatMap((p) => p.edgeIds))],
    });
    this.deps.camera.framePath(path.nodeIds);
    this.say(
      path.paths
        ? `${path.paths.length} shortest path(s) of ${path.length} step(s).`
        : `Shortest path: ${path.length} step(s).`,
    );
    return path;
  }

  clearPath(): void {
    this.state.pathEnds = null;
    this.interaction.showPath(null);
    this.events.emit('path', null);
  }

  /**
   * Puts a console query's result on the canvas, added or instead of what is there; `ranQuery`
   * gives the query that made it (for links), asked once the canvas holds the result.
   */
  async showQueryResult(
    result: GraphPayload,
    mode: 'add' | 'replace',
    ranQuery: () => Omit<CanvasQuery, 'mode'> | null,
  ): Promise<number> {
    // Added to the canvas, a result moves only its new nodes: those already placed stay put, and
    // nothing moves when nothing is new (every run restarted the whole layout).
    const placed = mode === 'add' ? new Set(this.graph.nodes()) : null;
    const added = await this.changeCanvas(
      'query result',
      () => {
        if (mode === 'replace') {
          this.clearSelection();
          this.clearPath();
          this.graph.clear();
        }
        return mergePayload(this.graph, result, 'query');
      },
      false,
    );
    if (placed === null) this.deps.layout.start(2500);
    else if (added.length > 0) this.deps.layout.start(2500, placed);
    const ran = ranQuery();
    this.state.query = ran ? { ...ran, mode } : null;
    return added.length;
  }

  undo(): void {
    this.deps.layout.kill();
    const label = this.deps.history.undo();
    if (!label) {
      this.say('Nothing to undo.');
      return;
    }
    this.state.forgetDismissed((id) => this.graph.hasNode(id));
    const { selection, path } = this.interaction.current;
    this.interaction.selectMany(
      selection.filter((id) => this.graph.hasNode(id)),
      false,
    );
    if (path && !path.nodeIds.every((id) => this.graph.hasNode(id))) this.clearPath();
    this.events.emit('canvas');
    this.say(`Undone: ${label}.`);
  }

  // ---- A new canvas: the overview or a linked view ----

  /** Empties the canvas and what is known about it (not the undo steps). */
  reset(): void {
    this.deps.layout.kill();
    this.clearSelection();
    this.clearPath();
    this.graph.clear();
    this.state.reset();
  }

  /**
   * The most connected nodes; answers what to say when the server left relationships among them
   * out (capped), else null.
   */
  async loadOverview(limit: number): Promise<string | null> {
    const overview = await this.deps.api.overview(limit);
    mergePayload(this.graph, overview, 'overview');
    this.events.emit('overviewLoaded');
    return overview.totalEdges > overview.edges.length ? cappedOverviewMessage(overview) : null;
  }

  /** The overview as the first view, laid out; answers what loadOverview does. */
  async openOverview(limit: number): Promise<string | null> {
    const note = await this.loadOverview(limit);
    if (this.graph.order > 0) this.deps.layout.start(4000);
    return note;
  }

  /** The steps a linked view is rebuilt with (explore/view-link.ts's replayView): the actions' own. */
  replaySteps(options: {
    overviewLimit: number;
    runQuery(query: string, params: Record<string, unknown>, mode: 'add' | 'replace'): Promise<void>;
  }): ViewReplay {
    return {
      loadOverview: async () => void (await this.loadOverview(options.overviewLimit)),
      expand: (id, types) => this.expandNextPage(id, types),
      runQuery: options.runQuery,
      findPath: async (from, to, types, all) => void (await this.findPath(from, to, types, all)),
      hide: (ids) => {
        for (const id of ids) this.state.dismissed.add(id);
        hideNodes(this.graph, ids);
      },
      select: async (ids) => {
        if (ids[0]) await this.select(ids[0], false);
        this.interaction.selectMany(ids, false);
      },
      // Curves, panels and the redraw follow the 'canvas' event the start-up sends.
      settle: async (hasPositions) => {
        this.deps.layout.kill();
        if (!hasPositions) this.deps.layout.start(3000);
      },
    };
  }

  /** Tells the panels that the canvas is new (start-up, after the view is open). */
  canvasOpened(): void {
    this.events.emit('canvas');
  }
}
