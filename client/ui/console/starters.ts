/**
 * Starter queries for the active store's dialect (from /api/health): Kuzu names a node's label
 * `label(n)` and a relationship's type `label(r)`, Neo4j `labels(n)` and `type(r)`. Statement and
 * relationship dates are 'YYYY-MM-DD' strings, so a date range is a string comparison on both.
 * Each query here runs on its store (test/api/console-starters.test.ts).
 */
import type { SavedQuery } from './history.js';

export type Dialect = 'kuzu' | 'neo4j';

const whoSaidWhat: SavedQuery = {
  name: 'Who said what about whom',
  query: `MATCH (speaker)-[said:SAID]->(s:Statement)-[about:ABOUT]->(subject)
RETURN speaker, said, s, about, subject
LIMIT 50`,
  params: {},
};

const statementsInRange: SavedQuery = {
  name: 'Statements in a date range',
  query: `MATCH (speaker)-[said:SAID]->(s:Statement)
WHERE s.date >= $from AND s.date <= $to
RETURN speaker, said, s
ORDER BY s.date
LIMIT 100`,
  params: { from: '2021-01-01', to: '2021-12-31' },
};

const rolesHeld: SavedQuery = {
  name: 'Who holds which role',
  query: `MATCH (a:Actor)-[r:HOLDS_ROLE]->(b)
RETURN a, r, b
LIMIT 50`,
  params: {},
};

const mostMentioned: SavedQuery = {
  name: 'Most mentioned actors',
  query: `MATCH (a:Actor)-[m:MENTIONED_IN]->(d:Document)
RETURN a.name AS actor, count(d) AS documents, sum(m.mentions) AS mentions
ORDER BY mentions DESC, actor
LIMIT 20`,
  params: {},
};

const STARTERS: Record<Dialect, SavedQuery[]> = {
  kuzu: [
    whoSaidWhat,
    {
      name: 'Actors two steps from X',
      query: `MATCH (x:Actor)-[r1]-(via)-[r2]-(other:Actor)
WHERE x.name = $name AND other.id <> x.id
RETURN x, r1, via, r2, other
LIMIT 100`,
      params: { name: 'Ilham Aliyev' },
    },
    statementsInRange,
    rolesHeld,
    mostMentioned,
    {
      name: 'Nodes per label',
      query: `MATCH (n)
RETURN label(n) AS label, count(*) AS nodes
ORDER BY nodes DESC`,
      params: {},
    },
    {
      name: 'Relationships per type',
      query: `MATCH ()-[r]->()
RETURN label(r) AS type, count(*) AS relationships
ORDER BY relationships DESC`,
      params: {},
    },
  ],
  neo4j: [
    whoSaidWhat,
    {
      name: 'Actors two steps from X',
      query: `MATCH (x:Actor)-[r1]-(via)-[r2]-(other:Actor)
WHERE x.name = $name AND other <> x
RETURN x, r1, via, r2, other
LIMIT 100`,
      params: { name: 'Ilham Aliyev' },
    },
    statementsInRange,
    rolesHeld,
    mostMentioned,
    {
      name: 'Nodes per label',
      query: `MATCH (n)
RETURN labels(n)[0] AS label, count(*) AS nodes
ORDER BY nodes DESC`,
      params: {},
    },
    {
      name: 'Relationships per type',
      query: `MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS relationships
ORDER BY relationships DESC`,
      params: {},
    },
  ],
};

export function starterQueries(dialect: Dialect): SavedQuery[] {
  return STARTERS[dialect];
}
