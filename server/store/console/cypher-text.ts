/**
 * A tiny lexer for user Cypher: enough to see statement separators, keywords and `$parameters`
 * outside string literals, backtick identifiers and comments. It does not parse Cypher.
 */

export interface CypherToken {
  kind: 'word' | 'param' | 'punct';
  text: string;
  /** The character before the token, ignoring spaces ('.' marks a property access). */
  previous: string;
}

export function tokenize(query: string): CypherToken[] {
  const tokens: CypherToken[] = [];
  let previous = '';
  let i = 0;
  while (i < query.length) {
    const ch = query[i];
    const next = query[i + 1];
    if (ch === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n') i += 1;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end === -1 ? query.length : end + 2;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      i = skipQuoted(query, i, ch);
      previous = ch;
      continue;
    }
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '$') {
      const match = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(query.slice(i));
      if (match) {
        tokens.push({ kind: 'param', text: match[1], previous });
        i += match[0].length;
        previous = 'p';
        continue;
      }
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(query.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], previous });
      i += word[0].length;
      previous = 'w';
      continue;
    }
    tokens.push({ kind: 'punct', text: ch, previous });
    previous = ch;
    i += 1;
  }
  return tokens;
}

function skipQuoted(query: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < query.length) {
    if (query[i] === '\\' && quote !== '`') {
      i += 2;
      continue;
    }
    if (query[i] === quote) {
      if (query[i + 1] === quote) {
        i += 2; // doubled quote inside the literal
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return query.length;
}

/** Number of statements: `;` separates them, a trailing `;` is allowed. */
export function countStatements(query: string): number {
  const tokens = tokenize(query);
  let count = 0;
  let inStatement = false;
  for (const token of tokens) {
    if (token.kind === 'punct' && token.text === ';') {
      if (inStatement) count += 1;
      inStatement = false;
    } else {
      inStatement = true;
    }
  }
  return count + (inStatement ? 1 : 0);
}

export function parameterNames(query: string): string[] {
  return [
    ...new Set(
      tokenize(query)
        .filter((t) => t.kind === 'param')
        .map((t) => t.text),
    ),
  ];
}

/** Keywords (not property names such as `n.set`) present in the query, upper-cased. */
export function keywords(query: string): string[] {
  return tokenize(query)
    .filter((t) => t.kind === 'word' && t.previous !== '.' && t.previous !== ':')
    .map((t) => t.text.toUpperCase());
}
