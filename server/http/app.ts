/** createApp: the Express application over a GraphStore (no listening here; see server.ts). */
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphStore } from '../store/graph-store.js';
import { errorHandler, notFoundApi } from './middleware/errors.js';
import { securityHeaders } from './middleware/security-headers.js';
import { cypherRoutes, type CypherLimits } from './routes/cypher-routes.js';
import { edgeRoutes } from './routes/edge-routes.js';
import { exportRoutes } from './routes/export-routes.js';
import { graphRoutes } from './routes/graph-routes.js';
import { pathRoutes } from './routes/path-routes.js';

const EXPORT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

export interface AppOptions extends CypherLimits {
  store: GraphStore;
  version: string;
  bodyLimitBytes: number;
  /** Built client (dist/client); the API works without it. */
  clientDir?: string;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  // An exported view carries every node on screen: its own, larger limit (parsed first, so the
  // general parser below leaves it alone).
  app.use('/api/export', express.json({ limit: EXPORT_BODY_LIMIT_BYTES }));
  app.use('/api', express.json({ limit: options.bodyLimitBytes }));
  app.use('/api', graphRoutes(options.store, options.version));
  app.use('/api', pathRoutes(options.store));
  app.use('/api', edgeRoutes(options.store));
  app.use('/api', cypherRoutes(options.store, options));
  app.use('/api', exportRoutes(options.store, options.timeoutMs));
  app.use('/api', notFoundApi);
  const clientDir = options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(clientDir, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
