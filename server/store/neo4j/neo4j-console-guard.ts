/**
 * What the console may run on Neo4j, on top of the shared guard and the READ session: no
 * administration commands (SHOW …, TERMINATE …: they list transactions, users, settings, other
 * clients' queries), only procedures that read the graph's own schema or its full-text indexes
 * (dbms.listConfig shows paths, dbms.listConnections client addresses, db.clearQueryCaches changes
 * the server, apoc.load.json reaches the network), and after EXPLAIN only a plan of type read.
 */
import { ReadOnlyViolationError } from '../../domain/errors.js';
import { calledProcedures, firstClauseKeyword } from '../console/cypher-text.js';

/** Administration commands start with these (a variable may be called `start`, so only the first clause counts). */
const ADMIN_KEYWORDS = new Set([
  'SHOW',
  'TERMINATE',
  'ENABLE',
  'DISABLE',
  'START',
  'STOP',
  'SUSPEND',
  'DEALLOCATE',
  'REALLOCATE',
  'DRYRUN',
]);

/** Lower-cased: Neo4j resolves procedure names case-insensitively in the namespace part. */
export const READ_PROCEDURES = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
]);

export function checkNeo4jConsoleQuery(query: string): void {
  const admin = firstClauseKeyword(query);
  if (admin !== undefined && ADMIN_KEYWORDS.has(admin)) {
    throw new ReadOnlyViolationError(`The console cannot run ${admin} commands: it only reads the graph.`);
  }
  const refused = calledProcedures(query).find((name) => !READ_PROCEDURES.has(name.toLowerCase()));
  if (refused) {
    throw new ReadOnlyViolationError(
      `The console cannot call ${refused}: it calls only procedures that read the graph (${[...READ_PROCEDURES].join(', ')}).`,
    );
  }
}

/** The plan's query type from EXPLAIN: 'r' reads; 'rw', 'w' and 's' (schema) change something. */
export function checkPlanIsRead(queryType: string): void {
  if (queryType !== 'r') {
    throw new ReadOnlyViolationError(
      `The console is read-only: this query's plan is of type "${queryType}", not a read.`,
    );
  }
}
