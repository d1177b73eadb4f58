/**
 * A route declared once: its method, path, zod schemas, responses and examples. The same spec
 * validates the request (mountRoute) and describes the route in the OpenAPI document (openapi.ts),
 * so the document cannot drift from what the server accepts.
 */
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { parseInput } from './middleware/validate.js';

/** `{error: {code, message}}`, the body of every error answer (see middleware/errors.ts). */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string().meta({ description: 'machine-readable: invalid_input, not_found, timeout, …' }),
    message: z.string().meta({ description: 'what went wrong, for a person' }),
  }),
});

export interface ResponseSpec {
  description: string;
  /** Default application/json; several when the request chooses (a format parameter). */
  contentType?: string | string[];
  /** The body's shape, where it is declared in zod; ApiErrorBody for errors. */
  body?: z.ZodType;
}

/** One valid request, shown in the document and checked by the tests. */
export interface RequestExample {
  /** A short key, unique within the route. */
  name: string;
  summary: string;
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export interface RouteSpec {
  method: 'get' | 'post';
  /** Express path below /api, e.g. `/nodes/:id`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  params?: ObjectSchema;
  query?: ObjectSchema;
  body?: ObjectSchema;
  responses: Record<number, ResponseSpec>;
  /** At least one when the route takes params, a query or a body. */
  examples: RequestExample[];
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<S extends RouteSpec> {
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  body: Parsed<S['body']>;
}

export type RouteHandler<S extends RouteSpec> = (
  input: RouteInput<S>,
  res: Response,
  req: Request,
) => Promise<void> | void;

/** The answers every route that reads the database can give besides its own. */
export const STORE_ERRORS: Record<number, ResponseSpec> = {
  503: { description: 'the database cannot be reached', body: ApiErrorBody },
};

export const INPUT_ERRORS: Record<number, ResponseSpec> = {
  400: { description: 'invalid input: the message names the field and why', body: ApiErrorBody },
};

/** The answers of the Host check (middleware/host-check.ts), on every route. */
export const HOST_ERRORS: Record<number, ResponseSpec> = {
  421: {
    description: 'the Host header names a host this server does not answer to (ACTORGRAPH_ALLOWED_HOSTS)',
    body: ApiErrorBody,
  },
};

/** The answers of the access checks on every route but the probes (see app.ts). */
export const ACCESS_ERRORS: Record<number, ResponseSpec> = {
  401: {
    description: 'the server has a token (ACTORGRAPH_TOKEN) and the request has not sent it as a bearer token',
    body: ApiErrorBody,
  },
  ...HOST_ERRORS,
};

/** The answer of the per-client rate limit on the console and exports (servers not on loopback only). */
export const RATE_LIMIT_ERRORS: Record<number, ResponseSpec> = {
  429: { description: 'too many requests from this client: try again after Retry-After seconds', body: ApiErrorBody },
};

/** Registers `spec` on `router`: parses params, query and body with its schemas, then runs `handler`. */
export function mountRoute<S extends RouteSpec>(router: Router, spec: S, handler: RouteHandler<S>): void {
  router[spec.method](spec.path, async (req, res) => {
    const input = {
      params: spec.params ? parseInput(spec.params, req.params, 'path') : undefined,
      query: spec.query ? parseInput(spec.query, req.query, 'query string') : undefined,
      body: spec.body ? parseInput(spec.body, req.body ?? {}, 'request body') : undefined,
    } as RouteInput<S>;
    await handler(input, res, req);
  });
}
