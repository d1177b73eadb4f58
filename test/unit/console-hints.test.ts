/** The console's hints about queries that run but likely not as meant. */
import { describe, expect, it } from 'vitest';
import { callArguments, queryHints } from '../../client/ui/console/query-hints.js';

describe('query hints', () => {
  it('warns that substring counts from 1 on Kuzu/LadybugDB when a query starts at 0', () => {
    const [hint] = queryHints('MATCH (s:Statement) RETURN substring(s.text, 0, 60) AS start', 'kuzu');
    expect(hint).toContain('substring(s, 1, n)');
    expect(queryHints('RETURN SUBSTRING ( lower(s.text) , 0 , 60)', 'kuzu')).toHaveLength(1);
  });

  it('says nothing when the start is 1 or an expression, or on Neo4j (which counts from 0)', () => {
    expect(queryHints('RETURN substring(s.text, 1, 60)', 'kuzu')).toEqual([]);
    expect(queryHints('RETURN substring(s.text, size(x) - 10, 5)', 'kuzu')).toEqual([]);
    expect(queryHints('RETURN substring(s.text, 0, 60)', 'neo4j')).toEqual([]);
    expect(queryHints("RETURN 'substring(s, 0, 1)' AS text", 'kuzu')).toEqual([]);
  });

  it('splits a call into its top-level arguments, past nested calls and quoted commas', () => {
    const query = "f(g(a, b), 'x, y', [1, 2])";
    expect(callArguments(query, 1)).toEqual(['g(a, b)', "'x, y'", '[1, 2]']);
    expect(callArguments('f(a, b', 1)).toBeNull();
  });
});
