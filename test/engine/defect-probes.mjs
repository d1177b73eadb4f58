#!/usr/bin/env node
/**
 * Probes for the defects actorgraph worked around on Kuzu 0.11.3, run against an embedded engine
 * package given by path, one probe per process (some defects kill the process):
 *
 *   node test/engine/defect-probes.mjs <engine module path or name> <probe> <scratch dir>
 *
 * Prints one JSON line: what happened. test/engine/engine-defects.test.ts runs it on
 * @ladybugdb/core; bench/store-comparison.ts runs it on the old kuzu too, for the side-by-side.
 * Plain JavaScript so it runs on either engine without a build step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [, , enginePath, probe, scratch] = process.argv;
const engine = (await import(enginePath)).default;
const SCHEMA = readFileSync(new URL('../../cypher/kuzu/schema.cypher', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => !line.trim().startsWith('//'))
  .join('\n')
  .split(/;\s*\n/)
  .map((statement) => statement.trim())
  .filter(Boolean);

async function rows(connection, statement, params) {
  let result;
  if (params) {
    const prepared = await connection.prepare(statement);
    if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
    result = await connection.execute(prepared, params);
  } else {
    result = await connection.query(statement);
  }
  const single = Array.isArray(result) ? result[result.length - 1] : result;
  const all = single.getAllSync();
  for (const each of Array.isArray(result) ? result : [result]) each.close();
  return all;
}

async function open(path, readOnly = false) {
  const database = new engine.Database(path, 256 * 1024 * 1024, true, readOnly);
  await database.init();
  const connection = new engine.Connection(database);
  await connection.init();
  return { database, connection };
}

/** Two Database objects on one path, each writing committed rows: are all rows there after reopening? */
async function twoDatabases() {
  const path = join(scratch, 'two.db');
  const first = await open(path);
  await rows(first.connection, 'CREATE NODE TABLE T(id INT64 PRIMARY KEY)');
  await rows(first.connection, 'UNWIND range(1, 1000) AS i CREATE (:T {id: i})');
  let second;
  try {
    second = await open(path);
  } catch (error) {
    await first.connection.close();
    await first.database.close();
    return { secondOpen: 'refused', message: String(error.message ?? error).slice(0, 200) };
  }
  // Each step may fail (on 0.19.1 the first object's checkpoint finds its WAL renamed away by
  // the second's): record it and go on, the question is what a fresh open finds afterwards.
  const errors = [];
  const step = async (what) => {
    try {
      await what();
    } catch (error) {
      errors.push(String(error.message ?? error).slice(0, 160));
    }
  };
  await step(() => rows(second.connection, 'UNWIND range(1001, 2000) AS i CREATE (:T {id: i})'));
  await step(() => rows(second.connection, 'CHECKPOINT'));
  await step(() => second.connection.close());
  await step(() => second.database.close());
  await step(() => rows(first.connection, 'UNWIND range(2001, 2500) AS i CREATE (:T {id: i})'));
  await step(() => rows(first.connection, 'CHECKPOINT'));
  await step(() => first.connection.close());
  await step(() => first.database.close());
  const again = await open(path);
  const [{ count }] = await rows(again.connection, 'MATCH (t:T) RETURN count(*) AS count');
  await again.connection.close();
  await again.database.close();
  return { secondOpen: 'opened', expected: 2500, found: Number(count), errors };
}

/** An empty list as a parameter, as `IN $ids` and as `UNWIND`: answered, or the process dies. */
async function emptyList() {
  const { database, connection } = await open(join(scratch, 'empty.db'));
  for (const statement of SCHEMA) await rows(connection, statement);
  const inList = await rows(connection, 'MATCH (a)-[e]->(b) WHERE label(e) IN $types RETURN count(*) AS c', {
    types: [],
  });
  const unwound = await rows(connection, 'UNWIND $ids AS id MATCH (n:Actor {id: id}) RETURN count(*) AS c', {
    ids: [],
  });
  await connection.close();
  await database.close();
  return { answered: true, inList: Number(inList[0].c), unwound: Number(unwound[0].c) };
}

/** A write in an explicit transaction to a table with a full-text index. */
async function ftsWrite() {
  const { database, connection } = await open(join(scratch, 'fts.db'));
  try {
    await rows(connection, 'LOAD EXTENSION fts');
  } catch (error) {
    const message = String(error.message ?? error);
    if (!/already loaded/i.test(message)) return { fts: 'not installed', message: message.slice(0, 160) };
  }
  await rows(connection, 'CREATE NODE TABLE D(id STRING PRIMARY KEY, text STRING)');
  await rows(connection, "CREATE (:D {id: 'a', text: 'engines compose music'})");
  await rows(connection, "CALL CREATE_FTS_INDEX('D', 'd_fts', ['text'])");
  await rows(connection, 'BEGIN TRANSACTION');
  // As the writer does: MERGE and SET, updating a row that is in the index and adding one.
  await rows(connection, 'UNWIND $rows AS r MERGE (d:D {id: r.id}) SET d.text = r.text', {
    rows: [
      { id: 'a', text: 'engines compose music again' },
      { id: 'b', text: 'music of the spheres' },
    ],
  });
  await rows(connection, 'COMMIT');
  const found = await rows(connection, "CALL QUERY_FTS_INDEX('D', 'd_fts', 'music') RETURN node.id AS id");
  await connection.close();
  await database.close();
  return { fts: 'installed', survived: true, found: found.map((row) => row.id).sort() };
}

/** A deterministic pseudo-random sequence, so each run builds the same graph. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * The scans that went wrong on several threads: `e.id IN $ids` over all relationship tables
 * (2 calls in 300 answered a wrong relationship on Kuzu 0.11.3) and shortest paths, each call
 * compared with the truth. Runs with the engine's default thread count.
 */
async function threads() {
  const path = join(scratch, 'threads.db');
  const writer = await open(path);
  const connection = writer.connection;
  for (const statement of SCHEMA) await rows(connection, statement);
  const rand = random(7);
  const actors = Array.from({ length: 3000 }, (_, i) => ({ id: `a${i}` }));
  const institutions = Array.from({ length: 600 }, (_, i) => ({ id: `i${i}` }));
  await rows(connection, 'UNWIND $rows AS r CREATE (:Actor {id: r.id})', { rows: actors });
  await rows(connection, 'UNWIND $rows AS r CREATE (:Institution {id: r.id})', { rows: institutions });
  const truth = new Map();
  const tables = [
    ['MET', 'Actor', 'Actor', actors, actors],
    ['CONTACTED', 'Actor', 'Institution', actors, institutions],
    ['CRITICIZED', 'Institution', 'Actor', institutions, actors],
    ['SUPPORTS', 'Actor', 'Actor', actors, actors],
    ['MEMBER_OF', 'Actor', 'Institution', actors, institutions],
  ];
  let n = 0;
  for (const [type, from, to, sources, targets] of tables) {
    const edges = Array.from({ length: 8000 }, () => {
      const edge = {
        id: `e${n++}`,
        source: sources[Math.floor(rand() * sources.length)].id,
        target: targets[Math.floor(rand() * targets.length)].id,
      };
      edge.evidence = `${edge.id} evidence`;
      truth.set(edge.id, `${edge.source}->${edge.target}`);
      return edge;
    });
    // In batches of 500, each its own transaction, as an import writes them.
    for (let i = 0; i < edges.length; i += 500) {
      await rows(
        connection,
        `UNWIND $rows AS r MATCH (a:${from} {id: r.source}), (b:${to} {id: r.target}) ` +
          `MERGE (a)-[e:${type} {id: r.id}]->(b) SET e.rule = 'probe', e.date = '2024-01-01', e.evidence = r.evidence`,
        { rows: edges.slice(i, i + 500) },
      );
    }
  }
  await connection.close();
  await writer.database.close();
  // Read back as the server does: the database opened read-only.
  return readThreads(await open(path, true), truth, actors, rand);
}

async function readThreads({ database, connection }, truth, actors, rand) {
  // The engine's default (one per core) unless PROBE_THREADS asks for more, to provoke races.
  if (process.env.PROBE_THREADS) connection.setMaxNumThreadForExec(Number(process.env.PROBE_THREADS));
  const ids = [...truth.keys()];
  let wrongIdCalls = 0;
  const CALLS = 300;
  for (let call = 0; call < CALLS; call++) {
    const asked = Array.from({ length: 40 }, () => ids[Math.floor(rand() * ids.length)]);
    const found = await rows(
      connection,
      // Whole values, as the store asks (cypher/edges-by-ids.cypher).
      'MATCH (a)-[e]->(b) WHERE e.id IN $ids RETURN a, e, b',
      { ids: asked },
    );
    const expected = new Set(asked);
    const right =
      found.length === expected.size &&
      found.every(
        (row) =>
          expected.has(row.e.id) &&
          row.e.evidence === `${row.e.id} evidence` &&
          truth.get(row.e.id) === `${row.a.id}->${row.b.id}`,
      );
    if (!right) wrongIdCalls += 1;
  }
  // Shortest-path lengths on the default threads against one thread, pair by pair.
  const pairs = Array.from({ length: 100 }, () => [
    actors[Math.floor(rand() * actors.length)].id,
    actors[Math.floor(rand() * actors.length)].id,
  ]);
  const path =
    'MATCH p = (a)-[e* SHORTEST 1..6]-(b) WHERE a.id = $from AND b.id = $to RETURN length(p) AS hops, list_transform(rels(p), x -> x.id) AS ids';
  const lengths = async () => {
    const out = [];
    for (const [from, to] of pairs) {
      const [row] = await rows(connection, path, { from, to });
      // A path is right when its relationships exist and chain from $from to $to.
      let at = from;
      let chained = true;
      for (const id of row?.ids ?? []) {
        const [source, target] = (truth.get(id) ?? '->').split('->');
        if (source === at) at = target;
        else if (target === at) at = source;
        else chained = false;
      }
      out.push({ hops: row ? Number(row.hops) : null, chained: chained && (!row || at === to) });
    }
    return out;
  };
  const many = await lengths();
  connection.setMaxNumThreadForExec(1);
  const one = await lengths();
  await connection.close();
  await database.close();
  return {
    calls: CALLS,
    wrongIdCalls,
    paths: pairs.length,
    brokenPaths: many.filter((result) => !result.chained).length,
    lengthsDiffer: many.filter((result, i) => result.hops !== one[i].hops).length,
  };
}

/**
 * A CHECKPOINT that runs out of buffer pool (a small pool, a write reaching every node group of a
 * relationship table with long properties), then more committed writes: what does the next open
 * hold? LadybugDB 0.19.1 reports the later commits as done and loses them.
 */
async function failedCheckpoint() {
  const path = join(scratch, 'checkpoint.db');
  const open = async (poolBytes, autoCheckpoint) => {
    const database = new engine.Database(path, poolBytes, true, false, 0, autoCheckpoint, -1, false);
    await database.init();
    const connection = new engine.Connection(database);
    await connection.init();
    return { database, connection };
  };
  const close = async ({ database, connection }) => {
    await connection.close();
    await database.close();
  };
  const NODES = 8192;
  const setup = await open(1024 * 1024 * 1024, true);
  await rows(setup.connection, 'CREATE NODE TABLE N(id INT64 PRIMARY KEY)');
  await rows(setup.connection, 'CREATE REL TABLE R(FROM N TO N, s STRING)');
  await rows(setup.connection, `UNWIND range(0, ${NODES - 1}) AS i CREATE (:N {id: i})`);
  const long = 'x'.repeat(400);
  for (let k = 1; k <= 20; k++) {
    await rows(
      setup.connection,
      `MATCH (a:N) WITH a MATCH (b:N {id: (a.id + ${k}) % ${NODES}}) CREATE (a)-[:R {s: '${long}' + string(a.id)}]->(b)`,
    );
  }
  await rows(setup.connection, 'CHECKPOINT');
  await close(setup);
  const small = await open(16 * 1024 * 1024, false);
  const committed = [];
  const checkpoints = [];
  for (let round = 0; round < 3; round++) {
    // One relationship on every 64th node: every node group of R is rewritten at checkpoint.
    await rows(small.connection, 'BEGIN TRANSACTION');
    await rows(
      small.connection,
      `UNWIND range(${round}, ${NODES - 1}, 64) AS i MATCH (a:N {id: i}), (b:N {id: (i + 100) % ${NODES}}) CREATE (a)-[:R {s: 'new'}]->(b)`,
    );
    await rows(small.connection, 'COMMIT');
    committed.push(NODES / 64);
    checkpoints.push(
      await rows(small.connection, 'CHECKPOINT').then(
        () => 'done',
        (error) => String(error.message ?? error).slice(0, 200),
      ),
    );
  }
  await close(small);
  const reopened = await open(1024 * 1024 * 1024, true);
  const [{ n }] = await rows(reopened.connection, "MATCH ()-[e:R {s: 'new'}]->() RETURN count(e) AS n");
  await close(reopened);
  return { checkpoints, committed: committed.reduce((a, b) => a + b, 0), firstWrite: NODES / 64, found: Number(n) };
}

const probes = {
  'two-databases': twoDatabases,
  'empty-list': emptyList,
  'fts-write': ftsWrite,
  threads,
  'failed-checkpoint': failedCheckpoint,
};
const result = await probes[probe]();
console.log(JSON.stringify({ engine: engine.VERSION, probe, ...result }));
