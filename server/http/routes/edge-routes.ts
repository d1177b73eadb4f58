/** Read-only edge endpoint: a relationship with its ends and its evidence sentences. */
import { Router } from 'express';
import { z } from 'zod';
import { edgeDetails } from '../../explore/edge-details.js';
import type { GraphStore } from '../../store/graph-store.js';
import { parseInput } from '../middleware/validate.js';

const IdParam = z.object({ id: z.string().min(1).max(600) });

export function edgeRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/edges/:id', async (req, res) => {
    const { id } = parseInput(IdParam, req.params, 'relationship id');
    res.json(await edgeDetails(store, id));
  });
  return router;
}
