/**
 * Interaction state, apart from the graph data: the selected node, the hovered node and the
 * search highlight. No DOM here; the renderer and the panels subscribe.
 */
export interface InteractionState {
  selected: string | null;
  hovered: string | null;
}

type Listener = (state: InteractionState) => void;

export class Interaction {
  private state: InteractionState = { selected: null, hovered: null };
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

  private update(change: Partial<InteractionState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}
