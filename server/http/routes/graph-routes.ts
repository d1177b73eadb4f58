/** Read-only graph endpoints: stats, schema, overview, nodes, neighbours, search, documents. */
import { Router } from 'express';
import { z } from 'zod';
import type { SchemaResponse, StatsResponse } from '../../domain/api.js';
import { documentView } from '../../explore/document-view.js';
import { neighborsView, overviewView } from '../../explore/graph-views.js';
import { nodeDetails } from '../../explore/node-details.js';
import { searchResults } from '../../explore/search-results.js';
import type { GraphStore } from '../../store/graph-store.js';
import { ApiErrorBody, INPUT_ERRORS, mountRoute, STORE_ERRORS, type RouteSpec } from '../route-spec.js';
import { relTypesParam } from './params.js';
import { OVERVIEW_MAX_EDGES } from '../../domain/reads.js';

const limitParam = (fallback: number, max: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .meta({ description: `at most this many (1–${max}, default ${fallback})` });

const IdParam = z.object({ id: z.string().min(1).max(300).meta({ description: 'the node id' }) });
const NOT_FOUND = { 404: { description: 'no node with this id', body: ApiErrorBody } };

const stats = {
  method: 'get',
  path: '/stats',
  operationId: 'getStats',
  tag: 'graph',
  summary: 'Node counts by label and relationship counts by type',
  responses: { 200: { description: '{nodes, relationships, totalNodes, totalRelationships}' }, ...STORE_ERRORS },
  examples: [],
} satisfies RouteSpec;

const schema = {
  method: 'get',
  path: '/schema',
  operationId: 'getSchema',
  tag: 'graph',
  summary: 'Labels, relationship types with their endpoint labels, and property keys',
  responses: { 200: { description: '{labels, relationshipTypes, propertyKeys}' }, ...STORE_ERRORS },
  examples: [],
} satisfies RouteSpec;

const overview = {
  method: 'get',
  path: '/graph/overview',
  operationId: 'getOverview',
  tag: 'graph',
  summary: 'The most connected nodes and the relationships among them (at most maxEdges, the busiest nodes’ first)',
  // Up to 50,000 so that the scale benchmark (20,000 nodes) can load a whole synthetic graph.
  query: z.object({
    limit: limitParam(500, 50_000),
    maxEdges: limitParam(OVERVIEW_MAX_EDGES, 500_000),
  }),
  responses: {
    200: { description: '{nodes, edges, totalEdges}: totalEdges counts every relationship among the nodes' },
    ...INPUT_ERRORS,
    ...STORE_ERRORS,
  },
  examples: [
    { name: 'top-100', summary: 'the 100 best connected nodes', query: { limit: 100 } },
    { name: 'sparse', summary: 'the 500 best connected nodes, 1,000 relationships', query: { maxEdges: 1000 } },
  ],
} satisfies RouteSpec;

const node = {
  method: 'get',
  path: '/nodes/:id',
  operationId: 'getNode',
  tag: 'graph',
  summary: 'A node: properties, relations with their evidence sentences, statements with their sources',
  params: IdParam,
  responses: {
    200: { description: '{node, degree, neighbours, relations, statements}' },
    ...INPUT_ERRORS,
    ...NOT_FOUND,
    ...STORE_ERRORS,
  },
  examples: [{ name: 'actor', summary: 'a person', params: { id: 'actor:ilham-aliyev' } }],
} satisfies RouteSpec;

const neighbors = {
  method: 'get',
  path: '/nodes/:id/neighbors',
  operationId: 'getNeighbors',
  tag: 'graph',
  summary: 'The node and its neighbours, best connected first, paged',
  params: IdParam,
  query: z.object({
    limit: limitParam(20, 500),
    skip: z.coerce
      .number()
      .int()
      .min(0)
      .max(100_000)
      .default(0)
      .meta({ description: 'neighbours to pass over (paging)' }),
    types: relTypesParam.meta({ description: 'comma list of relationship types to follow (all when absent)' }),
  }),
  responses: { 200: { description: '{nodes, edges}' }, ...INPUT_ERRORS, ...NOT_FOUND, ...STORE_ERRORS },
  examples: [
    { name: 'first-page', summary: 'the 20 best connected neighbours', params: { id: 'actor:ilham-aliyev' } },
    {
      name: 'said-and-roles',
      summary: 'the second page of 10, through SAID and HOLDS_ROLE only',
      params: { id: 'actor:ilham-aliyev' },
      query: { limit: 10, skip: 10, types: 'SAID,HOLDS_ROLE' },
    },
  ],
} satisfies RouteSpec;

const search = {
  method: 'get',
  path: '/search',
  operationId: 'search',
  tag: 'graph',
  summary: 'Names and aliases (prefix) and full text over names, aliases and statement text',
  query: z.object({
    q: z.string().trim().min(1, 'q is required').max(200).meta({ description: 'what to look for' }),
    limit: limitParam(10, 100),
  }),
  responses: {
    200: { description: '{results: [{id, label, caption, score, snippet?, statement?}]}' },
    ...INPUT_ERRORS,
    ...STORE_ERRORS,
  },
  examples: [{ name: 'name', summary: 'a name', query: { q: 'Aliyev', limit: 5 } }],
} satisfies RouteSpec;

const document = {
  method: 'get',
  path: '/documents/:id',
  operationId: 'getDocument',
  tag: 'graph',
  summary: "The article's text and the spans of its mentions",
  params: z.object({ id: z.string().min(1).max(300).meta({ description: 'the document id' }) }),
  responses: {
    200: { description: '{document, mentions}' },
    ...INPUT_ERRORS,
    404: { description: 'no document with this id', body: ApiErrorBody },
    ...STORE_ERRORS,
  },
  examples: [{ name: 'document', summary: 'an article', params: { id: 'doc:3f2a9c' } }],
} satisfies RouteSpec;

export const graphRouteSpecs: RouteSpec[] = [stats, schema, overview, node, neighbors, search, document];

export function graphRoutes(store: GraphStore): Router {
  const router = Router();
  mountRoute(router, stats, async (_input, res) => {
    // The store's counts and schema are the API's answers as they are; the types say they still match.
    const body: StatsResponse = await store.stats();
    res.json(body);
  });
  mountRoute(router, schema, async (_input, res) => {
    const body: SchemaResponse = await store.schema();
    res.json(body);
  });
  mountRoute(router, overview, async ({ query }, res) => {
    res.json(await overviewView(store, query.limit, query.maxEdges));
  });
  mountRoute(router, node, async ({ params }, res) => {
    res.json(await nodeDetails(store, params.id));
  });
  mountRoute(router, neighbors, async ({ params, query }, res) => {
    const payload = await neighborsView(store, params.id, query);
    if (payload.nodes.length === 0) {
      res.status(404).json({ error: { code: 'not_found', message: `No node with id "${params.id}"` } });
      return;
    }
    res.json(payload);
  });
  mountRoute(router, search, async ({ query }, res) => {
    res.json({ results: await searchResults(store, query.q, query.limit) });
  });
  mountRoute(router, document, async ({ params }, res) => {
    res.json(await documentView(store, params.id));
  });
  return router;
}
