/**
 * Child process of killed-database.ts: opens a database read-only (replaying a killed writer's
 * WAL), reads what was asked and writes it as JSON to the file `out` (stdout is a pipe, which a large
 * export would have to be written to in pieces).
 * Run: node --import tsx test/helpers/killed-database-child.ts <db> stats|wrong-degrees|export <out>
 */
import { writeFileSync } from 'node:fs';
import { DEGREE_COLUMN } from '../../server/store/kuzu/kuzu-degrees.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';

const [dbPath, what, out] = process.argv.slice(2);

/** The nodes whose stored degree (server/store/kuzu/kuzu-degrees.ts) is not a fresh count of their relationships. */
async function wrongDegrees(store: KuzuStore): Promise<string[]> {
  const rows = await store['rows'](
    `MATCH (n) OPTIONAL MATCH (n)-[e]-() WITH n, count(e) AS counted
     WHERE n.${DEGREE_COLUMN} <> counted RETURN n.id AS id`,
  );
  return rows.map((row) => String(row.id));
}

/** The whole graph, nodes and edges sorted by id, so that two databases compare as equal JSON. */
async function sortedExport(store: KuzuStore) {
  const graph = await store.exportAll();
  return {
    nodes: [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id)),
    edges: [...graph.edges].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

const store = await KuzuStore.open({ path: dbPath, readOnly: true });
try {
  const answer =
    what === 'stats'
      ? await store.stats()
      : what === 'wrong-degrees'
        ? await wrongDegrees(store)
        : await sortedExport(store);
  writeFileSync(out, JSON.stringify(answer));
} finally {
  await store.close();
}
