/** RFC 4180 fields: quoted when they hold a comma, quote or line break; quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** What a spreadsheet reads as the start of a formula (=, +, -, @) or may strip to reach one (tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet must show, not run: a string starting like a formula gets a leading single
 * quote (OWASP's advice on CSV injection), so `=HYPERLINK(…)` from an article stays text. Numbers
 * are left as they are (a negative confidence stays a number). Only for files meant for
 * spreadsheets: the neo4j-admin CSV must give the data back exactly and uses csvLine.
 */
export function spreadsheetCell(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A CSV line for a spreadsheet: every cell neutralised (spreadsheetCell), then quoted as RFC 4180. */
export function spreadsheetCsvLine(values: unknown[]): string {
  return csvLine(values.map(spreadsheetCell));
}
