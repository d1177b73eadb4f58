/**
 * Interaction state, apart from the graph data: the selected node, the hovered node and the
 * hovered edge. No DOM here; the renderer and the panels subscribe.
 */
export interface InteractionState {
  selected: string | null;
  hovered: string | null;
  hoveredEdge: string | null;
}

type Listener = (state: InteractionState) => void;

export class Interaction {
  private state: InteractionState = { selected: null, hovered: null, hoveredEdge: null };
  private readonly listeners = new Set<Listener>();

  get current(): InteractionState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  select(id: string | null): void {
    this.update({ selected: id });
  }

  hover(id: string | null): void {
    this.update({ hovered: id });
  }

  hoverEdge(id: string | null): void {
    this.update({ hoveredEdge: id });
  }

  /** The node whose neighbourhood is highlighted: the hovered one, else the selected one. */
  get focus(): string | null {
    return this.state.hovered ?? this.state.selected;
  }

  private update(change: Partial<InteractionState>): void {
    const next = { ...this.state, ...change };
    if (
      next.selected === this.state.selected &&
      next.hovered === this.state.hovered &&
      next.hoveredEdge === this.state.hoveredEdge
    )
      return;
    this.state = next;
    for (const listener of this.listeners) listener(this.state);
  }
}
