/**
 * The one error middleware: named errors keep their status and code, body-parser errors become
 * 400/413, anything else a 500 with a generic message (the stack goes to the log with the request
 * id, never out).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, BusyError } from '../../domain/errors.js';
import { requestLogger } from './request-log.js';

interface HttpishError {
  status?: number;
  type?: string;
  message?: string;
}

export const notFoundApi: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `No API route ${req.method} ${req.path}` } });
};

export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof AppError) {
    if (error instanceof BusyError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    res.status(error.status).json({ error: { code: error.code, message: error.message } });
    return;
  }
  const httpish = (error ?? {}) as HttpishError;
  if (httpish.type === 'entity.too.large') {
    res
      .status(413)
      .json({ error: { code: 'payload_too_large', message: 'The request body is larger than the server accepts.' } });
    return;
  }
  if (httpish.type === 'entity.parse.failed') {
    res.status(400).json({
      error: { code: 'invalid_json', message: `The request body is not valid JSON: ${httpish.message ?? ''}` },
    });
    return;
  }
  if (typeof httpish.status === 'number' && httpish.status >= 400 && httpish.status < 500) {
    res.status(httpish.status).json({ error: { code: 'bad_request', message: httpish.message ?? 'Bad request' } });
    return;
  }
  requestLogger(res).error({ err: error }, 'internal error');
  res.status(500).json({ error: { code: 'internal', message: 'Internal server error' } });
};
