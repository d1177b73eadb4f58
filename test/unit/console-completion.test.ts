/** Where the console offers labels, relationship types, property keys or keywords. */
import { describe, expect, it } from 'vitest';
import {
  boundVariables,
  detectContext,
  openBrackets,
  variableTypes,
} from '../../client/ui/console/completion-context.js';

describe('the completion context', () => {
  it('offers labels after a colon in a node pattern', () => {
    expect(detectContext('MATCH (n:Ac')).toEqual({ kind: 'label', from: 9, prefix: 'Ac' });
    expect(detectContext('MATCH (:')).toMatchObject({ kind: 'label', prefix: '' });
    expect(detectContext('MATCH (a:Actor)-->(b:Institution:P')).toMatchObject({ kind: 'label', prefix: 'P' });
  });

  it('offers relationship types after a colon or a bar in a relationship pattern', () => {
    expect(detectContext('MATCH (a)-[r:HO')).toMatchObject({ kind: 'relType', prefix: 'HO' });
    expect(detectContext('MATCH (a)-[:')).toMatchObject({ kind: 'relType', prefix: '' });
    expect(detectContext('MATCH (a)-[r:SAID|AB')).toMatchObject({ kind: 'relType', prefix: 'AB' });
  });

  it('offers property keys after a variable and a dot', () => {
    expect(detectContext('MATCH (a:Actor) WHERE a.na')).toEqual({
      kind: 'property',
      from: 24,
      prefix: 'na',
      variable: 'a',
    });
    expect(detectContext('MATCH (a:Actor) RETURN a.')).toMatchObject({ kind: 'property', prefix: '' });
  });

  it('offers keywords for a word elsewhere, nothing for a new variable name', () => {
    expect(detectContext('MATCH (a) RET')).toMatchObject({ kind: 'keyword', prefix: 'RET' });
    expect(detectContext('MATCH (a')).toBeNull();
    expect(detectContext('MATCH (a) ')).toBeNull();
  });

  it('offers nothing inside strings, comments, map values or parameter names', () => {
    expect(detectContext("MATCH (a) WHERE a.name = 'Ac")).toBeNull();
    expect(detectContext("MATCH (a) WHERE a.name = 'x:Ac")).toBeNull();
    expect(detectContext('// MATCH (n:Ac')).toBeNull();
    expect(detectContext("MATCH (a {name: 'x', kind: ")).toBeNull();
    expect(detectContext('MATCH (a {name: Ac')).toBeNull();
    expect(detectContext('MATCH (a) WHERE a.name = $na')).toBeNull();
  });

  it('tracks open brackets, ignoring those in strings', () => {
    expect(openBrackets("MATCH (a)-[r {x: '(['}")).toEqual(['[']);
    expect(openBrackets("RETURN 'open")).toBeNull();
  });

  it('knows which label or type a variable is bound to', () => {
    const bound = variableTypes('MATCH (a:Actor)-[r:HOLDS_ROLE]->(b) RETURN a.name');
    expect(bound.get('a')).toBe('Actor');
    expect(bound.get('r')).toBe('HOLDS_ROLE');
    expect(bound.has('b')).toBe(false);
  });

  it('lists the variables a query names, to offer them beside the keywords', () => {
    expect(boundVariables('MATCH (a:Actor)-[r]->(b) WITH a, count(r) AS degree RETURN a')).toEqual([
      'a',
      'r',
      'b',
      'degree',
    ]);
  });
});
