/**
 * Second line of defence for Kuzu console queries: a read-only database still lets a query
 * write and read files (COPY TO, EXPORT DATABASE, LOAD FROM, ATTACH) or switch the timeout off
 * (`CALL timeout=0`). `EXPLAIN` shows the physical plan without running it; we refuse any plan
 * with an operator that reaches outside the database.
 */
import { ReadOnlyViolationError } from '../../domain/errors.js';

const FORBIDDEN_OPERATORS = new Set([
  'COPY_TO',
  'COPY_FROM',
  'EXPORT_DATABASE',
  'IMPORT_DATABASE',
  'ATTACH_DATABASE',
  'DETACH_DATABASE',
  'USE_DATABASE',
  'STANDALONE_CALL',
  'INSTALL_EXTENSION',
  'LOAD_EXTENSION',
  'UNINSTALL_EXTENSION',
  'TRANSACTION',
]);

/** Table functions that read the file system (LOAD FROM and friends) start with READ_. */
const SAFE_READ_FUNCTIONS = new Set(['READ_FTABLE']);

export function planOperators(planText: string): { operators: string[]; functions: string[] } {
  const operators = [...planText.matchAll(/([A-Z][A-Z_]+)\[\d+\]/g)].map((m) => m[1]);
  const functions = [...planText.matchAll(/Function:\s*([A-Za-z_]+)/g)].map((m) => m[1].toUpperCase());
  return { operators, functions };
}

export function assertPlanIsReadOnly(planText: string): void {
  const { operators, functions } = planOperators(planText);
  const operator = operators.find((op) => FORBIDDEN_OPERATORS.has(op));
  if (operator) {
    throw new ReadOnlyViolationError(`The console only reads the graph: ${operator} is not allowed.`);
  }
  const fileRead = functions.find((fn) => fn.startsWith('READ_') && !SAFE_READ_FUNCTIONS.has(fn));
  if (fileRead) {
    throw new ReadOnlyViolationError(`The console cannot read files (${fileRead}).`);
  }
}
