/**
 * Timeline playback: whether the time window is stepping through time. A plain value; the
 * stepping itself is explore/timeline-playback.ts, the button ui/timeline-panel.ts.
 */
import { Observable } from './observable.js';

export interface PlaybackState {
  playing: boolean;
}

export class Playback extends Observable<PlaybackState> {
  constructor() {
    super({ playing: false });
  }

  play(): void {
    this.set({ playing: true });
  }

  pause(): void {
    this.set({ playing: false });
  }

  toggle(): void {
    this.set({ playing: !this.current.playing });
  }
}
