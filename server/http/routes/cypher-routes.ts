/** POST /api/cypher: a user's query, read-only, with the configured timeout and row limit. */
import { Router } from 'express';
import { z } from 'zod';
import { toCypherResponse } from '../../explore/graph-views.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ApiErrorBody, mountRoute, type RouteSpec } from '../route-spec.js';

export interface CypherLimits {
  timeoutMs: number;
  rowLimit: number;
}

const cypher = {
  method: 'post',
  path: '/cypher',
  operationId: 'runCypher',
  tag: 'console',
  summary: 'Run a read-only Cypher query with a time limit and a row limit',
  description:
    'Runs in a separate worker process. Writes, file access and setting changes are refused before they run.',
  body: z.object({
    query: z.string().min(1, 'query is required').max(20_000).meta({ description: "Cypher in the store's dialect" }),
    params: z.record(z.string(), z.unknown()).optional().default({}).meta({ description: 'query parameters ($name)' }),
    limit: z.number().int().min(1).optional().meta({ description: 'rows to return, at most the server limit' }),
  }),
  responses: {
    200: { description: '{columns, rows, graph: {nodes, edges}, truncated, elapsedMs}' },
    400: { description: 'invalid body, or the database refused the query (its message is shown)', body: ApiErrorBody },
    403: { description: 'the query would write, touch files or change settings', body: ApiErrorBody },
    408: { description: 'the query ran past its time limit', body: ApiErrorBody },
    413: {
      description:
        'the body is larger than the server accepts, or the answer is larger than its byte cap or needed too much memory',
      body: ApiErrorBody,
    },
    503: {
      description:
        'the database cannot be reached, or the console is busy (its queue is full, or the query waited its whole time limit): try again after Retry-After seconds',
      body: ApiErrorBody,
    },
  },
  examples: [
    {
      name: 'statements',
      summary: 'statements with their speakers, with a parameter',
      body: {
        query: 'MATCH (a:Actor)-[:SAID]->(s:Statement) WHERE a.kind = $kind RETURN a.name, s.text LIMIT 10',
        params: { kind: 'person' },
      },
    },
    { name: 'count', summary: 'count the nodes', body: { query: 'MATCH (n) RETURN count(n) AS nodes', limit: 1 } },
  ],
} satisfies RouteSpec;

export const cypherRouteSpecs: RouteSpec[] = [cypher];

export function cypherRoutes(store: GraphStore, limits: CypherLimits): Router {
  const router = Router();
  mountRoute(router, cypher, async ({ body }, res) => {
    const limit = Math.min(body.limit ?? limits.rowLimit, limits.rowLimit);
    const result = await store.runReadQuery(body.query, body.params, { limit, timeoutMs: limits.timeoutMs });
    res.json(toCypherResponse(result));
  });
  return router;
}
