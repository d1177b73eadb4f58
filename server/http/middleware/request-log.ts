/**
 * Gives every request an id and logs one line when its answer ends: id, method, path, the names
 * (never the values) of its query parameters, status and duration. Bodies and headers are never
 * logged: a console query can hold secrets, and so can a query string.
 */
import type { RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { silentLogger, type Logger } from '../logger.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** An incoming id is kept only when it is this tame: it goes into every log line. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const LOGGABLE_PARAMETER_NAME = /^[A-Za-z0-9_.[\]-]{1,40}$/;
/** Probes call these every few seconds: their successes are logged at debug level only. */
const PROBE_PATHS = new Set(['/api/health', '/api/ready']);

export function requestIdFrom(incoming: string | undefined): string {
  return incoming !== undefined && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** `?q=secret&limit=5` -> `['q', 'limit']`; an odd name (it might be a value) shows as `?`. */
function queryParameterNames(search: string): string[] {
  const names = new Set<string>();
  for (const name of new URLSearchParams(search).keys()) names.add(LOGGABLE_PARAMETER_NAME.test(name) ? name : '?');
  return [...names];
}

/** The request's logger (a child carrying its id); the silent one outside a request. */
export function requestLogger(res: Response): Logger {
  return (res.locals.log as Logger | undefined) ?? silentLogger;
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.get(REQUEST_ID_HEADER));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const log = logger.child({ requestId });
    res.locals.log = log;
    const queryStart = req.originalUrl.indexOf('?');
    const path = queryStart < 0 ? req.originalUrl : req.originalUrl.slice(0, queryStart);
    const search = queryStart < 0 ? '' : req.originalUrl.slice(queryStart + 1);
    let logged = false;
    const logLine = () => {
      if (logged) return;
      logged = true;
      const line = {
        method: req.method,
        path,
        query: queryParameterNames(search),
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      };
      // 'close' before 'finish': the client went away or the server cut the answer off.
      if (!res.writableFinished) log.warn({ ...line, aborted: true }, 'request not completed');
      else if (PROBE_PATHS.has(path) && res.statusCode < 400) log.debug(line, 'request');
      else log.info(line, 'request');
    };
    res.once('finish', logLine);
    res.once('close', logLine);
    next();
  };
}
