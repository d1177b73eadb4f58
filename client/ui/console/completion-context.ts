/**
 * What to complete at the cursor in a Cypher query: a node label after `:` inside `( )`, a
 * relationship type after `:` or `|` inside `[ ]`, a property key after `variable.`, otherwise a
 * keyword. Pure text logic (no CodeMirror), so it can be unit tested.
 */

export type CompletionKind = 'label' | 'relType' | 'property' | 'keyword';

export interface CompletionContext {
  kind: CompletionKind;
  /** Offset in the text where the word being completed starts. */
  from: number;
  /** The part of the word already typed. */
  prefix: string;
  /** For 'property': the variable before the dot. */
  variable?: string;
}

/**
 * The brackets still open at the end of `text`, innermost last; null when the end of `text` is
 * inside a string or a comment (nothing to complete there).
 */
export function openBrackets(text: string): string[] | null {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      if (end === -1) return null;
      i = end;
    } else if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
    else if (ch in pairs) {
      if (stack[stack.length - 1] === pairs[ch]) stack.pop();
    }
  }
  return quote ? null : stack;
}

/** The completion context at the end of `before` (the query text up to the cursor). */
export function detectContext(before: string): CompletionContext | null {
  const word = /[A-Za-z_][\w]*$/.exec(before)?.[0] ?? '';
  const from = before.length - word.length;
  const head = before.slice(0, from);
  const brackets = openBrackets(head);
  if (brackets === null) return null;
  if (/\$$/.test(head)) return null; // a parameter name: nothing known to offer
  const inner = brackets[brackets.length - 1];

  const property = /([A-Za-z_]\w*)\s*\.$/.exec(head);
  if (property) return { kind: 'property', from, prefix: word, variable: property[1] };

  // `:` right after a variable (or the bracket), not a map's `key:` (inside `{ }`).
  if (/:\s*$/.test(head) && !/::\s*$/.test(head)) {
    if (inner === '(') return { kind: 'label', from, prefix: word };
    if (inner === '[') return { kind: 'relType', from, prefix: word };
    return null;
  }
  if (inner === '[' && /\|\s*:?\s*$/.test(head) && /:[^[\]]*$/.test(head)) {
    return { kind: 'relType', from, prefix: word };
  }
  if (word === '') return null;
  if (/[\w.]$/.test(head)) return null;
  if (/[([]\s*$/.test(head)) return null; // a variable being named
  return { kind: 'keyword', from, prefix: word };
}

/**
 * What the query binds its variables to: `(a:Actor)` gives a → Actor, `[r:SAID]` gives r → SAID.
 * Used to offer a variable's own property keys first.
 */
export function variableTypes(query: string): Map<string, string> {
  const bound = new Map<string, string>();
  for (const match of query.matchAll(/[([]\s*([A-Za-z_]\w*)\s*:\s*`?([A-Za-z_]\w*)/g)) {
    if (!bound.has(match[1])) bound.set(match[1], match[2]);
  }
  return bound;
}

/** The variables a query names: in node and relationship patterns and after AS / WITH / UNWIND … AS. */
export function boundVariables(query: string): string[] {
  const names = new Set<string>();
  for (const match of query.matchAll(/[([]\s*([A-Za-z_]\w*)\s*[:)\]{]/g)) names.add(match[1]);
  for (const match of query.matchAll(/\bAS\s+([A-Za-z_]\w*)/gi)) names.add(match[1]);
  return [...names];
}

export const CYPHER_KEYWORDS = [
  'MATCH',
  'OPTIONAL MATCH',
  'WHERE',
  'RETURN',
  'WITH',
  'UNWIND',
  'ORDER BY',
  'SKIP',
  'LIMIT',
  'DISTINCT',
  'AS',
  'AND',
  'OR',
  'NOT',
  'XOR',
  'IN',
  'IS NULL',
  'IS NOT NULL',
  'STARTS WITH',
  'ENDS WITH',
  'CONTAINS',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'ASC',
  'DESC',
  'UNION',
  'UNION ALL',
  'EXISTS',
  'CALL',
  'YIELD',
  'count',
  'collect',
  'sum',
  'avg',
  'min',
  'max',
  'size',
  'coalesce',
  'toLower',
  'toUpper',
  'id',
  'nodes',
  'relationships',
  'length',
  'true',
  'false',
  'null',
];
