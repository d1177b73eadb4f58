/** terminalSafe: article text printed by the CLI cannot drive the terminal. */
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../server/cli/commands/query.js';
import { terminalSafe } from '../../server/cli/terminal-text.js';

const ESC = '\u001b';

describe('terminalSafe', () => {
  it('removes escape sequences (CSI, OSC, C1 CSI) and keeps the text', () => {
    expect(terminalSafe(`${ESC}[2J${ESC}]0;pwned\u0007${ESC}[31mRed${ESC}[0m \u009b31mTitle`)).toBe('Red Title');
  });

  it('shows other control characters as visible escapes', () => {
    expect(terminalSafe('a\u0000b\u0007c\nd\te\u007ff\u0085g')).toBe('a\\x00b\\x07c\\x0ad\\x09e\\x7ff\\x85g');
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(terminalSafe("Zoë O'Brien — Тбилиси 🕊️")).toBe("Zoë O'Brien — Тбилиси 🕊️");
  });

  it('is used for the cells of the query table', () => {
    const table = formatTable({
      columns: ['title'],
      rows: [{ title: `${ESC}[31mRed${ESC}[0m` }],
      graph: { nodes: [], edges: [] },
      truncated: false,
      elapsedMs: 1,
    });
    expect(table).not.toContain(ESC);
    expect(table).toContain('Red');
  });
});
