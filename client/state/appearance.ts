/**
 * Appearance state, apart from the data: which node labels are hidden from the canvas (the
 * legend toggles them). Plain, serialisable values; no DOM here.
 */
export interface AppearanceState {
  hiddenLabels: ReadonlySet<string>;
}

type Listener = (state: AppearanceState) => void;

export class Appearance {
  private state: AppearanceState = { hiddenLabels: new Set() };
  private readonly listeners = new Set<Listener>();

  get current(): AppearanceState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isHidden(label: string): boolean {
    return this.state.hiddenLabels.has(label);
  }

  toggleLabel(label: string): void {
    const hidden = new Set(this.state.hiddenLabels);
    if (hidden.has(label)) hidden.delete(label);
    else hidden.add(label);
    this.state = { hiddenLabels: hidden };
    for (const listener of this.listeners) listener(this.state);
  }
}
