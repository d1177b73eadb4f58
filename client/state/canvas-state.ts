/**
 * What the explorer knows about the canvas beyond the graph itself, for links and the selection
 * bar: the nodes the user dismissed, the query whose result is on the canvas, the path shown, and
 * the neighbour counts of nodes whose details were loaded. No DOM here.
 */

export interface CanvasQuery {
  query: string;
  params: Record<string, unknown>;
  /** Whether its result replaced the canvas (a link then opens the result alone, not the overview too). */
  mode: 'add' | 'replace';
}

export interface PathEnds {
  from: string;
  to: string;
  /** The relationship types it was asked to follow. */
  types: string[];
  /** Every shortest path was asked for, not one. */
  all?: true;
}

export class CanvasState {
  /** Nodes the user dismissed (kept for links: a replayed view dismisses them again). */
  readonly dismissed = new Set<string>();
  /** The query whose result is on the canvas, for links. */
  query: CanvasQuery | null = null;
  /** The ends of the path shown, for links. */
  pathEnds: PathEnds | null = null;
  /**
   * Distinct neighbours by relationship type ('' = all) of nodes whose details were loaded. Facts
   * of the database, not of the canvas: they outlive a new canvas.
   */
  readonly neighbourCounts = new Map<string, Map<string, number>>();

  /** A new canvas: nothing dismissed, no query, no path. */
  reset(): void {
    this.dismissed.clear();
    this.query = null;
    this.pathEnds = null;
  }

  /** Nodes that are back on the canvas (undo, an expansion) are no longer dismissed. */
  forgetDismissed(isPresent: (id: string) => boolean): void {
    for (const id of [...this.dismissed]) if (isPresent(id)) this.dismissed.delete(id);
  }
}
