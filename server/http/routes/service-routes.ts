/**
 * What runs the service rather than the graph: /api/health (the process answers; no database
 * call, so it stays fast whatever the store does), /api/ready (the store answers a trivial read
 * and the server is not shutting down) and /api/openapi.json (this API's description).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { HealthResponse, ReadyResponse } from '../../domain/api.js';
import { DIALECTS, STORE_NAMES } from '../../domain/stores.js';
import type { GraphStore } from '../../store/graph-store.js';
import type { OpenApiDocument } from '../openapi.js';
import { mountRoute, type RouteSpec } from '../route-spec.js';

/** A readiness probe waits this long for the store before it says "not ready". */
export const READY_TIMEOUT_MS = 2000;

/** Set by the server when it starts shutting down (server.ts); /api/ready then answers 503. */
export interface Lifecycle {
  shuttingDown: boolean;
}

const StoreKind = z.enum(STORE_NAMES);
const Dialect = z.enum(DIALECTS);
const HealthBody = z.object({
  status: z.literal('ok'),
  store: StoreKind,
  dialect: Dialect.meta({ description: 'the Cypher dialect console queries are written in' }),
  version: z.string(),
});
const ReadyBody = z.object({
  ready: z.boolean(),
  store: StoreKind,
  reason: z.string().optional().meta({ description: 'why not, when not ready' }),
});

const health = {
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tag: 'service',
  summary: 'The process is alive (no database call)',
  description: 'Always 200 while the process answers; says which store and Cypher dialect it serves.',
  responses: { 200: { description: 'alive', body: HealthBody } },
  examples: [],
} satisfies RouteSpec;

const ready = {
  method: 'get',
  path: '/ready',
  operationId: 'getReady',
  tag: 'service',
  summary: 'The database answers and the server is not shutting down',
  description: `Runs a trivial read with a ${READY_TIMEOUT_MS} ms limit; not ready either when a full-text index is missing after an interrupted import.`,
  responses: {
    200: { description: 'ready: {ready: true, store}', body: ReadyBody },
    503: { description: 'not ready: {ready: false, store, reason}', body: ReadyBody },
  },
  examples: [],
} satisfies RouteSpec;

const openapi = {
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  tag: 'service',
  summary: 'This document: the OpenAPI 3.1 description of the HTTP API',
  responses: { 200: { description: 'an OpenAPI 3.1 document' } },
  examples: [],
} satisfies RouteSpec;

export const serviceRouteSpecs: RouteSpec[] = [health, ready, openapi];

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export interface ServiceRouteOptions {
  version: string;
  lifecycle: Lifecycle;
  /** Built once at start-up (app.ts). */
  openApi: OpenApiDocument;
}

export function serviceRoutes(store: GraphStore, options: ServiceRouteOptions): Router {
  const router = Router();
  mountRoute(router, health, (_input, res) => {
    const body: HealthResponse = { status: 'ok', store: store.kind, dialect: store.dialect, version: options.version };
    res.json(body);
  });
  mountRoute(router, ready, async (_input, res) => {
    const notReady = (reason: string) => {
      const body: ReadyResponse = { ready: false, store: store.kind, reason };
      res.status(503).json(body);
    };
    if (options.lifecycle.shuttingDown) return notReady('shutting down');
    let damage: string | null = null;
    try {
      await withTimeout(store.isEmpty(), READY_TIMEOUT_MS);
      damage = (await withTimeout(store.fullTextDamage?.() ?? Promise.resolve(null), READY_TIMEOUT_MS)) ?? null;
    } catch (error) {
      return notReady(error instanceof Error ? error.message : String(error));
    }
    // Search would silently find nothing: say so rather than report ready.
    if (damage) return notReady(damage);
    const body: ReadyResponse = { ready: true, store: store.kind };
    res.json(body);
  });
  mountRoute(router, openapi, (_input, res) => {
    res.json(options.openApi);
  });
  return router;
}
