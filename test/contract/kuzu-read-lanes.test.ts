/**
 * The read-only embedded store reads on two connections (kuzu-store.ts READ_LANES), and node
 * details read their independent parts side by side: many callers at once (details, neighbours)
 * get the same answers as one caller at a time, on the sample corpus.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import type { GraphPayload, NodeDetailsResponse } from '../../server/domain/api.js';
import { neighborsView } from '../../server/explore/graph-views.js';
import { nodeDetails } from '../../server/explore/node-details.js';
import { importDocuments } from '../../server/importer/import-documents.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

let store: KuzuStore;
let ids: string[];

beforeAll(async () => {
  const path = join(tempDir(), 'lanes.lbug');
  const writer = await KuzuStore.open({ path, readOnly: false });
  await importDocuments(writer, [join(REPO_ROOT, 'data', 'articles')]);
  await writer.close();
  store = await KuzuStore.open({ path, readOnly: true });
  // Every kind of node, the busiest first: entities with statements said and about them, documents.
  const { nodes } = await store.exportAll();
  const degrees = await Promise.all(nodes.map(async (node) => [node.id, await store.degree(node.id)] as const));
  ids = degrees
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id)
    .slice(0, 60);
});

afterAll(async () => {
  await store?.close();
  removeTempDirs();
});

const byKey = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));

/** The engine promises no row order: lists compared as sets (the API orders none of these). */
function canonicalDetails(details: NodeDetailsResponse) {
  return {
    ...details,
    relations: byKey(details.relations, (relation) => `${relation.edge.id}|${relation.direction}`),
    statements: byKey(details.statements, (statement) => statement.id),
  };
}

function canonicalPayload(payload: GraphPayload) {
  return { nodes: byKey(payload.nodes, (node) => node.id), edges: byKey(payload.edges, (edge) => edge.id) };
}

describe('reads on the read lanes', () => {
  it('answers node details alike to callers one at a time and to many at once', async () => {
    expect(ids.length).toBeGreaterThan(20);
    const one: unknown[] = [];
    for (const id of ids) one.push(canonicalDetails(await nodeDetails(store, id)));
    const many = await Promise.all(ids.map(async (id) => canonicalDetails(await nodeDetails(store, id))));
    expect(many).toEqual(one);
    const withStatements = many.filter((details) => details.statements.length > 0);
    expect(withStatements.length).toBeGreaterThan(0);
  });

  it('answers neighbours alike to callers one at a time and to many at once', async () => {
    const options = { limit: 10, types: [] };
    const one: unknown[] = [];
    for (const id of ids) one.push(canonicalPayload(await neighborsView(store, id, options)));
    const many = await Promise.all(ids.map(async (id) => canonicalPayload(await neighborsView(store, id, options))));
    expect(many).toEqual(one);
  });
});
