/**
 * The GraphStore contract: one suite, run against every store implementation (Kuzu always,
 * Neo4j when NEO4J_URI is set). A store is opened for writing, closed, then opened for reading,
 * the way the CLI imports and the server serves.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeEvidence,
  encodeEvidence,
  type GraphBatch,
  type GraphEdge,
  type GraphNode,
} from '../../server/domain/graph.js';
import { searchHits } from '../../server/explore/graph-views.js';
import { capOverviewEdges } from '../../server/store/overview-edges.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { mergeCarried } from '../../server/importer/merge-carried.js';
import { entity, sampleGraph } from '../helpers/sample-graph.js';
import { tempDir } from '../helpers/temp-dir.js';

export interface StoreFactory {
  /** A fresh, empty store opened for writing. */
  openWriter(): Promise<GraphStore>;
  /** The same database opened for reading (console queries allowed). */
  openReader(): Promise<GraphStore>;
  /** A write our keyword guard does not see (a procedure call): the database itself must refuse it. */
  sneakyWrite: string;
}

const HOSTILE = 'Zoë "Q" <img src=x onerror=alert(1)> & Ünïcödé 🕊️\nsecond line';

export function describeGraphStoreContract(name: string, factory: StoreFactory): void {
  describe(`GraphStore contract: ${name}`, () => {
    let reader: GraphStore;
    const graph: GraphBatch = sampleGraph();

    beforeAll(async () => {
      const writer = await factory.openWriter();
      graph.nodes.push({
        id: 'actor:hostile',
        label: 'Actor',
        properties: {
          name: HOSTILE,
          kind: 'person',
          aliases: ['a,b', 'c"d'],
          description: null,
          searchText: HOSTILE,
          rule: 'test',
          confidence: 0.5,
          evidence: null,
        },
      });
      // Names for search: spelling variants, and short names inside longer ones. No relationships.
      graph.nodes.push(
        entity('actor:ilham-aliyev', 'Actor', 'Ilham Aliyev', 'person', ['Aliyev']),
        entity('actor:volodymyr-zelenskiy', 'Actor', 'Volodymyr Zelenskiy', 'person', ['Zelenskiy']),
        entity('place:united-states', 'Place', 'United States', 'country', ['US', 'USA', 'America']),
        entity('inst:usaid', 'Institution', 'USAID', 'agency'),
        entity('place:russia', 'Place', 'Russia', 'country'),
      );
      await writer.writeBatch(graph);
      await writer.writeBatch(graph); // idempotent: a second write changes nothing
      const second = sampleGraph();
      const met = second.edges.find((edge) => edge.type === 'MET')!;
      met.properties.evidence = encodeEvidence([
        { documentId: 'doc:2', sentence: 'They met again.', start: 5, end: 20 },
      ]);
      // A run of batch writes (as a streaming import makes them) merges like a single write.
      const run = await writer.beginWrites();
      await run.write(await mergeCarried(writer, { nodes: [], edges: [met] }));
      await run.finish();
      await writer.close();
      reader = await factory.openReader();
    });

    afterAll(async () => {
      await reader?.close();
    });

    it('counts nodes by label and relationships by type, once each despite two writes', async () => {
      const stats = await reader.stats();
      expect(stats.nodes).toMatchObject({ Actor: 6, Institution: 2, Place: 2, Statement: 1, Document: 1 });
      expect(stats.relationships).toMatchObject({
        SAID: 1,
        REPORTED_IN: 1,
        HOLDS_ROLE: 1,
        MET: 1,
        ABOUT: 1,
        MENTIONED_IN: 2,
      });
      expect(stats.totalNodes).toBe(12);
      expect(stats.totalRelationships).toBe(7);
    });

    it('keeps every property as written: lists, numbers, hostile and non-Latin text', async () => {
      const ada = await reader.getNode('actor:ada-lovelace');
      expect(ada).toMatchObject({
        label: 'Actor',
        properties: { name: 'Ada Lovelace', kind: 'person', aliases: ['Lovelace', 'Ms. Lovelace'], confidence: 1 },
      });
      const hostile = await reader.getNode('actor:hostile');
      expect(hostile?.properties.name).toBe(HOSTILE);
      expect(hostile?.properties.aliases).toEqual(['a,b', 'c"d']);
      const document = await reader.getNode('doc:1');
      expect(document?.properties).toMatchObject({ title: 'Engines & <Music>', wordCount: 14, authors: ['Jane Doe'] });
      expect(await reader.getNode('actor:nobody')).toBeNull();
    });

    it('merges evidence for one fact seen in two documents into one relationship', async () => {
      const [met] = await reader.findEdges(['MET:actor:ada-lovelace->actor:charles-babbage']);
      const documents = decodeEvidence(met.properties.evidence)
        .map((item) => item.documentId)
        .sort();
      expect(documents).toEqual(['doc:1', 'doc:2']);
    });

    it('lists incident edges with their direction and the node at the other end', async () => {
      const incident = await reader.incidentEdges('stmt:engines');
      const said = incident.find((item) => item.edge.type === 'SAID');
      expect(said).toMatchObject({ direction: 'in', other: { id: 'actor:ada-lovelace' } });
      const reported = incident.find((item) => item.edge.type === 'REPORTED_IN');
      expect(reported).toMatchObject({ direction: 'out', other: { id: 'doc:1', label: 'Document' } });
      expect(reported!.edge.properties).toMatchObject({
        startOffset: 0,
        sentence: expect.stringContaining('Ada Lovelace'),
      });
      expect(await reader.degree('stmt:engines')).toBe(3);
    });

    it('ranks neighbours by their connections, pages them and filters by type', async () => {
      const all = await reader.neighbors('actor:ada-lovelace', { limit: 10, types: [] });
      expect(all.nodes[0].id).toBe('actor:ada-lovelace');
      expect(all.nodes.map((node) => node.id)).toEqual(
        expect.arrayContaining(['stmt:engines', 'inst:analytical-society', 'actor:charles-babbage', 'doc:1']),
      );
      const first = await reader.neighbors('actor:ada-lovelace', { limit: 1, types: [] });
      expect(first.nodes[1].id).toBe('doc:1'); // the document is the best connected neighbour
      const next = await reader.neighbors('actor:ada-lovelace', { limit: 1, skip: 1, types: [] });
      expect(next.nodes[1].id).not.toBe('doc:1');
      const onlyMet = await reader.neighbors('actor:ada-lovelace', { limit: 10, types: ['MET'] });
      expect(onlyMet.nodes.map((node) => node.id).sort()).toEqual(['actor:ada-lovelace', 'actor:charles-babbage']);
      expect(onlyMet.edges.map((edge) => edge.type)).toEqual(['MET']);
    });

    it('ranks every neighbour by its degree, ties by id, and pages through them without gaps', async () => {
      const all = await reader.neighbors('actor:ada-lovelace', { limit: 50, types: [] });
      const ranked = await Promise.all(
        all.nodes.slice(1).map(async (node) => ({ id: node.id, degree: await reader.degree(node.id) })),
      );
      const expected = [...ranked].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
      expect(ranked).toEqual(expected);
      const paged: string[] = [];
      for (let skip = 0; skip < ranked.length; skip += 2) {
        const page = await reader.neighbors('actor:ada-lovelace', { limit: 2, skip, types: [] });
        paged.push(...page.nodes.slice(1).map((node) => node.id));
      }
      expect(paged).toEqual(ranked.map((item) => item.id));
    });

    it('draws a page of neighbours with every relationship among its nodes, none to a node off it, without their sentences', async () => {
      // Pages of one, two and more: on LadybugDB a page's relationships are read by the nodes'
      // offsets in their tables, and nodes of different tables share offsets.
      for (const [limit, skip] of [
        [1, 0],
        [2, 0],
        [2, 2],
        [3, 1],
        [50, 0],
      ]) {
        const page = await reader.neighbors('actor:ada-lovelace', { limit, skip, types: [] });
        const onPage = new Set(page.nodes.map((node) => node.id));
        const among = graph.edges.filter((edge) => onPage.has(edge.source) && onPage.has(edge.target));
        expect([...new Set(page.edges.map((edge) => edge.id))].sort()).toEqual(
          [...new Set(among.map((edge) => edge.id))].sort(),
        );
        for (const edge of page.edges) {
          for (const key of ['evidence', 'spans', 'sentence']) expect(edge.properties).not.toHaveProperty(key);
        }
      }
      const met = (await reader.neighbors('actor:ada-lovelace', { limit: 50, types: ['MET'] })).edges[0];
      expect(met.properties).toMatchObject({ date: '2024-04-30' });
      const [opened] = await reader.findEdges([met.id]);
      expect(decodeEvidence(opened.properties.evidence).length).toBeGreaterThan(0);
    });

    describe('shortest paths', () => {
      const all = { maxLength: 6, types: [] as string[] };

      /** Each edge joins the node before it to the node after it, in either direction. */
      function expectConnected(path: { nodes: GraphNode[]; edges: GraphEdge[] }): void {
        expect(path.nodes).toHaveLength(path.edges.length + 1);
        path.edges.forEach((edge, index) => {
          const ends = [path.nodes[index].id, path.nodes[index + 1].id].sort();
          expect([edge.source, edge.target].sort()).toEqual(ends);
        });
      }

      it('finds a shortest path between two actors, ignoring direction, from one end to the other', async () => {
        // Babbage -MET- Ada, then to Ruritania through her statement or the document: 3 steps.
        const path = await reader.shortestPath('actor:charles-babbage', 'actor:ruritania', all);
        expect(path).not.toBeNull();
        expect(path!.nodes[0].id).toBe('actor:charles-babbage');
        expect(path!.nodes.at(-1)!.id).toBe('actor:ruritania');
        expect(path!.edges).toHaveLength(3);
        expect(path!.edges[0]).toMatchObject({ type: 'MET', source: 'actor:ada-lovelace' });
        expectConnected(path!);
        const back = await reader.shortestPath('actor:ruritania', 'actor:charles-babbage', all);
        expect(back!.nodes[0].id).toBe('actor:ruritania');
        expect(back!.edges).toHaveLength(3);
        expectConnected(back!);
      });

      it('finds a one-step path, and none within a too small maxLength', async () => {
        const direct = await reader.shortestPath('actor:charles-babbage', 'actor:ada-lovelace', all);
        expect(direct!.nodes.map((node) => node.id)).toEqual(['actor:charles-babbage', 'actor:ada-lovelace']);
        expect(direct!.edges.map((edge) => edge.type)).toEqual(['MET']);
        expect(
          await reader.shortestPath('actor:charles-babbage', 'actor:ruritania', { ...all, maxLength: 2 }),
        ).toBeNull();
        expect(await reader.shortestPath('actor:charles-babbage', 'actor:hostile', all)).toBeNull();
        expect(await reader.shortestPath('actor:charles-babbage', 'actor:nobody', all)).toBeNull();
      });

      it('follows only the relationship types asked for', async () => {
        const viaStatement = await reader.shortestPath('actor:charles-babbage', 'actor:ruritania', {
          maxLength: 6,
          types: ['MET', 'SAID', 'ABOUT'],
        });
        expect(viaStatement!.nodes.map((node) => node.id)).toEqual([
          'actor:charles-babbage',
          'actor:ada-lovelace',
          'stmt:engines',
          'actor:ruritania',
        ]);
        expect(viaStatement!.edges.map((edge) => edge.type)).toEqual(['MET', 'SAID', 'ABOUT']);
        expect(viaStatement!.nodes[2]).toMatchObject({
          label: 'Statement',
          properties: { text: 'Engines will compose music' },
        });
        const viaDocument = await reader.shortestPath('actor:charles-babbage', 'actor:ruritania', {
          maxLength: 6,
          types: ['MET', 'MENTIONED_IN'],
        });
        expect(viaDocument!.nodes.map((node) => node.id)).toEqual([
          'actor:charles-babbage',
          'actor:ada-lovelace',
          'doc:1',
          'actor:ruritania',
        ]);
        expectConnected(viaDocument!);
        expect(
          await reader.shortestPath('actor:charles-babbage', 'actor:ruritania', { maxLength: 6, types: ['MET'] }),
        ).toBeNull();
      });

      it('finds every shortest path, each from one end to the other, and only shortest ones', async () => {
        // Babbage -MET- Ada, then to Ruritania through her statement (SAID, ABOUT) or the document (MENTIONED_IN twice).
        const paths = await reader.allShortestPaths('actor:charles-babbage', 'actor:ruritania', all, 10);
        expect(paths.length).toBeGreaterThanOrEqual(2);
        for (const path of paths) {
          expect(path.nodes[0].id).toBe('actor:charles-babbage');
          expect(path.nodes.at(-1)!.id).toBe('actor:ruritania');
          expect(path.edges).toHaveLength(3);
          expectConnected(path);
        }
        const middles = paths.map((path) => path.nodes[2].id);
        expect(middles).toEqual(expect.arrayContaining(['stmt:engines', 'doc:1']));
        expect(new Set(paths.map((path) => path.edges.map((edge) => edge.id).join(','))).size).toBe(paths.length);
        // The limit, the types and no path at all.
        expect(await reader.allShortestPaths('actor:charles-babbage', 'actor:ruritania', all, 1)).toHaveLength(1);
        const viaStatement = await reader.allShortestPaths(
          'actor:charles-babbage',
          'actor:ruritania',
          { maxLength: 6, types: ['MET', 'SAID', 'ABOUT'] },
          10,
        );
        expect(viaStatement.map((path) => path.nodes.map((node) => node.id))).toEqual([
          ['actor:charles-babbage', 'actor:ada-lovelace', 'stmt:engines', 'actor:ruritania'],
        ]);
        expect(await reader.allShortestPaths('actor:charles-babbage', 'actor:hostile', all, 10)).toEqual([]);
      });

      it('refuses an unknown relationship type or a path length out of range', async () => {
        await expect(
          reader.shortestPath('actor:charles-babbage', 'actor:ruritania', { maxLength: 6, types: ['MET]-()-[x'] }),
        ).rejects.toThrow(/unknown relationship type/);
        await expect(
          reader.shortestPath('actor:charles-babbage', 'actor:ruritania', { maxLength: 9, types: [] }),
        ).rejects.toThrow(/maxLength/);
      });
    });

    it('suggests names by prefix and finds statements by their words', async () => {
      const byPrefix = await searchHits(reader, 'lovel', 5);
      expect(byPrefix[0]).toMatchObject({ id: 'actor:ada-lovelace', label: 'Actor', caption: 'Ada Lovelace' });
      const byAlias = await searchHits(reader, 'babbage', 5);
      expect(byAlias.map((hit) => hit.id)).toContain('actor:charles-babbage');
      const byStatement = await searchHits(reader, 'compose music', 5);
      expect(byStatement.map((hit) => hit.id)).toContain('stmt:engines');
      expect(await searchHits(reader, 'zzzz-no-such-thing', 5)).toEqual([]);
    });

    it('finds names by their common spelling variants', async () => {
      expect((await searchHits(reader, 'Aliev', 5))[0]?.id).toBe('actor:ilham-aliyev');
      expect((await searchHits(reader, 'Zelensky', 5))[0]?.id).toBe('actor:volodymyr-zelenskiy');
      expect((await searchHits(reader, 'zelenskyy', 5))[0]?.id).toBe('actor:volodymyr-zelenskiy');
      expect((await searchHits(reader, 'Babage', 5))[0]?.id).toBe('actor:charles-babbage');
    });

    it('ranks an exact name or alias above longer names that contain it', async () => {
      const hits = await searchHits(reader, 'US', 10);
      expect(hits.slice(0, 3).map((hit) => hit.id)).toEqual(['place:united-states', 'inst:usaid', 'place:russia']);
      expect((await searchHits(reader, 'united states', 5))[0]?.id).toBe('place:united-states');
    });

    it('finds a statement by words that appear in it in another order or form', async () => {
      const hits = await searchHits(reader, 'music compose', 5);
      expect(hits.map((hit) => hit.id)).toContain('stmt:engines');
      expect(hits.find((hit) => hit.id === 'stmt:engines')?.snippet).toBe('Engines will compose music');
    });

    it('draws an overview of the most connected nodes with the edges among them', async () => {
      const overview = await reader.overview(3, 100);
      expect(overview.nodes).toHaveLength(3);
      expect(overview.nodes[0].id).toBe('actor:ada-lovelace');
      const ids = new Set(overview.nodes.map((node) => node.id));
      for (const edge of overview.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    });

    it('caps the relationships among the overview, the busiest nodes’ first, and says how many there are', async () => {
      const all = await reader.overview(20, 100);
      expect(all.nodes).toHaveLength(12);
      expect(all.totalEdges).toBe(all.edges.length);
      // Every node is in, so every relationship is: the degrees are counted from them.
      const degrees = new Map<string, number>();
      for (const edge of all.edges)
        for (const end of [edge.source, edge.target]) degrees.set(end, (degrees.get(end) ?? 0) + 1);
      const capped = await reader.overview(20, 3);
      expect(capped.nodes.map((node) => node.id)).toEqual(all.nodes.map((node) => node.id));
      expect(capped.totalEdges).toBe(all.edges.length);
      expect(capped.edges.map((edge) => edge.id)).toEqual(
        capOverviewEdges(all.edges, degrees, 3).edges.map((edge) => edge.id),
      );
      // The busiest node's relationships come first.
      const busiest = all.nodes[0].id;
      expect([capped.edges[0].source, capped.edges[0].target]).toContain(busiest);
      // Whatever the limit (cutting through nodes of equal degree or not): every relationship among
      // the nodes it keeps, and none to a node it left out.
      for (let limit = 1; limit <= 12; limit++) {
        const some = await reader.overview(limit, 100);
        const ids = new Set(some.nodes.map((node) => node.id));
        const among = all.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
        expect(some.edges.map((edge) => edge.id).sort(), `limit ${limit}`).toEqual(among.map((edge) => edge.id).sort());
        expect(some.totalEdges).toBe(among.length);
      }
    });

    it('says how many relationships there are among each capped overview, asked again or for other nodes', async () => {
      const all = await reader.overview(20, 100);
      // Limits going up, then down and repeated: a count kept for one set of nodes is not another's.
      for (const limit of [2, 5, 8, 12, 8, 5, 5, 2]) {
        const capped = await reader.overview(limit, 1);
        const ids = new Set(capped.nodes.map((node) => node.id));
        const among = all.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
        expect(capped.edges.length, `limit ${limit}`).toBe(Math.min(1, among.length));
        expect(capped.totalEdges, `limit ${limit}`).toBe(among.length);
      }
    });

    it("draws the overview's relationships without their sentences, which opening one reads", async () => {
      const overview = await reader.overview(20, 100);
      const met = overview.edges.find((edge) => edge.type === 'MET')!;
      expect(met.properties).toMatchObject({ date: '2024-04-30' });
      for (const edge of overview.edges) {
        for (const key of ['evidence', 'spans', 'sentence']) expect(edge.properties).not.toHaveProperty(key);
      }
      const [opened] = await reader.findEdges([met.id]);
      expect(decodeEvidence(opened.properties.evidence).length).toBeGreaterThan(0);
    });

    it('exports the whole graph with the properties it was given', async () => {
      const exported = await reader.exportAll();
      expect(exported.nodes).toHaveLength(12);
      expect(exported.edges).toHaveLength(7);
      const role = exported.edges.find((edge) => edge.type === 'HOLDS_ROLE');
      expect(role).toMatchObject({
        source: 'actor:ada-lovelace',
        target: 'inst:analytical-society',
        properties: { title: 'head', status: 'current' },
      });
    });

    it('describes its schema: labels, relationship types and property keys', async () => {
      const schema = await reader.schema();
      expect(schema.labels.map((entry) => entry.label)).toEqual(
        expect.arrayContaining(['Actor', 'Institution', 'Statement', 'Document', 'Place']),
      );
      expect(schema.relationshipTypes.map((entry) => entry.type)).toEqual(
        expect.arrayContaining(['SAID', 'HOLDS_ROLE', 'MENTIONED_IN']),
      );
      expect(schema.propertyKeys).toEqual(expect.arrayContaining(['name', 'aliases', 'text', 'title']));
    });

    describe('console queries', () => {
      const limits = { limit: 100, timeoutMs: 2000 };

      it('returns columns, rows and the graph of the nodes and relationships in the result', async () => {
        const result = await reader.runReadQuery(
          'MATCH (a:Actor)-[r:HOLDS_ROLE]->(i:Institution) RETURN a, r, i.name AS institution',
          {},
          limits,
        );
        expect(result.columns).toEqual(['a', 'r', 'institution']);
        expect(result.rows).toHaveLength(1);
        expect(result.rows[0].institution).toBe('Analytical Society');
        expect(result.graph.nodes.map((node) => node.id).sort()).toEqual([
          'actor:ada-lovelace',
          'inst:analytical-society',
        ]);
        expect(result.graph.edges[0]).toMatchObject({
          type: 'HOLDS_ROLE',
          source: 'actor:ada-lovelace',
          target: 'inst:analytical-society',
        });
      });

      it('takes parameters and refuses a query whose parameter is missing', async () => {
        const result = await reader.runReadQuery(
          'MATCH (a:Actor) WHERE a.name = $name RETURN a.kind AS kind',
          { name: 'Ruritania' },
          limits,
        );
        expect(result.rows).toEqual([{ kind: 'state' }]);
        await expect(
          reader.runReadQuery('MATCH (a:Actor) WHERE a.name = $name RETURN a', {}, limits),
        ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('$name') });
      });

      it('stops at the row limit and says the result was truncated', async () => {
        const result = await reader.runReadQuery('MATCH (n) RETURN n.id AS id', {}, { ...limits, limit: 2 });
        expect(result.rows).toHaveLength(2);
        expect(result.truncated).toBe(true);
      });

      it('refuses writes and changes nothing', async () => {
        await expect(
          reader.runReadQuery("MATCH (a:Actor) SET a.name = 'x' RETURN a", {}, limits),
        ).rejects.toMatchObject({ status: 403 });
        await expect(
          reader.runReadQuery("CREATE (:Actor {id: 'actor:new', name: 'New'})", {}, limits),
        ).rejects.toMatchObject({ status: 403 });
        await expect(reader.runReadQuery('MATCH (n) DETACH DELETE n', {}, limits)).rejects.toMatchObject({
          status: 403,
        });
        expect((await reader.stats()).totalNodes).toBe(12);
        expect((await reader.getNode('actor:ada-lovelace'))?.properties.name).toBe('Ada Lovelace');
      });

      it('relies on the database itself to refuse writes the guard cannot see', async () => {
        await expect(reader.runReadQuery(factory.sneakyWrite, {}, limits)).rejects.toMatchObject({
          status: 403,
          code: 'read_only',
        });
        expect((await reader.stats()).totalNodes).toBe(12);
      });

      it('reports a malformed query or an unknown label with the database message', async () => {
        await expect(reader.runReadQuery('MATCH (n RETURN n', {}, limits)).rejects.toMatchObject({
          status: 400,
          code: 'query_error',
        });
        await expect(reader.runReadQuery('MATCH (n:NoSuchLabel) RETURN n', {}, limits)).rejects.toMatchObject({
          status: 400,
          message: expect.stringMatching(/NoSuchLabel/),
        });
      });

      it('refuses several statements at once', async () => {
        await expect(reader.runReadQuery('RETURN 1; RETURN 2', {}, limits)).rejects.toMatchObject({ status: 400 });
      });

      it('stops a query past its timeout, then answers the next one', async () => {
        const started = Date.now();
        await expect(
          reader.runReadQuery(
            'UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y WITH x, y WHERE (x + y) % 7 = 3 RETURN count(*) AS n',
            {},
            { limit: 10, timeoutMs: 500 },
          ),
        ).rejects.toMatchObject({ status: 408, code: 'timeout' });
        expect(Date.now() - started).toBeLessThan(30_000);
        const next = await reader.runReadQuery('RETURN 41 + 1 AS answer', {}, limits);
        expect(next.rows).toEqual([{ answer: 42 }]);
      });

      it('refuses queries that touch files or settings, and writes no file', async () => {
        const dir = tempDir('actorgraph-evil-');
        const payloads = [
          `COPY (MATCH (n) RETURN n.id) TO '${join(dir, 'out.csv')}'`,
          `EXPORT DATABASE '${join(dir, 'export')}'`,
          `LOAD FROM '/etc/passwd' (file_format='csv', header=false, delim=':') RETURN *`,
          `ATTACH '${join(dir, 'other.kuzu')}' AS other (dbtype kuzu)`,
          'CALL timeout=0',
        ];
        for (const payload of payloads) {
          await expect(reader.runReadQuery(payload, {}, limits), payload).rejects.toMatchObject({
            status: expect.any(Number),
          });
          await reader
            .runReadQuery(payload, {}, limits)
            .catch((error: { status: number }) => expect(error.status, payload).toBeGreaterThanOrEqual(400));
        }
        expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
        // Here, not with removeTempDirs: that is the test file's, and on Neo4j nothing else removes it.
        rmSync(dir, { recursive: true, force: true });
      });
    });
  });
}
