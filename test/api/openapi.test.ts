/**
 * /api/openapi.json: a valid OpenAPI 3.1 document that lists exactly the routes Express serves,
 * whose examples pass both the route's zod schema and the document's JSON Schema, and work.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTE_SPECS, createApp } from '../../server/http/app.js';
import { openApiPath, type OpenApiDocument } from '../../server/http/openapi.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

interface Operation {
  operationId: string;
  summary: string;
  parameters?: Array<{
    name: string;
    in: 'path' | 'query';
    schema: object;
    examples?: Record<string, { value: unknown }>;
  }>;
  requestBody?: { content: { 'application/json': { schema: object; examples: Record<string, { value: unknown }> } } };
  responses: Record<string, unknown>;
}

/** Method and OpenAPI path of every route registered under /api, read from Express itself. */
function registeredApiRoutes(): string[] {
  // Building the app touches no store: a stand-in is enough to read its routing table.
  const app = createApp({
    store: { kind: 'ladybug', dialect: 'kuzu' } as GraphStore,
    version: 'test',
    bodyLimitBytes: 1024,
    timeoutMs: 1000,
    rowLimit: 10,
  });
  interface Layer {
    rawPath?: unknown;
    route?: { path: string; methods: Record<string, boolean> };
    handle: { stack?: Layer[] };
  }
  const routes: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) routes.push(`${method} ${prefix}${layer.route.path}`);
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, prefix + (typeof layer.rawPath === 'string' ? layer.rawPath : ''));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes
    .filter((route) => route.split(' ')[1].startsWith('/api/'))
    .map((route) => {
      const [method, path] = route.split(' ');
      return `${method} ${openApiPath(path.slice('/api'.length))}`;
    });
}

function operations(document: OpenApiDocument): Array<{ key: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      key: `${method} ${path}`,
      operation: operation as Operation,
    })),
  );
}

afterAll(removeTempDirs);

describe('the OpenAPI document', () => {
  let server: TestServer;
  let document: OpenApiDocument;

  beforeAll(async () => {
    server = await startTestServer();
    document = (await request(server.url).get('/api/openapi.json').expect(200)).body;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('is valid OpenAPI 3.1', async () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route Express serves under /api, and no other', () => {
    const registered = registeredApiRoutes();
    expect(registered.length).toBeGreaterThan(10);
    expect(
      operations(document)
        .map(({ key }) => key)
        .sort(),
    ).toEqual([...registered].sort());
  });

  it('gives every route a summary, its responses, and an example of every input it takes', () => {
    for (const { key, operation } of operations(document)) {
      expect(operation.summary, key).toBeTruthy();
      expect(Object.keys(operation.responses).length, key).toBeGreaterThan(0);
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path') expect(Object.keys(parameter.examples ?? {}).length, key).toBeGreaterThan(0);
      }
      const body = operation.requestBody?.content['application/json'];
      if (body) expect(Object.keys(body.examples).length, key).toBeGreaterThan(0);
    }
    for (const spec of API_ROUTE_SPECS) {
      const takesInput = spec.params || spec.query || spec.body;
      if (takesInput) expect(spec.examples.length, spec.path).toBeGreaterThan(0);
    }
  });

  it('has examples that pass the route’s zod schemas and the document’s JSON Schemas', () => {
    const ajv = new Ajv2020({ strict: false });
    let checked = 0;
    for (const { key, operation } of operations(document)) {
      const spec = API_ROUTE_SPECS.find((route) => `${route.method} ${openApiPath(route.path)}` === key)!;
      // The document's examples, put back together by name, as a client would send them.
      const byExample = new Map<string, { path: Record<string, unknown>; query: Record<string, unknown> }>();
      for (const parameter of operation.parameters ?? []) {
        const validate = ajv.compile(parameter.schema);
        for (const [name, example] of Object.entries(parameter.examples ?? {})) {
          expect(validate(example.value), `${key} ${parameter.name} ${name}: ${ajv.errorsText(validate.errors)}`).toBe(
            true,
          );
          const entry = byExample.get(name) ?? { path: {}, query: {} };
          entry[parameter.in][parameter.name] = example.value;
          byExample.set(name, entry);
        }
      }
      for (const [name, example] of byExample) {
        if (spec.params) expect(spec.params.safeParse(example.path).success, `${key} ${name}`).toBe(true);
        if (spec.query) expect(spec.query.safeParse(example.query).success, `${key} ${name}`).toBe(true);
        checked += 1;
      }
      const body = operation.requestBody?.content['application/json'];
      if (body) {
        const validate = ajv.compile({ ...body.schema, components: document.components });
        for (const [name, example] of Object.entries(body.examples)) {
          expect(validate(example.value), `${key} ${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          const parsed = spec.body!.safeParse(example.value);
          expect(parsed.success, `${key} ${name}: ${parsed.error?.message}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(API_ROUTE_SPECS.filter((route) => route.examples.length > 0).length);
  });

  it('has examples the server accepts (an unknown id may be 404, never a 400 or a 500)', async () => {
    for (const spec of API_ROUTE_SPECS) {
      for (const example of spec.examples) {
        const path = spec.path.replace(/:(\w+)/g, (_match, name: string) =>
          encodeURIComponent(String(example.params?.[name])),
        );
        const query = new URLSearchParams(
          Object.entries(example.query ?? {}).map(([name, value]) => [name, String(value)]),
        ).toString();
        const url = `/api${path}${query ? `?${query}` : ''}`;
        const res =
          spec.method === 'post'
            ? await request(server.url)
                .post(url)
                .send(example.body as object)
            : await request(server.url).get(url);
        expect([200, 404], `${spec.method} ${url} (${example.name}): ${res.text.slice(0, 200)}`).toContain(res.status);
      }
    }
  });

  it('rejects what the schemas forbid, as the document says', async () => {
    // The same schema that the document shows as integer 1–500 refuses 501.
    const neighbours = operations(document).find(({ key }) => key === 'get /api/nodes/{id}/neighbors')!.operation;
    expect(neighbours.parameters!.find((parameter) => parameter.name === 'limit')!.schema).toMatchObject({
      type: 'integer',
      maximum: 500,
    });
    await request(server.url).get('/api/nodes/x/neighbors?limit=501').expect(400);
  });
});
