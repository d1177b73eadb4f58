/**
 * POST /api/export: streams an export with its content type and a file name. The body says what:
 * {format, query?, params?} | {format, node, depth?} | {format, view: {nodes, edges}} | {format}.
 */
import { Router } from 'express';
import { z } from 'zod';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormatName } from '../../export/formats.js';
import { selectSubgraph, type Selection } from '../../export/subgraph-source.js';
import { ExportStreamClosedError, writeExport } from '../../export/write-export.js';
import { nodeDetails } from '../../explore/node-details.js';
import { dossierHtml, dossierMarkdown } from '../../export/dossier.js';
import type { GraphStore } from '../../store/graph-store.js';
import { requestLogger } from '../middleware/request-log.js';
import { ApiErrorBody, INPUT_ERRORS, mountRoute, STORE_ERRORS, type RouteSpec } from '../route-spec.js';

const Property = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const Viz = z.object({
  x: z.number().optional(),
  y: z.number().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  size: z.number().optional(),
  community: z.number().int().min(0).optional(),
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
  query: z.string().min(1).max(20_000).optional().meta({ description: 'export what this read-only query returns' }),
  params: z.record(z.string(), z.unknown()).optional().meta({ description: "the query's parameters" }),
  node: z.string().min(1).optional().meta({ description: "export this node's neighbourhood" }),
  depth: z.number().int().min(1).max(5).optional().meta({ description: 'steps around `node` (default 1)' }),
  view: z
    .object({ nodes: z.array(ViewNode).max(100_000), edges: z.array(ViewEdge).max(500_000) })
    .optional()
    .meta({ description: 'export exactly these nodes and edges (what the explorer shows)' }),
  filename: z
    .string()
    .regex(/^[\w.-]{1,80}$/, 'letters, digits, dot, dash and underscore only')
    .optional()
    .meta({ description: 'file name without extension (default actorgraph)' }),
});

function selectionOf(body: z.infer<typeof ExportBody>): Selection {
  if (body.view) return { kind: 'view', nodes: body.view.nodes, edges: body.view.edges };
  if (body.query) return { kind: 'query', query: body.query, params: body.params ?? {} };
  if (body.node) return { kind: 'node', id: body.node, depth: body.depth ?? 1 };
  return { kind: 'all' };
}

const DOSSIER_CONTENT_TYPES = { md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8' } as const;

const dossier = {
  method: 'get',
  path: '/nodes/:id/dossier',
  operationId: 'getDossier',
  tag: 'export',
  summary: "A node's dossier as a Markdown or HTML file: relations, statements and their sources",
  params: z.object({ id: z.string().min(1).max(300).meta({ description: 'the node id' }) }),
  query: z.object({
    format: z.enum(['md', 'html']).default('md').meta({ description: 'md (default) or html' }),
  }),
  responses: {
    200: {
      description: 'the dossier, as an attachment',
      contentType: Object.values(DOSSIER_CONTENT_TYPES),
    },
    ...INPUT_ERRORS,
    404: { description: 'no node with this id', body: ApiErrorBody },
    ...STORE_ERRORS,
  },
  examples: [
    { name: 'markdown', summary: 'as Markdown', params: { id: 'actor:ilham-aliyev' } },
    { name: 'html', summary: 'as a web page', params: { id: 'actor:ilham-aliyev' }, query: { format: 'html' } },
  ],
} satisfies RouteSpec;

const exportGraph = {
  method: 'post',
  path: '/export',
  operationId: 'exportGraph',
  tag: 'export',
  summary: 'The whole graph, a query result, a neighbourhood or a view, streamed in an export format',
  description:
    'The body says what: {format} the whole graph, {format, query, params?}, {format, node, depth?} or ' +
    "{format, view: {nodes, edges}}. The answer has the format's content type and a file name.",
  body: ExportBody,
  responses: {
    200: {
      description: 'the export, streamed, as an attachment',
      contentType: [...new Set(Object.values(EXPORT_FORMATS).map((format) => format.contentType))],
    },
    ...INPUT_ERRORS,
    403: { description: 'the query would write, touch files or change settings', body: ApiErrorBody },
    404: { description: 'no node with this id', body: ApiErrorBody },
    408: { description: 'the query ran past its time limit', body: ApiErrorBody },
    413: {
      description:
        'the body is larger than the server accepts (64 MB), an HTML snapshot of more than 20,000 nodes, or a read too large for the database',
      body: ApiErrorBody,
    },
    ...STORE_ERRORS,
  },
  examples: [
    { name: 'everything', summary: 'the whole graph as GraphML', body: { format: 'graphml' } },
    {
      name: 'query',
      summary: 'what a query returns, as JSON',
      body: { format: 'json', query: 'MATCH (a:Actor)-[r:HOLDS_ROLE]->(b) RETURN a, r, b', filename: 'roles' },
    },
    {
      name: 'neighbourhood',
      summary: "a node's neighbourhood, 2 steps",
      body: { format: 'gexf', node: 'actor:ilham-aliyev', depth: 2 },
    },
    {
      name: 'view',
      summary: 'the nodes and edges on screen, with their positions',
      body: {
        format: 'graphology',
        view: {
          nodes: [
            { id: 'a', label: 'Actor', properties: { name: 'Ada' }, viz: { x: 0, y: 0, color: '#3366cc', size: 4 } },
            { id: 'b', label: 'Institution', properties: { name: 'Society' } },
          ],
          edges: [{ id: 'a-b', type: 'MEMBER_OF', source: 'a', target: 'b', properties: {} }],
        },
      },
    },
  ],
} satisfies RouteSpec;

export const exportRouteSpecs: RouteSpec[] = [dossier, exportGraph];

export function exportRoutes(store: GraphStore, timeoutMs: number): Router {
  const router = Router();
  mountRoute(router, dossier, async ({ params, query }, res) => {
    const { format } = query;
    // A dossier lists every relationship, however many: it is read once, not on every click.
    const details = await nodeDetails(store, params.id, { all: true });
    const slug =
      details.node.caption
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 60) || 'dossier';
    res.setHeader('Content-Disposition', `attachment; filename="${slug}.${format}"`);
    res.type(DOSSIER_CONTENT_TYPES[format]);
    res.send(format === 'html' ? dossierHtml(details) : dossierMarkdown(details));
  });
  mountRoute(router, exportGraph, async ({ body }, res) => {
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
      // Nothing sent yet (the HTML snapshot reads every node before its first byte): a JSON error.
      if (!res.headersSent) {
        res.removeHeader('Content-Type');
        res.removeHeader('Content-Disposition');
        throw error;
      }
      // The client went away (a cancelled download): nothing failed, the export just stopped.
      if (error instanceof ExportStreamClosedError) {
        requestLogger(res).info('export cancelled by the client');
        return;
      }
      // Headers are gone: all we can do is cut the stream so the client sees a broken download.
      requestLogger(res).error({ err: error }, 'export failed while streaming');
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  });
  return router;
}
