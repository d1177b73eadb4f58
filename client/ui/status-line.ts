/**
 * The status line over the canvas: what the explorer is doing or what went wrong, and short
 * confirmations ("Link copied") that go away by themselves so they do not stay for minutes.
 */

/** How long a confirmation stays. */
export const CONFIRMATION_MS = 2000;

export interface StatusLine {
  say(message: string, isError?: boolean): void;
  /** Says `message`, then clears it after `ms` unless something else was said meanwhile. */
  confirm(message: string, ms?: number): void;
}

export function bindStatusLine(element: HTMLElement): StatusLine {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const say = (message: string, isError = false) => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    element.textContent = message;
    element.classList.toggle('error', isError);
  };
  return {
    say,
    confirm(message, ms = CONFIRMATION_MS) {
      say(message);
      timer = setTimeout(() => {
        if (element.textContent === message) say('');
      }, ms);
    },
  };
}
