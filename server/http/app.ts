/** createApp: the Express application over a GraphStore (no listening here; see server.ts). */
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphStore } from '../store/graph-store.js';
import { silentLogger, type Logger } from './logger.js';
import { errorHandler, notFoundApi } from './middleware/errors.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { API_PREFIX, openApiDocument } from './openapi.js';
import type { RouteSpec } from './route-spec.js';
import { cypherRoutes, cypherRouteSpecs, type CypherLimits } from './routes/cypher-routes.js';
import { edgeRoutes, edgeRouteSpecs } from './routes/edge-routes.js';
import { exportRoutes, exportRouteSpecs } from './routes/export-routes.js';
import { graphRoutes, graphRouteSpecs } from './routes/graph-routes.js';
import { pathRoutes, pathRouteSpecs } from './routes/path-routes.js';
import { serviceRoutes, serviceRouteSpecs, type Lifecycle } from './routes/service-routes.js';

const EXPORT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/** Every API route, as the OpenAPI document describes it (a test checks Express registers exactly these). */
export const API_ROUTE_SPECS: readonly RouteSpec[] = [
  ...serviceRouteSpecs,
  ...graphRouteSpecs,
  ...pathRouteSpecs,
  ...edgeRouteSpecs,
  ...cypherRouteSpecs,
  ...exportRouteSpecs,
];

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
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(options.logger ?? silentLogger));
  app.use(securityHeaders);
  // An exported view carries every node on screen: its own, larger limit (parsed first, so the
  // general parser below leaves it alone).
  app.use(`${API_PREFIX}/export`, express.json({ limit: EXPORT_BODY_LIMIT_BYTES }));
  app.use(API_PREFIX, express.json({ limit: options.bodyLimitBytes }));
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
