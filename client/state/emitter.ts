/**
 * Named events with typed payloads: the explorer's actions tell the panels what happened (a
 * message, the details to show, the canvas changed) without knowing the panels. No DOM here.
 */
type Payload<T> = T extends void ? [] : [T];
type Listener<T> = (...value: Payload<T>) => void;

export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<unknown>>();

  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, set);
    set.add(listener);
    return () => void set.delete(listener);
  }

  emit<K extends keyof Events>(name: K, ...value: Payload<Events[K]>): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as Listener<Events[K]>)(...value);
  }
}
