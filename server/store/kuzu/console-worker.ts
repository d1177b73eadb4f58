/**
 * Child process that runs console queries against a read-only Kuzu database. It lives in its own
 * process so the parent can kill it when a query overruns its time or memory: Kuzu's timeout is
 * cooperative and a runaway UNWIND can grow to gigabytes before it notices.
 */
import { AppError, QueryError, QueryTimeoutError, ReadOnlyViolationError } from '../../domain/errors.js';
import { checkConsoleQuery } from '../console/read-only-guard.js';
import { ResponseBudget } from '../console/response-budget.js';
import type { ConsoleInit, ConsoleReply, ConsoleRequest } from './console-protocol.js';
import { openDatabase } from './kuzu-database.js';
import { BUFFER_POOL_FULL, mapKuzuError } from './kuzu-errors.js';
import { assertPlanIsReadOnly } from './kuzu-plan-check.js';
import { graphFromValues, plainCell } from './kuzu-result-graph.js';
import { Connection, type QueryResult } from '@ladybugdb/core';

let connection: Connection | null = null;

async function execute(statement: string, params: Record<string, unknown>): Promise<QueryResult> {
  if (!connection) throw new Error('console worker is not initialised');
  const prepared = await connection.prepare(statement);
  // A plain Error: toErrorReply classifies the database's message (read-only, timeout, …).
  if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
  const result = await connection.execute(prepared, params as never);
  return Array.isArray(result) ? result[0] : result;
}

async function runQuery(request: ConsoleRequest): Promise<ConsoleReply> {
  checkConsoleQuery(request.query, request.params);
  const explained = await execute(`EXPLAIN ${request.query}`, request.params);
  const plan = explained
    .getAllSync()
    .map((row) => String(Object.values(row)[0]))
    .join('\n');
  explained.close();
  assertPlanIsReadOnly(plan);

  connection!.setQueryTimeout(Math.max(1, request.timeoutMs));
  const result = await execute(request.query, request.params);
  const columns = result.getColumnNamesSync();
  const raw: Array<Record<string, unknown>> = [];
  const budget = new ResponseBudget(request.maxResponseBytes);
  let truncated = false;
  try {
    while (result.hasNext()) {
      if (raw.length === request.limit) {
        truncated = true;
        break;
      }
      const row = result.getNextSync() as Record<string, unknown>;
      budget.add(row);
      raw.push(row);
    }
  } finally {
    result.close();
  }
  const { graph, nodeByKey } = await graphFromValues(
    connection!,
    raw.flatMap((row) => Object.values(row)),
  );
  budget.add(graph);
  const rows = raw.map((row) =>
    Object.fromEntries(columns.map((column) => [column, plainCell(row[column], nodeByKey)])),
  );
  return { id: request.id, ok: true, columns, rows, graph, truncated };
}

function toErrorReply(id: number, error: unknown): ConsoleReply {
  if (error instanceof AppError) {
    return { id, ok: false, error: { code: error.code, message: error.message, status: error.status } };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/interrupted/i.test(message)) {
    const timeout = new QueryTimeoutError('The query ran past its time limit and was stopped.');
    return toErrorReply(id, timeout);
  }
  if (BUFFER_POOL_FULL.test(message)) return toErrorReply(id, mapKuzuError(error, 0));
  if (/read-only database/i.test(message)) {
    return toErrorReply(id, new ReadOnlyViolationError(`The console is read-only: ${message}`));
  }
  return toErrorReply(id, new QueryError(message));
}

process.on('message', (message: { init?: ConsoleInit; request?: ConsoleRequest }) => {
  void (async () => {
    if (message.init) {
      try {
        const opened = await openDatabase(message.init.dbPath, { readOnly: true });
        connection = new Connection(opened.database);
        await connection.init();
        process.send?.({ ready: true });
      } catch (error) {
        process.send?.({ ready: false, error: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    if (message.request) {
      let reply: ConsoleReply;
      try {
        reply = await runQuery(message.request);
      } catch (error) {
        reply = toErrorReply(message.request.id, error);
      }
      process.send?.(reply);
    }
  })();
});

process.on('disconnect', () => process.exit(0));
