/** Read-only graph endpoints: health, stats, schema, overview, nodes, neighbours, search, documents. */
import { Router } from 'express';
import { z } from 'zod';
import type { HealthResponse } from '../../domain/api.js';
import { documentView } from '../../explore/document-view.js';
import { nodeDetails } from '../../explore/node-details.js';
import type { GraphStore } from '../../store/graph-store.js';
import { parseInput } from '../middleware/validate.js';
import { relTypesParam } from './params.js';

const limitParam = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

// Up to 50,000 so that the scale benchmark (20,000 nodes) can load a whole synthetic graph.
const OverviewQuery = z.object({ limit: limitParam(500, 50_000) });
const NeighborsQuery = z.object({
  limit: limitParam(20, 500),
  skip: z.coerce.number().int().min(0).max(100_000).default(0),
  types: relTypesParam,
});
const SearchQuery = z.object({ q: z.string().trim().min(1, 'q is required').max(200), limit: limitParam(10, 100) });
const IdParam = z.object({ id: z.string().min(1).max(300) });

export function graphRoutes(store: GraphStore, version: string): Router {
  const router = Router();

  router.get('/health', async (_req, res) => {
    const body: HealthResponse = { status: 'ok', store: store.kind, dialect: store.dialect, version };
    try {
      await store.isEmpty();
      res.json(body);
    } catch (error) {
      res
        .status(503)
        .json({ ...body, status: 'unavailable', message: error instanceof Error ? error.message : String(error) });
    }
  });

  router.get('/stats', async (_req, res) => {
    res.json(await store.stats());
  });

  router.get('/schema', async (_req, res) => {
    res.json(await store.schema());
  });

  router.get('/graph/overview', async (req, res) => {
    const { limit } = parseInput(OverviewQuery, req.query, 'query string');
    res.json(await store.overview(limit));
  });

  router.get('/nodes/:id', async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'node id');
    res.json(await nodeDetails(store, id));
  });

  router.get('/nodes/:id/neighbors', async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'node id');
    const { limit, skip, types } = parseInput(NeighborsQuery, req.query, 'query string');
    const payload = await store.neighbors(id, { limit, skip, types });
    if (payload.nodes.length === 0) {
      res.status(404).json({ error: { code: 'not_found', message: `No node with id "${id}"` } });
      return;
    }
    res.json(payload);
  });

  router.get('/search', async (req, res) => {
    const { q, limit } = parseInput(SearchQuery, req.query, 'query string');
    res.json({ results: await store.search(q, limit) });
  });

  router.get('/documents/:id', async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'document id');
    res.json(await documentView(store, id));
  });

  return router;
}
