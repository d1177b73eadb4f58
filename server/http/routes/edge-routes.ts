/** Read-only edge endpoint: a relationship with its ends and its evidence sentences. */
import { Router } from 'express';
import { z } from 'zod';
import { edgeDetails } from '../../explore/edge-details.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ApiErrorBody, INPUT_ERRORS, mountRoute, STORE_ERRORS, type RouteSpec } from '../route-spec.js';

const edge = {
  method: 'get',
  path: '/edges/:id',
  operationId: 'getEdge',
  tag: 'graph',
  summary: 'A relationship, its two ends and every sentence that states it',
  params: z.object({ id: z.string().min(1).max(600).meta({ description: 'the relationship id' }) }),
  responses: {
    200: { description: '{edge, source, target, evidence}' },
    ...INPUT_ERRORS,
    404: { description: 'no relationship with this id', body: ApiErrorBody },
    ...STORE_ERRORS,
  },
  examples: [
    {
      name: 'role',
      summary: 'a role held',
      params: { id: 'HOLDS_ROLE:actor:ilham-aliyev->institution:azerbaijan' },
    },
  ],
} satisfies RouteSpec;

export const edgeRouteSpecs: RouteSpec[] = [edge];

export function edgeRoutes(store: GraphStore): Router {
  const router = Router();
  mountRoute(router, edge, async ({ params }, res) => {
    res.json(await edgeDetails(store, params.id));
  });
  return router;
}
