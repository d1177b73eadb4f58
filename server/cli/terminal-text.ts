/**
 * Text from articles (titles, names, file names) made safe to print on a terminal. A title can
 * hold escape sequences that clear the screen, set the window title or recolour what follows;
 * printed raw, a file would be driving the user's terminal. Escape sequences are removed, and any
 * other control character (C0, DEL, C1; line breaks and tabs too, since each item is one line) is
 * shown as a visible \xNN escape.
 */
import { stripVTControlCharacters } from 'node:util';

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}

export function terminalSafe(text: string): string {
  let out = '';
  for (const char of stripVTControlCharacters(text)) {
    const code = char.codePointAt(0)!;
    out += isControl(code) ? `\\x${code.toString(16).padStart(2, '0')}` : char;
  }
  return out;
}
