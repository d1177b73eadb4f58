/**
 * Reads a user notices when the store looks nodes up by the primary key of the table their id
 * names: a node whose curated id names no table is still found, node details list every
 * statement's speaker and sources, and the paged export covers every node and relationship once.
 * Run by kuzu-store.test.ts and neo4j-store.test.ts on a graph of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEvidence, type GraphBatch, type GraphEdge, type GraphNode } from '../../server/domain/graph.js';
import { DETAILS_ALL_UP_TO, DETAILS_PER_TYPE, nodeDetails } from '../../server/explore/node-details.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { entity } from '../helpers/sample-graph.js';
import type { StoreFactory } from './graph-store-contract.js';

const CURATED = 'Q1001';
const STATEMENTS = 12;
const HUB_MET = 1000;
const HUB_CONTACTED = 30;

function document(id: string, title: string, published: string): GraphNode {
  return {
    id,
    label: 'Document',
    properties: {
      title,
      url: null,
      publisher: 'Test Wire',
      authors: [],
      published,
      text: `${title}. Invented text for a test.`,
      wordCount: 6,
      contentHash: `hash-${id}`,
      source: `${id}.txt`,
    },
  };
}

function statement(i: number): GraphNode {
  return {
    id: `stmt:read-${i}`,
    label: 'Statement',
    properties: {
      text: `Invented remark number ${i}`,
      kind: 'quote',
      date: `2024-01-${String(10 + i).padStart(2, '0')}`,
      dateSource: 'text',
      speaker: null,
      rule: 'test',
      confidence: 0.8,
    },
  };
}

function edge(
  type: GraphEdge['type'],
  source: GraphNode,
  target: GraphNode,
  extra: Partial<GraphEdge> = {},
): GraphEdge {
  return {
    id: `${type}:${source.id}->${target.id}`,
    type,
    source: source.id,
    target: target.id,
    sourceLabel: source.label,
    targetLabel: target.label,
    properties: { rule: 'test', confidence: 0.9, evidence: null, date: null },
    ...extra,
  };
}

/**
 * A gazette reporting twelve statements by as many speakers (people, institutions and one actor
 * with a curated id), half of them also reported in a digest; relationships whose evidence names
 * the digest; and relationships with ids that follow no pattern.
 */
export function readGraph(): GraphBatch {
  const gazette = document('doc:gazette', 'The Gazette', '2024-02-01');
  const digest = document('doc:digest', 'The Digest', '2024-02-03');
  const curated = entity(CURATED, 'Actor', 'Curated Person', 'person');
  const agency = entity('inst:agency', 'Institution', 'Weather Agency', 'agency');
  const speakers: GraphNode[] = [curated];
  for (let i = 1; i < STATEMENTS; i++) {
    speakers.push(
      i % 3 === 0
        ? entity(`inst:speaker-${i}`, 'Institution', `Speaking Office ${i}`, 'office')
        : entity(`actor:speaker-${i}`, 'Actor', `Speaker Person ${i}`, 'person'),
    );
  }
  const statements = speakers.map((_, i) => statement(i));
  const edges: GraphEdge[] = [];
  statements.forEach((said, i) => {
    edges.push(edge('SAID', speakers[i], said));
    const sentence = `Invented remark number ${i}, it was said.`;
    const where = { sentence, startOffset: 0, endOffset: sentence.length };
    edges.push(
      edge('REPORTED_IN', said, gazette, {
        properties: { ...edge('REPORTED_IN', said, gazette).properties, ...where },
      }),
    );
    if (i % 2 === 0) {
      edges.push(
        edge('REPORTED_IN', said, digest, {
          properties: { ...edge('REPORTED_IN', said, digest).properties, ...where },
        }),
      );
    }
  });
  const mention = encodeEvidence([{ documentId: 'doc:digest', sentence: 'Both were named.', start: 0, end: 16 }]);
  for (const speaker of speakers.slice(0, 4)) {
    const mentioned = edge('MENTIONED_IN', speaker, gazette);
    mentioned.properties.evidence = mention;
    edges.push(mentioned);
  }
  edges.push(edge('MEMBER_OF', curated, agency));
  edges.push(edge('WROTE', speakers[1], digest));
  edges.push({ ...edge('CONTACTED', agency, speakers[5]), id: 'contact-without-pattern' });
  // A busy actor: more relationships than node details list one by one (DETAILS_ALL_UP_TO).
  const hub = entity('actor:hub', 'Actor', 'Busy Person', 'person');
  const crowd = Array.from({ length: HUB_MET }, (_, i) =>
    entity(`actor:crowd-${i}`, 'Actor', `Crowd Person ${i}`, 'person'),
  );
  crowd.forEach((other) => edges.push(edge('MET', hub, other)));
  crowd.slice(0, HUB_CONTACTED).forEach((other) => edges.push(edge('CONTACTED', other, hub)));
  return { nodes: [gazette, digest, curated, agency, ...speakers.slice(1), ...statements, hub, ...crowd], edges };
}

export function describeGraphStoreReadContract(name: string, factory: StoreFactory): void {
  describe(`GraphStore reads: ${name}`, () => {
    let reader: GraphStore;
    const graph = readGraph();

    beforeAll(async () => {
      const writer = await factory.openWriter();
      await writer.writeBatch(graph);
      await writer.close();
      reader = await factory.openReader();
    });

    afterAll(async () => {
      await reader?.close();
    });

    it('finds a node whose curated id names no table, with its relationships, neighbours and paths', async () => {
      expect(await reader.getNode(CURATED)).toMatchObject({ id: CURATED, label: 'Actor' });
      expect((await reader.findNodes([CURATED, 'inst:agency', 'actor:nobody'])).map((node) => node.id).sort()).toEqual(
        ['inst:agency', CURATED].sort(),
      );
      expect(await reader.degree(CURATED)).toBe(3);
      expect(await reader.nodeWithDegree(CURATED)).toEqual({ node: await reader.getNode(CURATED), degree: 3 });
      expect(await reader.nodeWithDegree('actor:nobody')).toBeNull();
      expect(await reader.neighbors('actor:nobody', { limit: 10, types: [] })).toEqual({ nodes: [], edges: [] });
      const incident = await reader.incidentEdges(CURATED);
      expect(incident.map((item) => item.edge.type).sort()).toEqual(['MEMBER_OF', 'MENTIONED_IN', 'SAID']);
      const neighbours = await reader.neighbors(CURATED, { limit: 10, types: [] });
      expect(neighbours.nodes.map((node) => node.id).sort()).toEqual(
        [CURATED, 'doc:gazette', 'inst:agency', 'stmt:read-0'].sort(),
      );
      const path = await reader.shortestPath(CURATED, 'actor:speaker-5', { maxLength: 4, types: [] });
      expect(path?.nodes.map((node) => node.id)).toEqual([CURATED, 'inst:agency', 'actor:speaker-5']);
      expect(path?.edges.map((item) => item.id)).toEqual([
        `MEMBER_OF:${CURATED}->inst:agency`,
        'contact-without-pattern',
      ]);
      const edges = await reader.findEdges([`MEMBER_OF:${CURATED}->inst:agency`, 'contact-without-pattern']);
      expect(edges.map((item) => [item.source, item.target]).sort()).toEqual([
        [CURATED, 'inst:agency'],
        ['inst:agency', 'actor:speaker-5'],
      ]);
    });

    it('lists every statement of a document with its own speaker and every article it was reported in', async () => {
      const details = await nodeDetails(reader, 'doc:gazette');
      expect(details.statements).toHaveLength(STATEMENTS);
      for (const view of details.statements) {
        const i = Number(view.id.replace('stmt:read-', ''));
        const speaker = graph.edges.find((item) => item.type === 'SAID' && item.target === view.id)!.source;
        expect(view.speaker?.id).toBe(speaker);
        const expected = i % 2 === 0 ? ['The Digest', 'The Gazette'] : ['The Gazette'];
        expect(view.sources.map((source) => source.documentTitle).sort()).toEqual(expected);
        expect(view.sources.every((source) => source.sentence === `Invented remark number ${i}, it was said.`)).toBe(
          true,
        );
      }
      // Relations of a document are listed with their evidence, titled from the document it names.
      const mentioned = details.relations.filter((relation) => relation.edge.type === 'MENTIONED_IN');
      expect(mentioned).toHaveLength(4);
      for (const relation of mentioned) {
        expect(relation.evidence).toEqual([
          expect.objectContaining({ documentId: 'doc:digest', documentTitle: 'The Digest', published: '2024-02-03' }),
        ]);
      }
    });

    it("lists a node's relations each in its direction, the other end as the panel shows it, never an article's text", async () => {
      const agency = await nodeDetails(reader, 'inst:agency');
      expect(agency.relations.map((relation) => [relation.edge.type, relation.direction, relation.other.id])).toEqual(
        expect.arrayContaining([
          ['MEMBER_OF', 'in', CURATED],
          ['CONTACTED', 'out', 'actor:speaker-5'],
        ]),
      );
      expect(agency.relations).toHaveLength(2);
      const author = await nodeDetails(reader, 'actor:speaker-1');
      const wrote = author.relations.find((relation) => relation.edge.type === 'WROTE');
      expect(wrote).toMatchObject({
        direction: 'out',
        edge: { source: 'actor:speaker-1', target: 'doc:digest' },
        other: { id: 'doc:digest', label: 'Document', caption: 'The Digest', properties: { published: '2024-02-03' } },
      });
      expect(wrote?.other.properties).not.toHaveProperty('text');
      expect(author.statements.map((view) => [view.id, view.speaker?.id, view.text])).toEqual([
        ['stmt:read-1', 'actor:speaker-1', 'Invented remark number 1'],
      ]);
    });

    it("lists a busy node's first relationships of each type and direction, and counts all of them", async () => {
      const details = await nodeDetails(reader, 'actor:hub');
      expect(HUB_MET + HUB_CONTACTED).toBeGreaterThan(DETAILS_ALL_UP_TO);
      expect(details.degree).toBe(HUB_MET + HUB_CONTACTED);
      expect((await reader.nodeWithDegree('actor:hub'))?.degree).toBe(HUB_MET + HUB_CONTACTED);
      expect(details.neighbours).toEqual({ total: HUB_MET, byType: { MET: HUB_MET, CONTACTED: HUB_CONTACTED } });
      expect(details.relationCounts).toEqual({ MET: HUB_MET, CONTACTED: HUB_CONTACTED });
      const listed = (type: string) => details.relations.filter((relation) => relation.edge.type === type);
      expect(listed('MET')).toHaveLength(DETAILS_PER_TYPE);
      expect(listed('MET').every((relation) => relation.direction === 'out')).toBe(true);
      expect(listed('CONTACTED')).toHaveLength(DETAILS_PER_TYPE);
      expect(listed('CONTACTED').every((relation) => relation.direction === 'in')).toBe(true);
      // Its neighbours, too many to rank in steps on LadybugDB, ranked alike: degree, then id.
      const ranked = await reader.neighbors('actor:hub', { limit: HUB_CONTACTED + 10, types: [] });
      const ids = (from: number, to: number) =>
        Array.from({ length: to - from }, (_, i) => `actor:crowd-${from + i}`).sort();
      expect(ranked.nodes.map((node) => node.id)).toEqual([
        'actor:hub',
        ...ids(0, HUB_CONTACTED),
        ...ids(HUB_CONTACTED, HUB_MET).slice(0, 10),
      ]);
      // A dossier lists every one.
      const all = await nodeDetails(reader, 'actor:hub', { all: true });
      expect(all.relations).toHaveLength(HUB_MET + HUB_CONTACTED);
      expect(all.relationCounts).toEqual(details.relationCounts);
      // The sample shows each relation as the full list does: the other end brief (its caption).
      const inFull = new Map(all.relations.map((relation) => [relation.edge.id, relation]));
      for (const relation of details.relations) expect(relation).toEqual(inFull.get(relation.edge.id));
      expect(listed('MET')[0].other.properties).toEqual({ name: listed('MET')[0].other.caption });
    });

    it('lists a speaker with a curated id as the speaker of its statement', async () => {
      const details = await nodeDetails(reader, CURATED);
      expect(details.statements.map((view) => [view.id, view.speaker?.id])).toEqual([['stmt:read-0', CURATED]]);
      expect(details.statements[0].sources.map((source) => source.documentId).sort()).toEqual([
        'doc:digest',
        'doc:gazette',
      ]);
    });

    it("reads a statement's parts with the names, titles and dates its sentence shows, never an article's text", async () => {
      const statements = graph.nodes.filter((node) => node.id === 'stmt:read-0' || node.id === 'stmt:read-1');
      const parts = await reader.statementParts(statements);
      const brief = (id: string) =>
        parts
          .get(id)!
          .map((item) => ({
            type: item.edge.type,
            direction: item.direction,
            other: { id: item.other.id, label: item.other.label, properties: item.other.properties },
            edge: item.edge.properties,
          }))
          .sort((a, b) => `${a.type}${a.other.id}`.localeCompare(`${b.type}${b.other.id}`));
      const where = (i: number) => {
        const sentence = `Invented remark number ${i}, it was said.`;
        return { sentence, startOffset: 0, endOffset: sentence.length };
      };
      const gazette = {
        id: 'doc:gazette',
        label: 'Document',
        properties: { title: 'The Gazette', published: '2024-02-01' },
      };
      const digest = {
        id: 'doc:digest',
        label: 'Document',
        properties: { title: 'The Digest', published: '2024-02-03' },
      };
      expect(brief('stmt:read-0')).toEqual([
        { type: 'REPORTED_IN', direction: 'out', other: digest, edge: where(0) },
        { type: 'REPORTED_IN', direction: 'out', other: gazette, edge: where(0) },
        {
          type: 'SAID',
          direction: 'in',
          other: { id: CURATED, label: 'Actor', properties: { name: 'Curated Person' } },
          edge: {},
        },
      ]);
      expect(brief('stmt:read-1').map((item) => [item.type, item.other.id])).toEqual([
        ['REPORTED_IN', 'doc:gazette'],
        ['SAID', 'actor:speaker-1'],
      ]);
      // An entity's mentions are counted in its details, though their rows are not read.
      expect((await nodeDetails(reader, CURATED)).relationCounts).toEqual({ MEMBER_OF: 1, MENTIONED_IN: 1, SAID: 1 });
    });

    it('stops reading when an export stops after its first page, and the next export reads every page', async () => {
      for await (const page of reader.edgePages(3)) {
        expect(page.length).toBeGreaterThan(0);
        break;
      }
      expect(await reader.getNode(CURATED)).toMatchObject({ id: CURATED });
      let edges = 0;
      for await (const page of reader.edgePages(3)) edges += page.length;
      expect(edges).toBe(graph.edges.length);
    });

    it('pages the whole graph so that every node and relationship comes exactly once', async () => {
      const nodeIds: string[] = [];
      for await (const page of reader.nodePages(3)) {
        expect(page.length).toBeLessThanOrEqual(3);
        for (const node of page) nodeIds.push(node.id);
      }
      expect(nodeIds.sort()).toEqual(graph.nodes.map((node) => node.id).sort());
      const edges: GraphEdge[] = [];
      for await (const page of reader.edgePages(3)) edges.push(...page);
      expect(edges.map((item) => item.id).sort()).toEqual(graph.edges.map((item) => item.id).sort());
      const written = new Map(graph.edges.map((item) => [item.id, item]));
      for (const item of edges) {
        expect(item).toMatchObject({
          source: written.get(item.id)!.source,
          target: written.get(item.id)!.target,
          sourceLabel: written.get(item.id)!.sourceLabel,
          targetLabel: written.get(item.id)!.targetLabel,
        });
      }
    });
  });
}
