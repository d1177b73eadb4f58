/** createApp: the Express application over a GraphStore (no listening here; see server.ts). */
import express, { type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphStore } from '../store/graph-store.js';
import { silentLogger, type Logger } from './logger.js';
import { bearerAuth } from './middleware/bearer-auth.js';
import { errorHandler, notFoundApi } from './middleware/errors.js';
import { hostCheck } from './middleware/host-check.js';
import { DEFAULT_RATE_LIMIT, rateLimit, type RateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { API_PREFIX, openApiDocument } from './openapi.js';
import { ACCESS_ERRORS, HOST_ERRORS, RATE_LIMIT_ERRORS, type RouteSpec } from './route-spec.js';
import { cypherRoutes, cypherRouteSpecs, type CypherLimits } from './routes/cypher-routes.js';
import { edgeRoutes, edgeRouteSpecs } from './routes/edge-routes.js';
import { exportRoutes, exportRouteSpecs } from './routes/export-routes.js';
import { graphRoutes, graphRouteSpecs } from './routes/graph-routes.js';
import { pathRoutes, pathRouteSpecs } from './routes/path-routes.js';
import { serviceRoutes, serviceRouteSpecs, type Lifecycle } from './routes/service-routes.js';

const EXPORT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/** Answered without a token: probes (a load balancer, Docker, Kubernetes) call them and hold none. */
const OPEN_ROUTES = new Set(['/health', '/ready']);
/** Routes whose work is expensive (a user's query, a whole-graph export): rate-limited per client. */
const RATE_LIMITED_TAGS = new Set(['console', 'export']);

const isOpen = (spec: RouteSpec) => OPEN_ROUTES.has(spec.path);
const isRateLimited = (spec: RouteSpec) => RATE_LIMITED_TAGS.has(spec.tag);

/** The answers the access checks below can give, added to each route's own so the document says them. */
function withAccessResponses(spec: RouteSpec): RouteSpec {
  return {
    ...spec,
    responses: {
      ...spec.responses,
      ...(isOpen(spec) ? HOST_ERRORS : ACCESS_ERRORS),
      ...(isRateLimited(spec) ? RATE_LIMIT_ERRORS : {}),
    },
  };
}

/** Every API route, as the OpenAPI document describes it (a test checks Express registers exactly these). */
export const API_ROUTE_SPECS: readonly RouteSpec[] = [
  ...serviceRouteSpecs,
  ...graphRouteSpecs,
  ...pathRouteSpecs,
  ...edgeRouteSpecs,
  ...cypherRouteSpecs,
  ...exportRouteSpecs,
].map(withAccessResponses);

/** A body sent compressed (gzip, deflate, br): it may inflate to far more than was sent. */
function isCompressed(contentEncoding: string | undefined): boolean {
  return contentEncoding !== undefined && contentEncoding.trim().toLowerCase() !== 'identity';
}

export interface AppOptions extends CypherLimits {
  store: GraphStore;
  version: string;
  bodyLimitBytes: number;
  /** Built client (dist/client); the API works without it. */
  clientDir?: string;
  /** Where request lines and errors go; none when absent (tests). `actorgraph serve` passes one. */
  logger?: Logger;
  /** Shared with the server, which sets shuttingDown on SIGTERM (see server.ts). */
  lifecycle?: Lifecycle;
  /** When set, every API route but /api/health and /api/ready asks for it as a bearer token. */
  token?: string;
  /** Host names answered besides localhost, 127.0.0.1 and [::1] (any other Host header gets 421). */
  allowedHosts?: readonly string[];
  /**
   * The server listens on loopback only (default true): only this machine can reach it, so the
   * console and exports are not rate-limited. server.ts decides it from the address it listens on.
   */
  loopbackOnly?: boolean;
  /** Per-client limits of the console and exports when not loopbackOnly (default DEFAULT_RATE_LIMIT). */
  rateLimit?: RateLimit;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(options.logger ?? silentLogger));
  app.use(securityHeaders);
  app.use(hostCheck(options.allowedHosts ?? []));
  // Only the API: the explorer's own files load without a token, so that it can ask for one.
  if (options.token)
    app.use(API_PREFIX, bearerAuth(options.token, new Set([...OPEN_ROUTES].map((path) => API_PREFIX + path))));
  if (options.loopbackOnly === false) {
    const limiter = rateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT);
    for (const spec of API_ROUTE_SPECS.filter(isRateLimited)) app.use(API_PREFIX + spec.path, limiter);
  }
  // body-parser applies `limit` to the inflated size. An exported view carries every node on
  // screen: its own, larger limit, for bodies sent as they are; a compressed body gets the general
  // limit, or 57 KB of gzip could make the server inflate and parse 60 MB.
  const generalBody = express.json({ limit: options.bodyLimitBytes });
  const exportBody = express.json({ limit: EXPORT_BODY_LIMIT_BYTES });
  const parseExportBody: RequestHandler = (req, res, next) =>
    isCompressed(req.get('Content-Encoding')) ? generalBody(req, res, next) : exportBody(req, res, next);
  // Parsed first, so the general parser below leaves it alone.
  app.use(`${API_PREFIX}/export`, parseExportBody);
  app.use(API_PREFIX, generalBody);
  app.use(
    API_PREFIX,
    serviceRoutes(options.store, {
      version: options.version,
      lifecycle: options.lifecycle ?? { shuttingDown: false },
      openApi: openApiDocument(API_ROUTE_SPECS, options.version),
    }),
  );
  app.use(API_PREFIX, graphRoutes(options.store));
  app.use(API_PREFIX, pathRoutes(options.store));
  app.use(API_PREFIX, edgeRoutes(options.store));
  app.use(API_PREFIX, cypherRoutes(options.store, options));
  app.use(API_PREFIX, exportRoutes(options.store, options.timeoutMs));
  app.use(API_PREFIX, notFoundApi);
  const clientDir = options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(clientDir, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
