/**
 * The query contract of cypher/README.md holds: the names the store code loads are the names the
 * table lists; each dialect resolves each of its names, with the splices and parameters listed; and
 * each query, run on a small real database of each store (Neo4j when NEO4J_URI is set), returns the
 * columns the code reads.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { DIALECTS, type Dialect } from '../../server/domain/stores.js';
import { loadCypher } from '../../server/store/cypher-files.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { KuzuStore } from '../../server/store/kuzu/kuzu-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { sampleGraph } from '../helpers/sample-graph.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

interface ContractRow {
  name: string;
  /** The dialects with a file of their own; empty: the shared file serves both. */
  dialects: Dialect[];
  script: boolean;
  splices: string[];
  params: string[];
  columns: string[];
}

const CYPHER_DIR = join(REPO_ROOT, 'cypher');

/** `\`a\`, \`b\`` → ['a', 'b']; `–` → []. */
function codeList(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

function readContract(): ContractRow[] {
  const text = readFileSync(join(CYPHER_DIR, 'README.md'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [name, files, splices, params, columns] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return {
        name: codeList(name)[0],
        dialects: files === 'shared' ? [] : (files.split(',').map((each) => each.trim()) as Dialect[]),
        script: splices === 'script',
        splices: codeList(splices).map((splice) => splice.slice(1, -1)),
        // `$from{n}`: the part's number is spliced after the name.
        params: codeList(params).map((param) => param.replace('{n}', '').slice(1)),
        columns: codeList(columns),
      };
    });
}

const CONTRACT = readContract();

/** The query names the store code passes to loadCypher, this.query, this.labelled or this.pathStatement. */
function namesTheCodeLoads(): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const call of source.matchAll(
          /(?:loadCypher|this\.query|this\.labelled|this\.pathStatement)\(([^,)]*)/g,
        )) {
          for (const literal of call[1].matchAll(/'([a-z-]+)'/g)) names.add(literal[1]);
        }
      }
    }
  };
  visit(join(REPO_ROOT, 'server', 'store'));
  return names;
}

/** The rows that apply to a dialect: the shared ones and its own. */
function rowsOf(dialect: Dialect): ContractRow[] {
  const own = CONTRACT.filter((row) => row.dialects.includes(dialect));
  const replaced = new Set(own.map((row) => row.name));
  return [...CONTRACT.filter((row) => row.dialects.length === 0 && !replaced.has(row.name)), ...own];
}

function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
}

describe('the query contract (cypher/README.md)', () => {
  it('lists every query name the store code loads, and no other', () => {
    expect(CONTRACT.length).toBeGreaterThan(20);
    expect([...new Set(CONTRACT.map((row) => row.name))].sort()).toEqual([...namesTheCodeLoads()].sort());
  });

  it('names the files that exist: a shared file, or one per dialect listed', () => {
    for (const row of CONTRACT) {
      const shared = existsSync(join(CYPHER_DIR, `${row.name}.cypher`));
      const sharedRow = CONTRACT.some((each) => each.name === row.name && each.dialects.length === 0);
      expect(shared, row.name).toBe(sharedRow);
      for (const dialect of row.dialects) {
        expect(existsSync(join(CYPHER_DIR, dialect, `${row.name}.cypher`)), `${dialect}/${row.name}`).toBe(true);
      }
    }
  });

  describe.each(DIALECTS)('%s', (dialect) => {
    it.each(rowsOf(dialect).map((row) => [row.name, row] as const))(
      '%s resolves with the splices and parameters listed',
      (_name, row) => {
        const text = withoutComments(loadCypher(row.name, dialect));
        if (row.script) return;
        const splices = new Set([...text.matchAll(/\{([A-Za-z]+)\}/g)].map((match) => match[1]));
        const params = new Set([...text.matchAll(/\$([A-Za-z]\w*)/g)].map((match) => match[1]));
        expect([...splices].sort()).toEqual([...row.splices].sort());
        expect([...params].sort()).toEqual([...row.params].sort());
      },
    );
  });
});

/** Values for the splices and parameters that make each query find something in sampleGraph(). */
const ADA = 'actor:ada-lovelace';
const FIXTURES: Record<string, { splices?: Record<string, string>; params?: Record<string, unknown> }> = {
  'document-titles': { params: { ids: ['doc:1'] } },
  'edges-among': {
    splices: { from: 'Actor', to: 'Statement', n: '0' },
    params: { from0: [ADA], to0: ['stmt:engines'] },
  },
  'edges-by-ids': { splices: { label: ':Actor', type: ':SAID' }, params: { ids: [`SAID:${ADA}->stmt:engines`] } },
  'edges-page': { splices: { type: 'SAID', from: 'Actor', to: 'Statement' }, params: { after: '', limit: 10 } },
  'incident-edges': { splices: { label: ':Actor', types: '' }, params: { id: ADA } },
  'incident-counts': { splices: { label: ':Actor' }, params: { id: ADA } },
  'incident-brief': { splices: { label: ':Actor', types: '' }, params: { id: ADA } },
  'incident-brief-first': { splices: { label: ':Actor', types: ':MET' }, params: { id: ADA, limit: 5 } },
  'incident-edges-of': { splices: { label: ':Actor', types: ':SAID|MET' }, params: { ids: [ADA] } },
  neighborhood: { splices: { label: ':Actor', depth: '2' }, params: { id: ADA, limit: 10 } },
  neighbors: { splices: { label: ':Actor' }, params: { id: ADA, types: [], skip: 0, limit: 10 } },
  'node-by-id': { splices: { label: ':Actor' }, params: { id: ADA } },
  'node-degree': { splices: { label: ':Actor' }, params: { id: ADA } },
  'nodes-by-ids': { splices: { label: '' }, params: { ids: [ADA, 'doc:1'] } },
  'nodes-page': { splices: { label: ':Actor' }, params: { after: '', limit: 10 } },
  overview: { params: { limit: 10 } },
  'search-names': { params: { q: 'lovel', key: 'lovel', limit: 10 } },
  'search-text': { splices: { label: 'Statement', property: 'text' }, params: { terms: ['music'], limit: 10 } },
  'shortest-path': {
    splices: { types: '', maxLength: '4', fromLabel: ':Actor', toLabel: '' },
    params: { from: 'actor:charles-babbage', to: 'stmt:engines' },
  },
  'all-shortest-paths': {
    splices: { types: '', maxLength: '4', fromLabel: ':Actor', toLabel: '' },
    params: { from: 'actor:charles-babbage', to: 'stmt:engines', limit: 5 },
  },
  'statement-parts': { params: { ids: ['stmt:engines'] } },
  'search-fts': {
    splices: { table: 'Statement', index: 'statement_fts' },
    params: { q: 'music', limit: 10 },
  },
};

/** LadybugDB's own pages and relationships among nodes (cypher/kuzu): ranges of offsets, plain columns. */
const KUZU_FIXTURES: typeof FIXTURES = {
  'edges-among': {
    splices: { from: 'Actor', to: 'Statement', n: '0', columns: 'e.id AS id' },
    params: { from0: [ADA], to0: ['stmt:engines'] },
  },
  'edges-page': {
    splices: { type: 'SAID', from: 'Actor', to: 'Statement', columns: 'e.id AS id' },
    params: { first: 0, stop: 100 },
  },
  'nodes-page': { splices: { label: ':Actor', columns: 'n.id AS id' }, params: { first: 0, stop: 100 } },
  'nodes-page-by-key': { splices: { label: ':Actor', columns: 'n.id AS id' }, params: { first: 0, stop: 100 } },
  'last-offset': { splices: { label: ':Actor' } },
  // Offsets in a fresh database of the sample graph: its first Actor and first Statement.
  'edges-among-offsets': {
    splices: { from: 'Actor', to: 'Statement', n: '0', columns: 'e.id AS id' },
    params: { from0: [0, 1, 2, 3], to0: [0, 1, 2, 3] },
  },
  'edges-from-offsets': {
    splices: { from: 'Actor', n: '0', columns: 'e.id AS id' },
    params: { from0: [0, 1, 2, 3], to: [0, 1, 2, 3] },
  },
  'statement-parts-at': { params: { offsets: [0, 1, 2, 3] } },
  'statement-offsets': { params: { ids: ['stmt:engines'] } },
  'neighbor-page': { splices: { label: ':Actor' }, params: { id: ADA, types: [], skip: 0, limit: 20 } },
  'neighbor-page-counted': { splices: { label: ':Actor' }, params: { id: ADA, types: [], skip: 0, limit: 20 } },
  'overview-counted': { params: { limit: 10 } },
  'overview-nodes': { splices: { label: ':Actor', columns: 'n.id AS id' }, params: { degree: 0, lastId: ADA } },
  'overview-edges': { splices: { columns: 'e.id AS id' }, params: { degree: 0, lastId: ADA, limit: 10 } },
  'overview-edge-count': { params: { degree: 0, lastId: ADA } },
};

/** Neo4j names its full-text indexes differently (cypher/neo4j/schema.cypher). */
const NEO4J_FIXTURES: typeof FIXTURES = {
  'search-fts': { splices: { index: 'statement_fulltext' }, params: { q: 'music', limit: 10 } },
};

type Rows = (statement: string, params?: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

function describeColumns(
  dialect: Dialect,
  open: () => Promise<GraphStore>,
  fixtures: typeof FIXTURES,
  skip: (name: string, store: GraphStore) => boolean,
): void {
  describe(`the columns each query returns on ${dialect}`, () => {
    let store: GraphStore;
    let rows: Rows;
    beforeAll(async () => {
      store = await open();
      await store.writeBatch(sampleGraph());
      // The stores' own way to run a statement (protected: the contract is about the text).
      rows = (store as unknown as { rows: Rows }).rows.bind(store);
    });
    afterAll(async () => {
      await store?.close();
    });

    it.for(rowsOf(dialect).filter((row) => !row.script))('$name', async (row, context) => {
      if (skip(row.name, store)) context.skip(`${row.name}: not available on this machine`);
      const fixture = fixtures[row.name] ?? {};
      let statement = loadCypher(row.name, dialect);
      for (const [name, value] of Object.entries(fixture.splices ?? {})) {
        statement = statement.replaceAll(`{${name}}`, value);
      }
      const found = await rows(statement, fixture.params ?? {});
      expect(found.length, `${row.name} found nothing in the sample graph`).toBeGreaterThan(0);
      for (const each of found) expect(Object.keys(each)).toEqual(expect.arrayContaining(row.columns));
    });
  });
}

afterAll(removeTempDirs);

describeColumns(
  'kuzu',
  () => KuzuStore.open({ path: join(tempDir(), 'contract.lbug'), readOnly: false }),
  { ...FIXTURES, ...KUZU_FIXTURES },
  // Full-text search needs the fts extension, which an offline machine may not have installed.
  (name, store) => name === 'search-fts' && !(store as unknown as { fullText: boolean }).fullText,
);

const uri = process.env.NEO4J_URI;
if (uri) {
  describeColumns(
    'neo4j',
    async () => {
      const store = await Neo4jStore.open({
        uri,
        ...(process.env.NEO4J_USER ? { user: process.env.NEO4J_USER } : {}),
        ...(process.env.NEO4J_PASSWORD ? { password: process.env.NEO4J_PASSWORD } : {}),
        ...(process.env.NEO4J_DATABASE ? { database: process.env.NEO4J_DATABASE } : {}),
      });
      await store.deleteEverything();
      return store;
    },
    { ...FIXTURES, ...NEO4J_FIXTURES },
    () => false,
  );
} else {
  describe.skip('the columns each query returns on neo4j (set NEO4J_URI to run)', () => {
    it('needs a Neo4j server', () => undefined);
  });
}
