/**
 * The timeline panel: the statements and relations on the canvas over time as a histogram that is
 * also the time filter. Drag across the bars to choose a range (a click chooses one bar); the two
 * handles move its ends with the keyboard (arrows, Page keys, Home, End); the date fields set it
 * exactly; Play steps the window through time. It reads and writes the filter state only: the
 * canvas follows the filter, as it does for every other filter.
 */
import { binAt, binFacts, binsOf, brushRange, datedFacts, type Histogram } from '../graph/timeline.js';
import type { ExplorerGraph } from '../graph/dataset.js';
import type { Filters } from '../state/filters.js';
import type { Playback } from '../state/playback.js';
import { clear, el } from './dom.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class TimelinePanel {
  private bins: Histogram | null = null;
  /** A drag in progress: the bin it started on and the one under the pointer. */
  private drag: { start: number; end: number } | null = null;
  private strip: HTMLElement | null = null;
  private handles: HTMLElement[] = [];
  private fields: HTMLInputElement[] = [];
  private readout: HTMLElement | null = null;
  private playButton: HTMLButtonElement | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly graph: ExplorerGraph,
    private readonly filters: Filters,
    private readonly playback: Playback,
  ) {
    filters.subscribeTo(['dateFrom', 'dateTo'], () => this.showRange());
    playback.subscribe(() => this.showPlayback());
  }

  get histogram(): Histogram | null {
    return this.bins;
  }

  /** Draws the panel again from the canvas (call after nodes or edges came or went). */
  render(): void {
    const focused = document.activeElement?.id;
    this.bins = binFacts(datedFacts(this.graph));
    clear(this.container);
    this.container.append(el('h2', { id: 'timeline-title' }, 'Timeline'));
    if (!this.bins) {
      this.container.append(el('p', { class: 'meta' }, 'No dated statements or relations on the canvas.'));
      this.strip = null;
      return;
    }
    this.readout = el('output', { id: 'timeline-readout', 'aria-live': 'polite' });
    this.strip = this.histogramView(this.bins);
    this.handles = [this.handle('start', 'Start of the time window'), this.handle('end', 'End of the time window')];
    this.strip.append(...this.handles);
    this.playButton = el('button', { type: 'button', id: 'timeline-play', 'aria-pressed': 'false' }, 'Play');
    this.playButton.addEventListener('click', () => this.playback.toggle());
    const all = el('button', { type: 'button', id: 'timeline-all' }, 'All dates');
    all.addEventListener('click', () => {
      this.playback.pause();
      this.filters.set({ dateFrom: null, dateTo: null });
    });
    this.fields = [this.dateField('date-from', 'dateFrom'), this.dateField('date-to', 'dateTo')];
    const [from, to] = this.fields;
    this.container.append(
      this.readout,
      this.strip,
      el('p', { class: 'timeline-legend meta' }, swatch('statements'), 'statements ', swatch('relations'), 'relations'),
      el(
        'div',
        { class: 'timeline-dates' },
        el('label', { for: 'date-from' }, 'From'),
        from,
        el('label', { for: 'date-to' }, 'To'),
        to,
      ),
      el('div', { class: 'timeline-actions' }, this.playButton, all),
    );
    this.showRange();
    this.showPlayback();
    if (focused) document.getElementById(focused)?.focus();
  }

  private histogramView(histogram: Histogram): HTMLElement {
    const highest = Math.max(1, ...histogram.bins.map((bin) => bin.statements + bin.relations));
    const bars = histogram.bins.map((bin, index) => {
      const bar = el(
        'div',
        {
          class: 'timeline-bar',
          'data-bin': String(index),
          title: `${bin.from === bin.to ? bin.from : `${bin.from} – ${bin.to}`}: ${bin.statements} statement(s), ${bin.relations} relation(s)`,
        },
        el('span', { class: 'timeline-relations' }),
        el('span', { class: 'timeline-statements' }),
      );
      (bar.children[0] as HTMLElement).style.height = `${(100 * bin.relations) / highest}%`;
      (bar.children[1] as HTMLElement).style.height = `${(100 * bin.statements) / highest}%`;
      return bar;
    });
    const strip = el(
      'div',
      { class: 'timeline-strip', 'data-testid': 'timeline-strip' },
      el('div', { class: 'timeline-bars', 'aria-hidden': 'true' }, ...bars),
      el('div', { class: 'timeline-window', 'aria-hidden': 'true' }),
    );
    strip.addEventListener('pointerdown', (event) => this.brushStart(event));
    strip.addEventListener('pointermove', (event) => this.brushMove(event));
    strip.addEventListener('pointerup', (event) => this.brushEnd(event));
    strip.addEventListener('pointercancel', () => {
      this.drag = null;
      this.showRange();
    });
    return strip;
  }

  private binUnder(event: PointerEvent): number {
    const box = this.strip!.getBoundingClientRect();
    return binAt(this.bins!, event.clientX - box.left, box.width);
  }

  private brushStart(event: PointerEvent): void {
    if (!this.bins || event.button !== 0 || (event.target as HTMLElement).closest('[role="slider"]')) return;
    event.preventDefault();
    this.playback.pause();
    this.strip!.setPointerCapture(event.pointerId);
    const bin = this.binUnder(event);
    this.drag = { start: bin, end: bin };
    this.drawWindow(bin, bin);
  }

  private brushMove(event: PointerEvent): void {
    if (!this.drag) return;
    this.drag.end = this.binUnder(event);
    this.drawWindow(Math.min(this.drag.start, this.drag.end), Math.max(this.drag.start, this.drag.end));
  }

  private brushEnd(event: PointerEvent): void {
    if (!this.drag || !this.bins) return;
    this.drag.end = this.binUnder(event);
    const { start, end } = this.drag;
    this.drag = null;
    this.filters.set(brushRange(this.bins, start, end));
    this.showRange();
  }

  /** One end of the window, moved with the keyboard a bar at a time (Page keys: five). */
  private handle(end: 'start' | 'end', label: string): HTMLElement {
    const handle = el('div', {
      class: `timeline-handle timeline-handle-${end}`,
      id: `timeline-${end}`,
      role: 'slider',
      tabindex: '0',
      'aria-label': label,
      'aria-valuemin': '0',
      'aria-orientation': 'horizontal',
    });
    handle.addEventListener('keydown', (event) => {
      if (!this.bins) return;
      const last = this.bins.bins.length - 1;
      const [first, final] = binsOf(this.bins, this.filters.current);
      const at = end === 'start' ? first : final;
      const moves: Record<string, number> = {
        ArrowLeft: at - 1,
        ArrowDown: at - 1,
        ArrowRight: at + 1,
        ArrowUp: at + 1,
        PageDown: at - 5,
        PageUp: at + 5,
        Home: 0,
        End: last,
      };
      if (!(event.key in moves)) return;
      event.preventDefault();
      this.playback.pause();
      const to = Math.max(0, Math.min(last, moves[event.key]));
      // The ends do not cross: the one moved pushes the other.
      const range =
        end === 'start'
          ? brushRange(this.bins, to, Math.max(to, final))
          : brushRange(this.bins, Math.min(first, to), to);
      this.filters.set(range);
    });
    return handle;
  }

  private dateField(id: string, key: 'dateFrom' | 'dateTo'): HTMLInputElement {
    const input = el('input', { id, type: 'date' });
    const first = this.bins!.bins[0].from;
    const last = this.bins!.bins[this.bins!.bins.length - 1].to;
    input.min = first;
    input.max = last;
    input.addEventListener('change', () => {
      const value = input.value;
      if (value !== '' && !ISO_DATE.test(value)) return;
      this.playback.pause();
      // A bound at or past the canvas' first or last date is no bound.
      const unbounded = value === '' || (key === 'dateFrom' ? value <= first : value >= last);
      this.filters.set({ [key]: unbounded ? null : value });
    });
    return input;
  }

  /** The chosen range on the bars, the handles, the date fields and the readout. */
  private showRange(): void {
    if (!this.bins || !this.strip || this.drag) return;
    const [first, last] = binsOf(this.bins, this.filters.current);
    this.drawWindow(first, last);
    const { dateFrom, dateTo } = this.filters.current;
    const begin = this.bins.bins[0].from;
    const end = this.bins.bins[this.bins.bins.length - 1].to;
    this.readout!.textContent =
      dateFrom === null && dateTo === null ? `All dates: ${begin} – ${end}` : `${dateFrom ?? begin} – ${dateTo ?? end}`;
    this.fields[0].value = dateFrom ?? begin;
    this.fields[1].value = dateTo ?? end;
    const max = String(this.bins.bins.length - 1);
    this.handles.forEach((handle, index) => {
      const bin = this.bins!.bins[index === 0 ? first : last];
      handle.setAttribute('aria-valuemax', max);
      handle.setAttribute('aria-valuenow', String(index === 0 ? first : last));
      handle.setAttribute('aria-valuetext', index === 0 ? (dateFrom ?? bin.from) : (dateTo ?? bin.to));
    });
  }

  private drawWindow(first: number, last: number): void {
    if (!this.bins || !this.strip) return;
    const count = this.bins.bins.length;
    const window = this.strip.querySelector<HTMLElement>('.timeline-window')!;
    window.style.left = `${(100 * first) / count}%`;
    window.style.width = `${(100 * (last - first + 1)) / count}%`;
    this.handles[0].style.left = `${(100 * first) / count}%`;
    this.handles[1].style.left = `${(100 * (last + 1)) / count}%`;
    this.strip.querySelectorAll<HTMLElement>('.timeline-bar').forEach((bar, index) => {
      bar.classList.toggle('outside', index < first || index > last);
    });
  }

  private showPlayback(): void {
    if (!this.playButton) return;
    const playing = this.playback.current.playing;
    this.playButton.textContent = playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(playing));
  }
}

function swatch(kind: 'statements' | 'relations'): HTMLElement {
  return el('span', { class: `timeline-swatch timeline-${kind}`, 'aria-hidden': 'true' });
}
