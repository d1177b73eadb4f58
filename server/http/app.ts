/** createApp: the Express application over a GraphStore (no listening here; see server.ts). */
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphStore } from '../store/graph-store.js';
import { errorHandler, notFoundApi } from './middleware/errors.js';
import { securityHeaders } from './middleware/security-headers.js';
import { cypherRoutes, type CypherLimits } from './routes/cypher-routes.js';
import { graphRoutes } from './routes/graph-routes.js';

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
  app.use('/api', express.json({ limit: options.bodyLimitBytes }));
  app.use('/api', graphRoutes(options.store, options.version));
  app.use('/api', cypherRoutes(options.store, options));
  app.use('/api', notFoundApi);
  const clientDir = options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(join(clientDir, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
