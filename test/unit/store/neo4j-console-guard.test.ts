/** The Neo4j console's own guard: administration commands and procedures outside the read allowlist. */
import { describe, expect, it } from 'vitest';
import { calledProcedures, firstClauseKeyword } from '../../../server/store/console/cypher-text.js';
import { checkNeo4jConsoleQuery, checkPlanIsRead } from '../../../server/store/neo4j/neo4j-console-guard.js';

const refused = expect.objectContaining({ status: 403 });

describe('Neo4j console guard', () => {
  it.each([
    'SHOW TRANSACTIONS',
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    'SHOW USERS',
    'SHOW DATABASES',
    'SHOW SETTINGS YIELD name, value',
    'CYPHER 5 SHOW TRANSACTIONS',
    'EXPLAIN SHOW CURRENT USER',
    'STOP DATABASE neo4j',
    'CALL dbms.listConfig()',
    'CALL dbms.listConnections() YIELD connectionId RETURN connectionId',
    'CALL db.clearQueryCaches()',
    "CALL apoc.load.json('http://example.org/x.json') YIELD value RETURN value",
    'MATCH (n) CALL apoc.export.csv.all(null, {}) YIELD file RETURN file',
    'CALL db.createLabel("Sneaky")',
  ])('refuses %s', (query) => {
    expect(() => checkNeo4jConsoleQuery(query)).toThrow(refused);
  });

  it.each([
    'CALL db.labels()',
    'CALL db.labels YIELD label RETURN label',
    'CALL db.relationshipTypes()',
    'CALL db.schema.visualization()',
    "CALL db.index.fulltext.queryNodes('statement_text', 'Karabakh') YIELD node RETURN node",
    'MATCH (start:Actor)-[r]->(stop) RETURN start, stop',
    'MATCH (n) CALL { WITH n MATCH (n)--(m) RETURN count(m) AS degree } RETURN n, degree',
    'MATCH (n) RETURN n.show AS show',
  ])('lets through %s', (query) => {
    expect(() => checkNeo4jConsoleQuery(query)).not.toThrow();
  });

  it('finds the called procedures and the first clause as written', () => {
    expect(calledProcedures('CALL db.labels() YIELD label CALL { RETURN 1 AS one } RETURN label')).toEqual([
      'db.labels',
    ]);
    expect(firstClauseKeyword('CYPHER runtime=slotted PROFILE MATCH (n) RETURN n')).toBe('MATCH');
  });

  it('accepts only a read plan', () => {
    expect(() => checkPlanIsRead('r')).not.toThrow();
    for (const type of ['rw', 'w', 's']) expect(() => checkPlanIsRead(type)).toThrow(refused);
  });
});
