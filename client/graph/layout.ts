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
type FA2LayoutClass = new (graph: ExplorerGraph, params?: { settings?: Record<string, unknown> }) => FA2Layout;

// The package is CommonJS (`module.exports = Supervisor`) typed as `export default`: depending on
// the interop the class is the default import itself or its `.default`.
const FA2Layout = ((supervisorModule as unknown as { default?: FA2LayoutClass }).default ??
  supervisorModule) as unknown as FA2LayoutClass;
import type { ExplorerGraph } from './dataset.js';

const noverlap = defaultExport(noverlapModule);
const NOVERLAP_MAX_NODES = 3000;

export class LayoutController {
  private layout: FA2Layout | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(running: boolean) => void>();

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

  start(forMs = 4000): void {
    this.kill();
    if (this.graph.order === 0) return;
    const settings = { ...forceAtlas2.inferSettings(this.graph), barnesHutOptimize: this.graph.order > 500 };
    this.layout = new FA2Layout(this.graph, { settings });
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
    this.onChange(false);
  }

  /** Moves overlapping nodes apart (pinned ones stay), keeping the layout's shape. */
  spread(): void {
    if (this.graph.order === 0 || this.graph.order > NOVERLAP_MAX_NODES) return;
    noverlap.assign(this.graph, {
      maxIterations: 50,
      settings: { ratio: 1.2, margin: 1 },
      outputReducer: (key, position) => {
        const { fixed, x, y } = this.graph.getNodeAttributes(key);
        return fixed === true ? { x, y } : position;
      },
    });
  }

  /** Before structural changes: the worker holds its own copy of the graph. */
  kill(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.layout?.kill();
    this.layout = null;
  }
}
