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

/**
 * Keywords present in the query, upper-cased. Not keywords: property names (`n.set`), labels and
 * types (`:Use`), aliases (`AS use`) and map keys (`{use: 1}`), which share a keyword's spelling.
 */
export function keywords(query: string): string[] {
  const tokens = tokenize(query);
  return tokens
    .filter((token, index) => {
      if (token.kind !== 'word' || token.previous === '.' || token.previous === ':') return false;
      const before = tokens[index - 1];
      const after = tokens[index + 1];
      const isAlias = before?.kind === 'word' && before.text.toUpperCase() === 'AS';
      const isMapKey =
        after?.kind === 'punct' && after.text === ':' && before?.kind === 'punct' && /[{,]/.test(before.text);
      return !isAlias && !isMapKey;
    })
    .map((t) => t.text.toUpperCase());
}

/**
 * The query's first clause keyword, upper-cased, after the prefixes EXPLAIN, PROFILE and CYPHER
 * (with its `option=value` settings): `SHOW` in `CYPHER 5 SHOW TRANSACTIONS`.
 */
export function firstClauseKeyword(query: string): string | undefined {
  const tokens = tokenize(query);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token.kind !== 'word') continue;
    const word = token.text.toUpperCase();
    if (word === 'EXPLAIN' || word === 'PROFILE' || word === 'CYPHER') continue;
    if (tokens[i + 1]?.text === '=' || tokens[i - 1]?.text === '=') continue;
    return word;
  }
  return undefined;
}

/** How deeply brackets nest: `RETURN ((1))` is 2. Planning a very deep expression takes minutes. */
export function nestingDepth(query: string): number {
  let depth = 0;
  let deepest = 0;
  for (const token of tokenize(query)) {
    if (token.kind !== 'punct') continue;
    if (token.text === '(' || token.text === '[' || token.text === '{') deepest = Math.max(deepest, ++depth);
    else if (token.text === ')' || token.text === ']' || token.text === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** The procedures a query CALLs, as written (`db.labels`); `CALL { … }` subqueries are not procedures. */
export function calledProcedures(query: string): string[] {
  const tokens = tokenize(query);
  const names: string[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || token.text.toUpperCase() !== 'CALL' || token.previous === '.') return;
    const parts: string[] = [];
    let i = index + 1;
    while (tokens[i]?.kind === 'word') {
      parts.push(tokens[i].text);
      if (tokens[i + 1]?.text !== '.') break;
      i += 2;
    }
    if (parts.length > 0) names.push(parts.join('.'));
  });
  return names;
}
