/** Paths between two nodes: GET /api/paths/shortest?from=&to=&maxLength=&types= */
import { Router } from 'express';
import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import { ALL_PATHS_MAX, MAX_PATH_LENGTH } from '../../domain/reads.js';
import { pathView } from '../../explore/graph-views.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ApiErrorBody, INPUT_ERRORS, mountRoute, STORE_ERRORS, type RouteSpec } from '../route-spec.js';
import { relTypesParam } from './params.js';

const nodeId = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .min(1, `${name} is required`)
    .max(300)
    .meta({ description: `id of the path's ${name === 'from' ? 'first' : 'last'} node` });

const shortestPath = {
  method: 'get',
  path: '/paths/shortest',
  operationId: 'getShortestPath',
  tag: 'graph',
  summary: 'One (or every) shortest path between two nodes, either direction, through statements and documents too',
  query: z.object({
    from: nodeId('from'),
    to: nodeId('to'),
    maxLength: z.coerce
      .number()
      .int(`maxLength must be a whole number from 1 to ${MAX_PATH_LENGTH}`)
      .min(1, `maxLength must be a whole number from 1 to ${MAX_PATH_LENGTH}`)
      .max(MAX_PATH_LENGTH, `maxLength must be a whole number from 1 to ${MAX_PATH_LENGTH}`)
      .default(6)
      .meta({ description: `most relationships on the path (1–${MAX_PATH_LENGTH}, default 6)` }),
    types: relTypesParam.meta({
      description: 'comma list of relationship types the path may follow (all when absent)',
    }),
    all: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true')
      .meta({
        description: `true: every shortest path (at most ${ALL_PATHS_MAX}) in \`paths\`, their union in \`graph\``,
      }),
  }),
  responses: {
    200: { description: '{found, length, nodeIds, edgeIds, graph} in path order; found: false when there is none' },
    ...INPUT_ERRORS,
    404: { description: 'either node does not exist', body: ApiErrorBody },
    ...STORE_ERRORS,
  },
  examples: [
    {
      name: 'two-actors',
      summary: 'between two people',
      query: { from: 'actor:ilham-aliyev', to: 'actor:antony-blinken' },
    },
    {
      name: 'all-shortest',
      summary: 'every shortest path, not only one',
      query: { from: 'actor:ilham-aliyev', to: 'actor:antony-blinken', all: 'true' },
    },
    {
      name: 'through-statements',
      summary: 'at most 4 steps, through what was said',
      query: { from: 'actor:ilham-aliyev', to: 'actor:antony-blinken', maxLength: 4, types: 'SAID,ABOUT' },
    },
  ],
} satisfies RouteSpec;

export const pathRouteSpecs: RouteSpec[] = [shortestPath];

export function pathRoutes(store: GraphStore): Router {
  const router = Router();

  mountRoute(router, shortestPath, async ({ query }, res) => {
    const { from, to, maxLength, types, all } = query;
    if (from === to) throw new InvalidInputError('from and to are the same node: a path needs two different nodes');
    const start = await store.getNode(from);
    const end = await store.getNode(to);
    const missing = [start ? null : from, end ? null : to].filter((id): id is string => id !== null);
    if (missing.length > 0) throw new NotFoundError(missing.map((id) => `No node with id "${id}"`).join('; '));
    const options = { maxLength, types };
    const paths = all
      ? await store.allShortestPaths(from, to, options, ALL_PATHS_MAX)
      : [await store.shortestPath(from, to, options)].filter((path) => path !== null);
    res.json(pathView(paths, all));
  });

  return router;
}
