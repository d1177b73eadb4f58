/**
 * ForceAtlas2 in a web worker (graphology's supervisor): start, stop, and stop by itself after a
 * while so the first view settles without burning a core. When it stops, a noverlap pass moves
 * apart nodes that still cover each other (small graphs only: it runs on the main thread).
 */
import noverlapModule from 'graphology-layout-noverlap';
import { defaultExport } from './commonjs.js';
import { forceAtlas2 } from './force-atlas2.js';
import supervisorModule from 'graphology-layout-forceatlas2/worker.js';

interface FA2Layout {
  isRunning(): boolean;
  start(): void;
  stop(): void;
  kill(): void;
}
type Position = { x: number; y: number };
type FA2LayoutClass = new (
  graph: ExplorerGraph,
  params?: {
    settings?: Record<string, unknown>;
    outputReducer?: <A extends Position>(key: string, attributes: A) => A;
  },
) => FA2Layout;

// The package is CommonJS (`module.exports = Supervisor`) typed as `export default`: depending on
// the interop the class is the default import itself or its `.default`.
const FA2Layout = ((supervisorModule as unknown as { default?: FA2LayoutClass }).default ??
  supervisorModule) as unknown as FA2LayoutClass;
import type { ExplorerGraph } from './dataset.js';

const noverlap = defaultExport(noverlapModule);
const NOVERLAP_MAX_NODES = 3000;

/** A node's attributes after a layout step, with its held position put back if it has one. */
export function holdPosition<A extends Position>(held: ReadonlyMap<string, Position>, key: string, attributes: A): A {
  const position = held.get(key);
  return position ? { ...attributes, x: position.x, y: position.y } : attributes;
}

export class LayoutController {
  private layout: FA2Layout | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(running: boolean) => void>();
  /** Where the nodes held by the current run stay (see start). */
  private held: Map<string, Position> | null = null;

  constructor(private readonly graph: ExplorerGraph) {}

  /** Calls back when the layout starts or stops (the toolbar button, the link, large-canvas drawing). */
  onRunningChange(listener: (running: boolean) => void): void {
    this.listeners.add(listener);
  }

  private onChange(running: boolean): void {
    for (const listener of this.listeners) listener(running);
  }

  get running(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /**
   * Runs the layout for `forMs`. Nodes in `hold` stay where they are while the others move (a
   * query's new nodes settle around what the user already arranged): the worker's positions for
   * them are put back after every step, which the worker then reads back as its own.
   */
  start(forMs = 4000, hold?: ReadonlySet<string>): void {
    this.kill();
    if (this.graph.order === 0) return;
    const settings = { ...forceAtlas2.inferSettings(this.graph), barnesHutOptimize: this.graph.order > 500 };
    const held = hold && hold.size > 0 ? this.positionsOf(hold) : null;
    this.held = held;
    this.layout = new FA2Layout(this.graph, {
      settings,
      // The reducer's answer replaces the node's attributes: a new object with all of them (the
      // worker writes into what it is given, which must not be the held positions themselves).
      ...(held
        ? { outputReducer: <A extends Position>(key: string, attributes: A) => holdPosition(held, key, attributes) }
        : {}),
    });
    this.layout.start();
    this.onChange(true);
    this.timer = setTimeout(() => this.stop(), forMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wasRunning = this.running;
    this.layout?.stop();
    if (wasRunning) this.spread();
    this.held = null;
    this.onChange(false);
  }

  private positionsOf(ids: ReadonlySet<string>): Map<string, Position> {
    const positions = new Map<string, Position>();
    for (const id of ids) {
      if (!this.graph.hasNode(id)) continue;
      const { x, y } = this.graph.getNodeAttributes(id);
      positions.set(id, { x, y });
    }
    return positions;
  }

  /** Moves overlapping nodes apart (pinned and held ones stay), keeping the layout's shape. */
  spread(): void {
    if (this.graph.order === 0 || this.graph.order > NOVERLAP_MAX_NODES) return;
    noverlap.assign(this.graph, {
      maxIterations: 50,
      settings: { ratio: 1.2, margin: 1 },
      outputReducer: (key, position) => {
        const { fixed, x, y } = this.graph.getNodeAttributes(key);
        return fixed === true || this.held?.has(key) ? { x, y } : position;
      },
    });
  }

  /** Before structural changes: the worker holds its own copy of the graph. */
  kill(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.layout?.kill();
    this.layout = null;
    this.held = null;
  }
}
