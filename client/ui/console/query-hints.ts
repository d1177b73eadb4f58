/**
 * Hints about a query that runs without error but likely not as meant. Kuzu's (and LadybugDB's)
 * `substring(s, start, length)` counts from 1 and returns "" for a start of 0, where Neo4j's counts
 * from 0: a query written the Neo4j way silently shows empty text.
 */
import type { Dialect } from './starters.js';

/** The top-level arguments of the call whose "(" is at `open`, or null when it is not closed. */
export function callArguments(query: string, open: number): string[] | null {
  const args: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = open + 1;
  for (let i = open + 1; i < query.length; i += 1) {
    const char = query[i];
    if (quote) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = null;
    } else if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth += 1;
    else if ((char === ')' || char === ']' || char === '}') && depth > 0) depth -= 1;
    else if (char === ',' && depth === 0) {
      args.push(query.slice(start, i).trim());
      start = i + 1;
    } else if (char === ')') {
      args.push(query.slice(start, i).trim());
      return args;
    }
  }
  return null;
}

/** The query with the insides of its quoted text and comments blanked out, same length. */
export function codeOnly(query: string): string {
  return query.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (text) =>
    text.startsWith('/') ? ' '.repeat(text.length) : `${text[0]}${' '.repeat(text.length - 2)}${text[0]}`,
  );
}

/** What to tell the user about this query on this dialect (empty when nothing). */
export function queryHints(query: string, dialect: Dialect | null): string[] {
  if (dialect !== 'kuzu') return [];
  const code = codeOnly(query);
  for (const match of code.matchAll(/\bsubstring\s*\(/gi)) {
    const args = callArguments(code, match.index + match[0].length - 1);
    if (args && args.length >= 2 && args[1] === '0') {
      return [
        'Hint: substring counts from 1 here (Kuzu/LadybugDB): substring(s, 0, n) returns "". ' +
          'Write substring(s, 1, n) for the first n characters.',
      ];
    }
  }
  return [];
}
