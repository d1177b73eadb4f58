/**
 * POST /api/export: streams an export with its content type and a file name. The body says what:
 * {format, query?, params?} | {format, node, depth?} | {format, view: {nodes, edges}} | {format}.
 */
import { Router } from 'express';
import { z } from 'zod';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormatName } from '../../export/formats.js';
import { selectSubgraph, type Selection } from '../../export/subgraph-source.js';
import { writeExport } from '../../export/write-export.js';
import { nodeDetails } from '../../explore/node-details.js';
import { dossierHtml, dossierMarkdown } from '../../export/dossier.js';
import type { GraphStore } from '../../store/graph-store.js';
import { parseInput } from '../middleware/validate.js';

const Property = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const Viz = z.object({
  x: z.number().optional(),
  y: z.number().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  size: z.number().optional(),
});
const ViewNode = z.object({
  id: z.string(),
  label: z.string(),
  properties: z.record(z.string(), Property),
  viz: Viz.optional(),
});
const ViewEdge = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  properties: z.record(z.string(), Property),
  viz: Viz.optional(),
});

const ExportBody = z.object({
  format: z.enum(EXPORT_FORMAT_NAMES as [ExportFormatName, ...ExportFormatName[]]),
  query: z.string().min(1).max(20_000).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  node: z.string().min(1).optional(),
  depth: z.number().int().min(1).max(5).optional(),
  view: z.object({ nodes: z.array(ViewNode).max(100_000), edges: z.array(ViewEdge).max(500_000) }).optional(),
  filename: z
    .string()
    .regex(/^[\w.-]{1,80}$/, 'letters, digits, dot, dash and underscore only')
    .optional(),
});

function selectionOf(body: z.infer<typeof ExportBody>): Selection {
  if (body.view) return { kind: 'view', nodes: body.view.nodes, edges: body.view.edges };
  if (body.query) return { kind: 'query', query: body.query, params: body.params ?? {} };
  if (body.node) return { kind: 'node', id: body.node, depth: body.depth ?? 1 };
  return { kind: 'all' };
}

const DossierQuery = z.object({ format: z.enum(['md', 'html']).default('md') });

export function exportRoutes(store: GraphStore, timeoutMs: number): Router {
  const router = Router();
  router.get('/nodes/:id/dossier', async (req, res) => {
    const { format } = parseInput(DossierQuery, req.query, 'query string');
    const details = await nodeDetails(store, String(req.params.id));
    const slug =
      details.node.caption
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 60) || 'dossier';
    res.setHeader('Content-Disposition', `attachment; filename="${slug}.${format}"`);
    res.type(format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8');
    res.send(format === 'html' ? dossierHtml(details) : dossierMarkdown(details));
  });
  router.post('/export', async (req, res) => {
    const body = parseInput(ExportBody, req.body ?? {}, 'request body');
    const format = EXPORT_FORMATS[body.format];
    // Selecting first: a bad query or unknown node is still a JSON error, before any byte is sent.
    const source = await selectSubgraph(store, selectionOf(body), timeoutMs);
    const filename = `${body.filename ?? 'actorgraph'}.${format.extension}`;
    res.setHeader('Content-Type', format.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    try {
      await writeExport(body.format, source, res);
      res.end();
    } catch (error) {
      // Headers are gone: all we can do is cut the stream so the client sees a broken download.
      console.error('export failed while streaming:', error);
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return router;
}
