/**
 * What a node's details and neighbours read on the embedded store, checked in the engine's own
 * profile of each statement the store runs: the relationships read must be those of the node's
 * statements and of the nodes on the page, not those of every statement or of the page's hubs;
 * the nodes' properties read must be those of the page, not those of every node of a table.
 * The plan is what a user cannot see but waits for: on a graph of 100k nodes the statements'
 * parts read 86,000 relationships to keep 141, and grew with the graph (bench/read-scaling.ts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeDetails } from '../../server/explore/node-details.js';
import { loadCypher } from '../../server/store/cypher-files.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { syntheticGraph } from '../../bench/synthetic-graph.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

type Row = Record<string, unknown>;
type Rows = (statement: string, params?: Row) => Promise<Row[]>;

/**
 * The statements a call runs, with their parameters, caught where the store runs them: `rows` (its
 * own, protected, way to run one and read it whole) or `result` (unread: export pages).
 */
async function statementsOf(
  store: KuzuStore,
  call: () => Promise<unknown>,
  via: 'rows' | 'result' = 'rows',
): Promise<Array<[string, Row]>> {
  const own = store as unknown as Record<typeof via, (statement: string, params?: Row) => Promise<unknown>>;
  const run = own[via];
  const seen: Array<[string, Row]> = [];
  own[via] = (statement, params) => {
    seen.push([statement, params ?? {}]);
    return run.call(store, statement, params);
  };
  try {
    await call();
  } finally {
    own[via] = run;
  }
  return seen;
}

/**
 * The rows the statement's profile shows coming out of operators named `operator`, in all (of
 * those whose box lists the properties they read, with `withProperties`; of those whose box names
 * the variable `alias`, with it): a profile is drawn as boxes, one column per branch of the plan,
 * an operator's name above its figures.
 */
async function tuplesOut(
  store: KuzuStore,
  statement: string,
  params: Row,
  operator: string,
  withProperties = false,
  alias?: string,
): Promise<number> {
  const [row] = await (store as unknown as { rows: Rows }).rows.call(store, `PROFILE ${statement}`, params);
  const plan = String(Object.values(row)[0]);
  const current = new Map<number, { name: string; properties: boolean; alias?: string }>();
  let total = 0;
  for (const line of plan.split('\n')) {
    for (const cell of line.matchAll(/│([^│]*)│/g)) {
      const text = cell[1].trim();
      const column = cell.index;
      const name = /^([A-Z_]+)\[\d+\]$/.exec(text);
      if (name) current.set(column, { name: name[1], properties: false });
      const box = current.get(column);
      if (box && text.startsWith('Properties:')) box.properties = true;
      if (box && text.startsWith('Alias:')) box.alias = text.slice('Alias:'.length).trim();
      const tuples = /^NumOutputTuples: (\d+)$/.exec(text);
      if (
        tuples &&
        box?.name === operator &&
        (box.properties || !withProperties) &&
        (alias === undefined || box.alias === alias)
      )
        total += Number(tuples[1]);
    }
  }
  return total;
}

/** The relationships each relationship scan of the statement's profile put out, in all. */
function relationshipsScanned(store: KuzuStore, statement: string, params: Row): Promise<number> {
  return tuplesOut(store, statement, params, 'SCAN_REL_TABLE');
}

/** The ids the query returns in its `id` column (the store's own, protected, way to run one). */
async function idsOf(store: KuzuStore, query: string): Promise<string[]> {
  return (await (store as unknown as { rows: Rows }).rows.call(store, query)).map((row) => String(row.id));
}

// One synthetic graph for both reads: written once, it takes most of the file's time.
let store: KuzuStore;
beforeAll(async () => {
  store = await KuzuStore.open({ path: join(tempDir(), 'plans.lbug'), readOnly: false, bulkMinRows: 0 });
  await store.writeBatch(syntheticGraph({ nodes: 6000, edges: 30_000 }));
}, 300_000);
afterAll(async () => {
  await store?.close();
  removeTempDirs();
});

describe('the reads of node details on LadybugDB', () => {
  let ids: string[];
  beforeAll(async () => {
    // Actors of middling degree with statements: their details read their statements' parts.
    ids = await idsOf(
      store,
      `MATCH (n:Actor)-[e]-() WITH n, count(e) AS degree WHERE degree >= 20 AND degree <= 60
       MATCH (n)-[:SAID]->(:Statement) RETURN DISTINCT n.id AS id ORDER BY id LIMIT 5`,
    );
  });

  it('read no more relationships per statement than the node and its statements have', async () => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const statements = await statementsOf(store, () => nodeDetails(store, id));
      const degree = Number(
        (
          await (store as unknown as { rows: Rows }).rows.call(
            store,
            'MATCH (n:Actor {id: $id})-[e]-() RETURN count(e) AS d',
            { id },
          )
        )[0].d,
      );
      for (const [statement, params] of statements) {
        // Each read starts from the node or its few statements: a handful of times its degree at
        // most (a statement has a speaker, a few subjects and a few reports), never the graph's.
        expect(await relationshipsScanned(store, statement, params), statement).toBeLessThanOrEqual(10 * degree);
      }
    }
  });

  it("read the statements' parts at the offsets their relationships gave, without looking them up by id", async () => {
    const byId = loadCypher('statement-offsets', 'kuzu');
    const atOffsets = loadCypher('statement-parts-at', 'kuzu');
    for (const id of ids) {
      let speakers: Array<string | undefined> = [];
      const statements = await statementsOf(store, async () => {
        speakers = (await nodeDetails(store, id)).statements.map((view) => view.speaker?.id);
      });
      expect(statements.filter(([statement]) => statement === byId)).toEqual([]);
      expect(statements.filter(([statement]) => statement === atOffsets)).toHaveLength(1);
      // The parts read at those offsets are the node's own statements': it said each one.
      expect(speakers.length).toBeGreaterThan(0);
      expect(new Set(speakers)).toEqual(new Set([id]));
    }
  });

  it('read the properties of the statements they show, not of every statement', async () => {
    const statementCount = Number(
      (await (store as unknown as { rows: Rows }).rows.call(store, 'MATCH (s:Statement) RETURN count(s) AS c'))[0].c,
    );
    for (const id of ids) {
      let shown = 0;
      const statements = await statementsOf(store, async () => {
        const details = await nodeDetails(store, id);
        shown = details.statements.length + details.relations.filter((relation) => relation.statement).length;
      });
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(statementCount / 10);
      for (const [statement, params] of statements) {
        // The statements' parts filter the Statement table (`s`) by offset: a property read there
        // (its id, as the statements' key) came out of the scan for every statement in the table.
        expect(await tuplesOut(store, statement, params, 'SCAN_NODE_TABLE', true, 's'), statement).toBeLessThanOrEqual(
          shown,
        );
      }
    }
  });
});

describe("the reads of a node's neighbours on LadybugDB", () => {
  let ids: string[];
  beforeAll(async () => {
    // Actors of middling degree: their pages are of hubs of several labels, many relationships among them.
    ids = await idsOf(
      store,
      `MATCH (n:Actor)-[e]-() WITH n, count(e) AS degree WHERE degree >= 20 AND degree <= 60
       RETURN n.id AS id ORDER BY id LIMIT 5`,
    );
  });

  it('read the properties of the nodes on the page, not of every node of their tables', async () => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      let page = { nodes: 0, edges: 0 };
      const statements = await statementsOf(store, async () => {
        const found = await store.neighbors(id, { limit: 20, types: [] });
        page = { nodes: found.nodes.length, edges: found.edges.length };
      });
      expect(page.nodes).toBeGreaterThan(10);
      expect(page.edges).toBeGreaterThan(page.nodes);
      for (const [statement, params] of statements) {
        // The ranking reads one column, the degree, of the nodes (cypher/kuzu/neighbor-page.cypher);
        // every other read is of the page: its nodes by primary key, the relationships among them by
        // their offsets. Reading the ids of the ends there read the id of every node of both tables.
        if (statement.includes('ORDER BY')) continue;
        expect(await tuplesOut(store, statement, params, 'SCAN_NODE_TABLE', true), statement).toBeLessThanOrEqual(
          page.nodes,
        );
      }
    }
  });
});

describe('the reads of a shortest path on LadybugDB', () => {
  let pairs: Array<[string, string]>;
  beforeAll(async () => {
    // Actors two or three relationships apart: paths whose nodes are of several labels.
    const rows = await (store as unknown as { rows: Rows }).rows.call(
      store,
      `MATCH (a:Actor)-[]-()-[]-()-[]-(b:Actor) WHERE a.id < b.id
       RETURN DISTINCT a.id AS a, b.id AS b ORDER BY a, b LIMIT 5`,
    );
    pairs = rows.map((row) => [String(row.a), String(row.b)]);
  });

  it("take the path's relationships from the path, not from the tables of its nodes", async () => {
    expect(pairs.length).toBeGreaterThan(0);
    for (const [from, to] of pairs) {
      let found: Awaited<ReturnType<KuzuStore['shortestPath']>> = null;
      const statements = await statementsOf(store, async () => {
        found = await store.shortestPath(from, to, { maxLength: 4, types: [] });
      });
      const path = found as Awaited<ReturnType<KuzuStore['shortestPath']>>;
      expect(path, `${from} to ${to}`).not.toBeNull();
      // One statement, the path search: reading the relationships again among the path's nodes by
      // id compared the ids of every node of each of their tables with the list (1M nodes: seconds).
      expect(statements.map(([statement]) => statement.includes('SHORTEST'))).toEqual([true]);
      // Each relationship joins the nodes it stands between, in the order of the path.
      path!.edges.forEach((edge, i) => {
        expect([edge.source, edge.target].sort()).toEqual([path!.nodes[i].id, path!.nodes[i + 1].id].sort());
      });
      expect(path!.edges.length).toBe(path!.nodes.length - 1);
    }
  });
});

describe('the reads of a whole-graph export on LadybugDB', () => {
  it("read the properties of each page's nodes, not of every node of their table", async () => {
    const pageSize = 100;
    let nodes = 0;
    const seen = await statementsOf(
      store,
      async () => {
        for await (const page of store.nodePages(pageSize)) nodes += page.length;
      },
      'result',
    );
    const actors = Number(
      (await (store as unknown as { rows: Rows }).rows.call(store, 'MATCH (n:Actor) RETURN count(n) AS c'))[0].c,
    );
    expect(actors).toBeGreaterThan(10 * pageSize);
    const pages = seen.filter(([statement]) => statement.includes('(n:Actor'));
    expect(pages.length).toBeGreaterThan(10);
    expect(nodes).toBeGreaterThan(actors);
    for (const [statement, params] of pages.slice(0, 3)) {
      // The page's nodes' columns (`n`) come out of a scan for those nodes only: filtered on the
      // offsets after the scan, every actor's came out for every page (361 s of nodes at 1M).
      expect(await tuplesOut(store, statement, params, 'SCAN_NODE_TABLE', true, 'n'), statement).toBeLessThanOrEqual(
        pageSize,
      );
    }
  });
});
