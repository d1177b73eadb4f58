/**
 * Undo for what changes the canvas (expand, collapse, hide, a query's result, a path): before a
 * step, the canvas graph is recorded (graphology's serialised form, positions and pins included);
 * undo puts the last record back. A fixed number of steps is kept.
 */
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from './dataset.js';

interface Step {
  label: string;
  snapshot: SerializedGraph<NodeAttributes, EdgeAttributes>;
}

export class CanvasHistory {
  private readonly steps: Step[] = [];

  constructor(
    private readonly graph: ExplorerGraph,
    private readonly onChange: (lastLabel: string | null) => void,
    private readonly limit = 30,
  ) {}

  /** Call before the change; `label` says what undo will take back ("expand Ilham Aliyev"). */
  record(label: string): void {
    this.steps.push({ label, snapshot: this.graph.export() });
    if (this.steps.length > this.limit) this.steps.shift();
    this.onChange(label);
  }

  /** Puts the canvas back as it was before the last step; returns that step's label. */
  undo(): string | null {
    const step = this.steps.pop();
    if (!step) return null;
    this.graph.clear();
    this.graph.import(step.snapshot);
    this.onChange(this.steps.at(-1)?.label ?? null);
    return step.label;
  }

  get size(): number {
    return this.steps.length;
  }
}
