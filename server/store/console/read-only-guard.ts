/**
 * Checks a console query before any database sees it: one statement, all parameters given, no
 * clause that writes or reaches outside the database. The stores add their own guard on top
 * (Kuzu: a read-only database and a plan check; Neo4j: READ access mode).
 */
import { InvalidInputError, ReadOnlyViolationError } from '../../domain/errors.js';
import { countStatements, keywords, nestingDepth, parameterNames } from './cypher-text.js';

/** Deeper than any real query; a 300-level expression kept Neo4j's planner busy for 85 s. */
export const MAX_NESTING_DEPTH = 40;

const WRITE_KEYWORDS = new Set(['CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'DROP', 'ALTER', 'FOREACH']);
const OUTSIDE_KEYWORDS = new Set([
  'COPY',
  'EXPORT',
  'IMPORT',
  'ATTACH',
  'USE',
  'INSTALL',
  'UNINSTALL',
  'CHECKPOINT',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'GRANT',
  'REVOKE',
  'DENY',
]);

export function checkConsoleQuery(query: string, params: Record<string, unknown>): void {
  if (query.trim() === '') throw new InvalidInputError('The query is empty.');
  const statements = countStatements(query);
  if (statements > 1) {
    throw new InvalidInputError(`Send one statement at a time (found ${statements} separated by ";").`);
  }
  const depth = nestingDepth(query);
  if (depth > MAX_NESTING_DEPTH) {
    throw new InvalidInputError(
      `The query nests brackets ${depth} levels deep; the console allows ${MAX_NESTING_DEPTH}.`,
    );
  }
  const words = keywords(query);
  const write = words.find((word) => WRITE_KEYWORDS.has(word));
  if (write) {
    throw new ReadOnlyViolationError(
      `The console is read-only: ${write} is not allowed. Use the importer to change the graph.`,
    );
  }
  const outside = words.find((word) => OUTSIDE_KEYWORDS.has(word));
  if (outside) {
    throw new ReadOnlyViolationError(`The console cannot run ${outside}: it only reads the graph.`);
  }
  const loadIndex = words.indexOf('LOAD');
  if (loadIndex !== -1) {
    throw new ReadOnlyViolationError('The console cannot read files (LOAD): it only reads the graph.');
  }
  const missing = parameterNames(query).filter((name) => !(name in params));
  if (missing.length > 0) {
    throw new InvalidInputError(
      `Missing query parameter${missing.length > 1 ? 's' : ''}: ${missing.map((n) => `$${n}`).join(', ')}`,
    );
  }
}
