/**
 * The embedded writer's row-by-row statements (updates, relationships below the COPY threshold,
 * must find each row's nodes by primary key. Written as
 * `MATCH (n:Label {id: $id[i]})` the engine planned a scan of the whole node table and a cross
 * product with the rows, so each write cost more the larger the database: an import slowed down
 * as it went. The plan is what a user cannot see but waits for; it is checked here by EXPLAIN.
 */
import { Connection, Database } from '@ladybugdb/core';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NodeLabel, RelType } from '../../server/domain/graph.js';
import { NODE_PROPS, REL_PROPS } from '../../server/domain/schema.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import {
  edgeCreateStatement,
  existingNodesStatement,
  nodeListStatement,
  nodeUpdateStatement,
} from '../../server/store/kuzu/kuzu-writer.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** Every property written as a literal, so that the only parameters are the row keys. */
const allNodeProps = (label: NodeLabel) => new Set(Object.keys(NODE_PROPS[label]));
const allRelProps = (type: RelType) => new Set(Object.keys(REL_PROPS[type]));
// (An existing relationship's lookup, EDGE_MATCH, still scans the relationship table next to the
// source's primary-key lookup; it runs only for relationships whose two ends existed before.)

async function operators(connection: Connection, statement: string, params: Record<string, unknown>) {
  const prepared = await connection.prepare(`EXPLAIN ${statement}`);
  if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
  const result = await connection.execute(prepared, params as never);
  const last = Array.isArray(result) ? result[result.length - 1] : result;
  const plan = String((last.getAllSync() as Array<Record<string, unknown>>)[0]['explain result']);
  last.close();
  return [...plan.matchAll(/([A-Z_]{4,})\[\d+\]/g)].map((match) => match[1]);
}

describe("the embedded writer's row statements", () => {
  it('find nodes by primary key, never by scanning a node table', { timeout: 60_000 }, async () => {
    const path = join(tempDir(), 'plans.lbug');
    await (await KuzuStore.open({ path, readOnly: false })).close();
    const database = new Database(path);
    const connection = new Connection(database);
    try {
      const node = { id: ['actor:a'] };
      const edge = { id: ['said:a'], source: ['actor:a'], target: ['stmt:b'] };
      const statements: Array<[string, string, Record<string, unknown>]> = [
        ['existing nodes', existingNodesStatement('Actor'), node],
        ['node update', nodeUpdateStatement('Actor', allNodeProps('Actor')), node],
        ['node lists', nodeListStatement('Actor', ['aliases'], new Set(['aliases'])), node],
        ['edge create', edgeCreateStatement('SAID', 'Actor', 'Statement', allRelProps('SAID')), edge],
      ];
      for (const [name, statement, params] of statements) {
        const plan = await operators(connection, statement, params);
        expect(plan, name).toContain('QUERY_PRIMARY_KEY_LOOKUP');
        expect(plan, name).not.toContain('SCAN_NODE_TABLE');
      }
    } finally {
      await connection.close();
      await database.close();
    }
  });
});
