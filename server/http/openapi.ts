/**
 * The OpenAPI 3.1 document of the HTTP API, built at start-up from the route specs (route-spec.ts)
 * with zod's own z.toJSONSchema: OpenAPI 3.1 schemas are JSON Schema 2020-12, which is zod 4's
 * default target, so no conversion library is needed.
 */
import { z } from 'zod';
import { ApiErrorBody, type RouteSpec } from './route-spec.js';

export const API_PREFIX = '/api';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** Schemas shown once under components.schemas and referenced elsewhere. */
const NAMED_SCHEMAS = new Map<z.ZodType, string>([[ApiErrorBody, 'ApiError']]);

/**
 * Requests are described as clients send them (io: 'input': defaults are optional, coerced
 * numbers are numbers); a transform has no JSON Schema and shows as its input type.
 */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const named = NAMED_SCHEMAS.get(schema);
  if (named) return { $ref: `#/components/schemas/${named}` };
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `/nodes/:id` -> `/api/nodes/{id}` */
export function openApiPath(expressPath: string): string {
  return API_PREFIX + expressPath.replace(/:(\w+)/g, '{$1}');
}

function parameters(route: RouteSpec, where: 'path' | 'query'): unknown[] {
  const schema = where === 'path' ? route.params : route.query;
  if (!schema) return [];
  const object = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    const examples = Object.fromEntries(
      route.examples
        .map((example) => [example.name, (where === 'path' ? example.params : example.query)?.[name]] as const)
        .filter(([, value]) => value !== undefined)
        .map(([exampleName, value]) => [exampleName, { value }]),
    );
    return {
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
      ...(Object.keys(examples).length > 0 ? { examples } : {}),
    };
  });
}

function requestBody(route: RouteSpec): unknown {
  if (!route.body) return undefined;
  const examples = Object.fromEntries(
    route.examples
      .filter((example) => example.body !== undefined)
      .map((example) => [example.name, { summary: example.summary, value: example.body }]),
  );
  return { required: true, content: { 'application/json': { schema: jsonSchema(route.body), examples } } };
}

function operation(route: RouteSpec): Record<string, unknown> {
  const params = [...parameters(route, 'path'), ...parameters(route, 'query')];
  const body = requestBody(route);
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, response]) => [
      status,
      {
        description: response.description,
        content: Object.fromEntries(
          [response.contentType ?? 'application/json']
            .flat()
            .map((type) => [type, response.body ? { schema: jsonSchema(response.body) } : {}]),
        ),
      },
    ]),
  );
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

export function openApiDocument(routes: readonly RouteSpec[], version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  const schemas = Object.fromEntries(
    [...NAMED_SCHEMAS].map(([schema, name]) => {
      const { $schema: _dialect, id: _id, ...rest } = z.toJSONSchema(schema) as JsonSchema;
      return [name, rest];
    }),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'actorgraph API',
      version,
      description:
        'Read-only API of the actorgraph knowledge graph of news. Errors are {"error": {"code", "message"}} ' +
        'with the matching status.',
    },
    paths,
    components: { schemas },
  };
}
