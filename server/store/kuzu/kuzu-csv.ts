/**
 * CSV files for LadybugDB's bulk path (`COPY table FROM 'file.csv'`), and what the engine's CSV
 * reader can and cannot carry, measured on 0.19.1:
 * - strings: quoted, with `"` doubled, read back exactly (commas, quotes, backslashes, newlines,
 *   non-Latin text) with the options in COPY_CSV_OPTIONS: `escape='"'` (the default escape is a
 *   backslash, which turns `""` into an error) and `parallel=false` (the parallel reader splits
 *   records at a newline inside quotes);
 * - lists: `[a,b]` is parsed by the engine's own rules: quotes stay part of an element, spaces
 *   around one are trimmed. So a list goes into the file only when every element is "plain"
 *   (see isPlainListElement); otherwise the file holds `[]` and the writer sets the list afterwards
 *   through a query parameter, which round-trips anything.
 * - an empty field is NULL, for strings and numbers alike.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export const COPY_CSV_OPTIONS = `(header=true, parallel=false, escape='"')`;

/** A list element the engine's list parser reads back unchanged. */
export function isPlainListElement(value: string): boolean {
  return /^[\p{L}\p{N}](?:[\p{L}\p{N} .'’-]*[\p{L}\p{N}.'’])?$/u.test(value) && !/^null$/i.test(value);
}

export function isPlainList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && isPlainListElement(item));
}

/** One CSV field. Strings are always quoted, so an empty string stays a string, not a NULL. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    // Callers put only plain lists here (isPlainList); anything else goes in as an empty list.
    return isPlainList(value) ? `"[${(value as string[]).join(',')}]"` : '"[]"';
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `"${String(value).replaceAll('"', '""')}"`;
}

/** Lines per write to the file: the whole table as one string took hundreds of MB in a large write. */
const LINES_PER_WRITE = 1000;

/** A CSV file written a few rows at a time (a large write's new rows, part after part). */
export class CsvAppender {
  private readonly file: number;
  private lines: string[] = [];
  /** Rows added so far. */
  rows = 0;
  private closed = false;

  constructor(
    readonly path: string,
    header: string[],
  ) {
    this.file = openSync(path, 'w');
    this.lines.push(header.join(','));
  }

  add(row: unknown[]): void {
    this.lines.push(row.map(csvField).join(','));
    this.rows += 1;
    if (this.lines.length >= LINES_PER_WRITE) this.flush();
  }

  /** Writes what is left and closes the file; again, does nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flush();
    } finally {
      closeSync(this.file);
    }
  }

  private flush(): void {
    if (this.lines.length > 0) writeSync(this.file, this.lines.join('\n') + '\n');
    this.lines = [];
  }
}

/** Writes rows (arrays of values in column order, or made one at a time) under a header line. */
export function writeCsv(path: string, header: string[], rows: Iterable<unknown[]>): void {
  const file = new CsvAppender(path, header);
  try {
    for (const row of rows) file.add(row);
  } finally {
    file.close();
  }
}
