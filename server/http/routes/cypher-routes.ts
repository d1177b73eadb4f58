/** POST /api/cypher: a user's query, read-only, with the configured timeout and row limit. */
import { Router } from 'express';
import { z } from 'zod';
import type { GraphStore } from '../../store/graph-store.js';
import { parseInput } from '../middleware/validate.js';

export interface CypherLimits {
  timeoutMs: number;
  rowLimit: number;
}

const CypherBody = z.object({
  query: z.string().min(1, 'query is required').max(20_000),
  params: z.record(z.string(), z.unknown()).optional().default({}),
  limit: z.number().int().min(1).optional(),
});

export function cypherRoutes(store: GraphStore, limits: CypherLimits): Router {
  const router = Router();
  router.post('/cypher', async (req, res) => {
    const body = parseInput(CypherBody, req.body ?? {}, 'request body');
    const limit = Math.min(body.limit ?? limits.rowLimit, limits.rowLimit);
    res.json(await store.runReadQuery(body.query, body.params, { limit, timeoutMs: limits.timeoutMs }));
  });
  return router;
}
