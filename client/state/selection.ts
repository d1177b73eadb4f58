/**
 * Interaction state, apart from the graph data: the selected nodes (the first one's details are
 * shown), the hovered node and edge, and a highlighted path. No DOM here; the renderer and the
 * panels subscribe.
 */
import { Observable } from './observable.js';

export interface HighlightedPath {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

export interface InteractionState {
  /** The node whose details are shown (also the first of `selection`). */
  selected: string | null;
  /** All selected nodes (shift-click, lasso). */
  selection: readonly string[];
  hovered: string | null;
  hoveredEdge: string | null;
  /** The relationship whose evidence the panel shows. */
  selectedEdge: string | null;
  path: HighlightedPath | null;
}

export class Interaction extends Observable<InteractionState> {
  constructor() {
    super({ selected: null, selection: [], hovered: null, hoveredEdge: null, selectedEdge: null, path: null });
  }

  select(id: string | null): void {
    this.set({ selected: id, selection: id ? [id] : [], selectedEdge: null });
  }

  selectEdge(id: string | null): void {
    this.set({ selectedEdge: id, selected: null, selection: [] });
  }

  /** Shift-click: adds the node to the selection, or takes it out when it is in. */
  toggleInSelection(id: string): void {
    const selection = this.current.selection.includes(id)
      ? this.current.selection.filter((x) => x !== id)
      : [...this.current.selection, id];
    this.set({ selection, selected: selection[0] ?? null });
  }

  selectMany(ids: readonly string[], add: boolean): void {
    const selection = add ? [...new Set([...this.current.selection, ...ids])] : [...ids];
    this.set({ selection, selected: selection[0] ?? null });
  }

  isSelected(id: string): boolean {
    return this.current.selection.includes(id);
  }

  hover(id: string | null): void {
    this.set({ hovered: id });
  }

  hoverEdge(id: string | null): void {
    this.set({ hoveredEdge: id });
  }

  showPath(path: HighlightedPath | null): void {
    this.set({ path });
  }

  /** The node whose neighbourhood is highlighted: the hovered one, else the selected one. */
  get focus(): string | null {
    return this.current.hovered ?? this.current.selected;
  }
}
