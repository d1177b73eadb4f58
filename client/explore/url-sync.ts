/**
 * The view in the address bar: after a change, the current view is captured and written as the
 * page's hash, once the changes stop for a moment (a layout or an expansion changes much in a
 * burst). While a view is being opened the address is left alone: it is the view being opened.
 */
import { encodeView } from '../state/view-state.js';
import { captureView, type ViewSources } from './view-link.js';

export class UrlSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private paused = false;

  /** `write` puts the hash in the address (history.replaceState in the page). */
  constructor(
    private readonly sources: ViewSources,
    private readonly write: (hash: string) => void,
    private readonly delayMs = 400,
  ) {}

  /** The current view as a hash (without '#'), for links and saved views. */
  currentHash(): string {
    return encodeView(captureView(this.sources));
  }

  /** Writes the view soon (debounced); nothing while paused. */
  schedule(): void {
    if (this.paused) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.write(this.currentHash()), this.delayMs);
  }

  /** While a view opens: its own steps do not rewrite the address. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }
}
