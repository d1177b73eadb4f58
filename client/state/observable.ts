/**
 * A small observable value: the explorer's state modules (interaction, appearance, filters) hold
 * plain, serialisable values and tell subscribers when they change. No DOM here.
 */
type Listener<T> = (state: T) => void;

export class Observable<T extends object> {
  private readonly listeners = new Set<Listener<T>>();

  constructor(private state: T) {}

  get current(): T {
    return this.state;
  }

  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Like subscribe, but only for changes of these keys (hover changes many times a second). */
  subscribeTo(keys: ReadonlyArray<keyof T>, listener: Listener<T>): () => void {
    let previous = this.state;
    return this.subscribe((state) => {
      const changed = keys.some((key) => !Object.is(state[key], previous[key]));
      previous = state;
      if (changed) listener(state);
    });
  }

  /** Applies a change; subscribers hear of it only when some value is different. */
  set(change: Partial<T>): void {
    const next = { ...this.state, ...change };
    if ((Object.keys(change) as Array<keyof T>).every((key) => Object.is(next[key], this.state[key]))) return;
    this.state = next;
    for (const listener of this.listeners) listener(this.state);
  }
}
