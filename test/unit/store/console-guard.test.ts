/** The console's first guard: what it refuses and what it must let through. */
import { describe, expect, it } from 'vitest';
import { countStatements, parameterNames } from '../../../server/store/console/cypher-text.js';
import { MAX_NESTING_DEPTH, checkConsoleQuery } from '../../../server/store/console/read-only-guard.js';
import { assertPlanIsReadOnly, planOperators } from '../../../server/store/kuzu/kuzu-plan-check.js';

describe('console guard', () => {
  it('lets reads through, even when strings and property names look like keywords', () => {
    expect(() =>
      checkConsoleQuery("MATCH (n:Actor) WHERE n.name = 'SET; DELETE' RETURN n.set, n.create", {}),
    ).not.toThrow();
    expect(() => checkConsoleQuery('MATCH (n) // CREATE in a comment\nRETURN n /* DELETE */', {})).not.toThrow();
    expect(() => checkConsoleQuery('MATCH (n) RETURN n;', {})).not.toThrow();
  });

  it('lets aliases and map keys through that are spelled like keywords (AS use, {set: 1})', () => {
    expect(() => checkConsoleQuery('MATCH (d:Document) RETURN d.title AS use', {})).not.toThrow();
    expect(() => checkConsoleQuery('RETURN {set: 1, use: 2} AS merge', {})).not.toThrow();
    expect(() => checkConsoleQuery('USE other MATCH (n) RETURN n', {})).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('refuses brackets nested deeper than any real query, before a planner sees them', () => {
    const deep = `RETURN ${'('.repeat(300)}1${')'.repeat(300)}`;
    expect(() => checkConsoleQuery(deep, {})).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(/300 levels/) }),
    );
    const usual = `RETURN ${'('.repeat(MAX_NESTING_DEPTH)}1${')'.repeat(MAX_NESTING_DEPTH)}`;
    expect(() => checkConsoleQuery(usual, {})).not.toThrow();
  });

  it('refuses writes, file access and transaction control with a 403', () => {
    for (const query of [
      "CREATE (:Actor {id: 'x'})",
      'MATCH (n) DETACH DELETE n',
      "MATCH (n) SET n.name = 'x'",
      "MERGE (a:Actor {id: 'y'})",
      "COPY Actor FROM 'x.csv'",
      "LOAD FROM 'x.csv' RETURN *",
      'BEGIN TRANSACTION',
    ]) {
      expect(() => checkConsoleQuery(query, {}), query).toThrow(expect.objectContaining({ status: 403 }));
    }
  });

  it('counts statements outside strings and asks for every parameter', () => {
    expect(countStatements("RETURN ';' AS x")).toBe(1);
    expect(countStatements('RETURN 1; RETURN 2;')).toBe(2);
    expect(parameterNames("MATCH (n) WHERE n.id = $id AND n.name <> '$notParam' RETURN $id, $other")).toEqual([
      'id',
      'other',
    ]);
    expect(() => checkConsoleQuery('RETURN $a, $b', { a: 1 })).toThrow(/\$b/);
    expect(() => checkConsoleQuery('   ', {})).toThrow(/empty/);
  });

  it('reads Kuzu plans and refuses the operators that reach outside the database', () => {
    const plan = '│ COPY_TO[2] │\n│ TABLE_FUNCTION_CALL[3] │\n│ Function: READ_FTABLE │';
    expect(planOperators(plan).operators).toEqual(['COPY_TO', 'TABLE_FUNCTION_CALL']);
    expect(() => assertPlanIsReadOnly(plan)).toThrow(/COPY_TO/);
    expect(() => assertPlanIsReadOnly('│ TABLE_FUNCTION_CALL[0] │\n│ Function: READ_CSV │')).toThrow(/READ_CSV/);
    expect(() => assertPlanIsReadOnly('│ STANDALONE_CALL[0] │')).toThrow();
    expect(() => assertPlanIsReadOnly('│ SCAN_NODE_TABLE[0] │\n│ Function: READ_FTABLE │')).not.toThrow();
  });
});
