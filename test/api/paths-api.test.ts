/**
 * GET /api/paths/shortest over the sample articles: the path the explorer highlights between two
 * actors, in order, with the nodes and edges to draw, and the answers for what cannot be found.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, PathResponse } from '../../server/domain/api.js';
import { nodeIdByName } from '../helpers/api-lookup.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, testStores, type TestServer } from '../helpers/test-server.js';

afterAll(removeTempDirs);

describe.each(testStores())('shortest paths between actors of the sample corpus (%s)', (kind) => {
  let server: TestServer;
  let aliyev: string;
  let baer: string;

  const findId = (name: string) => nodeIdByName(server.url, name);

  function shortest(query: Record<string, string | number>) {
    return request(server.url).get('/api/paths/shortest').query(query);
  }

  beforeAll(async () => {
    server = await startTestServer({ store: kind, importSamples: true });
    aliyev = await findId('Ilham Aliyev');
    baer = await findId('Daniel Baer');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('finds a path from Aliyev to Baer, in order, with every node and edge on it to draw', async () => {
    const res = await shortest({ from: aliyev, to: baer }).expect(200);
    const body = res.body as PathResponse;
    expect(body.found).toBe(true);
    expect(body.length).toBe(body.edgeIds.length);
    expect(body.length).toBeGreaterThanOrEqual(1);
    expect(body.nodeIds[0]).toBe(aliyev);
    expect(body.nodeIds.at(-1)).toBe(baer);
    expect(body.nodeIds).toHaveLength(body.edgeIds.length + 1);
    expect(body.graph.nodes.map((node) => node.id).sort()).toEqual([...new Set(body.nodeIds)].sort());
    expect(body.graph.edges.map((edge) => edge.id).sort()).toEqual([...body.edgeIds].sort());
    const edges = new Map(body.graph.edges.map((edge) => [edge.id, edge]));
    body.edgeIds.forEach((edgeId, index) => {
      const edge = edges.get(edgeId)!;
      expect([edge.source, edge.target].sort()).toEqual([body.nodeIds[index], body.nodeIds[index + 1]].sort());
    });
    const first = body.graph.nodes.find((node) => node.id === aliyev);
    expect(first).toMatchObject({ label: 'Actor', caption: 'Ilham Aliyev' });
  });

  it('with all=true, gives every shortest path, all as long, and their union to draw', async () => {
    const one = (await shortest({ from: aliyev, to: baer }).expect(200)).body as PathResponse;
    const body = (await shortest({ from: aliyev, to: baer, all: 'true' }).expect(200)).body as PathResponse;
    expect(body.found).toBe(true);
    expect(body.paths!.length).toBeGreaterThanOrEqual(1);
    expect(body.paths![0]).toEqual({ nodeIds: body.nodeIds, edgeIds: body.edgeIds });
    const drawn = new Set(body.graph.edges.map((edge) => edge.id));
    for (const path of body.paths!) {
      expect(path.edgeIds).toHaveLength(one.length!);
      expect(path.nodeIds[0]).toBe(aliyev);
      expect(path.nodeIds.at(-1)).toBe(baer);
      for (const edgeId of path.edgeIds) expect(drawn.has(edgeId)).toBe(true);
    }
    expect(new Set(body.paths!.map((path) => path.edgeIds.join(','))).size).toBe(body.paths!.length);
    // Without all, no list of paths.
    expect(one.paths).toBeUndefined();
  });

  it('goes through the article that mentions both, and finds nothing within maxLength=1', async () => {
    const viaArticle = (await shortest({ from: aliyev, to: baer }).expect(200)).body as PathResponse;
    expect(viaArticle.length).toBe(2);
    expect(viaArticle.graph.edges.map((edge) => edge.type)).toEqual(['MENTIONED_IN', 'MENTIONED_IN']);
    const middle = viaArticle.graph.nodes.find((node) => node.id === viaArticle.nodeIds[1]);
    expect(middle?.label).toBe('Document');
    const tooShort = (await shortest({ from: aliyev, to: baer, maxLength: 1 }).expect(200)).body as PathResponse;
    expect(tooShort).toEqual({ found: false, length: null, nodeIds: [], edgeIds: [], graph: { nodes: [], edges: [] } });
  });

  it('follows only the relationship types asked for: who said what about whom', async () => {
    const res = await shortest({ from: aliyev, to: baer, types: 'SAID,ABOUT' }).expect(200);
    const body = res.body as PathResponse;
    // Aliyev said something about someone Baer also spoke about: statement, subject, statement.
    expect(body.length).toBe(4);
    expect(body.graph.edges.every((edge) => edge.type === 'SAID' || edge.type === 'ABOUT')).toBe(true);
    const labelOf = (id: string) => body.graph.nodes.find((node) => node.id === id)?.label;
    expect([labelOf(body.nodeIds[1]), labelOf(body.nodeIds[3])]).toEqual(['Statement', 'Statement']);
    // A statement is said by its speaker alone: no path between two actors along SAID only.
    const saidOnly = (await shortest({ from: aliyev, to: baer, types: 'SAID' }).expect(200)).body as PathResponse;
    expect(saidOnly.found).toBe(false);
  });

  it('answers 404 naming the node that does not exist', async () => {
    const res = await shortest({ from: aliyev, to: 'actor:nobody-at-all' }).expect(404);
    expect((res.body as ApiErrorBody).error.message).toContain('actor:nobody-at-all');
    const both = await shortest({ from: 'actor:ghost', to: 'actor:nobody-at-all' }).expect(404);
    expect((both.body as ApiErrorBody).error.message).toMatch(/actor:ghost.*actor:nobody-at-all/);
  });

  it('answers 400 for a bad maxLength, the same node twice, an unknown type or a missing id', async () => {
    for (const maxLength of ['0', '9', '2.5', 'six']) {
      const res = await shortest({ from: aliyev, to: baer, maxLength }).expect(400);
      expect((res.body as ApiErrorBody).error.message).toMatch(/maxLength/);
    }
    const same = await shortest({ from: aliyev, to: aliyev }).expect(400);
    expect((same.body as ApiErrorBody).error.message).toMatch(/same node/);
    const unknown = await shortest({ from: aliyev, to: baer, types: 'MET,KNOWS' }).expect(400);
    expect((unknown.body as ApiErrorBody).error.message).toContain('unknown relationship type "KNOWS"');
    const missing = await shortest({ from: aliyev }).expect(400);
    expect((missing.body as ApiErrorBody).error.message).toMatch(/to/);
  });
});
