/**
 * Agency copy and a press release nobody tuned the rules to (test/fixtures/articles/unseen), plus
 * the conventions the stores rely on: property keys, endpoints, stable ids.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../server/config.js';
import type { GraphBatch, GraphEdge, GraphNode } from '../../../server/domain/graph.js';
import { NODE_PROPS, REL_ENDPOINTS, REL_PROPS } from '../../../server/domain/schema.js';
import { buildGraph, loadGazetteer } from '../../../server/importer/build-graph.js';
import type { SourceDocument } from '../../../server/importer/read/types.js';
import { readSources } from '../../../server/importer/read/index.js';

let unseen: GraphBatch;
let documents: SourceDocument[];

const named = (name: string): GraphNode | undefined => unseen.nodes.find((node) => node.properties.name === name);
const edges = (type: string, source?: GraphNode, target?: GraphNode): GraphEdge[] =>
  unseen.edges.filter(
    (edge) => edge.type === type && (!source || edge.source === source.id) && (!target || edge.target === target.id),
  );
const speakerOf = (text: string): string | undefined => {
  const statement = unseen.nodes.find((node) => node.label === 'Statement' && node.properties.text === text);
  const said = unseen.edges.find((edge) => edge.type === 'SAID' && edge.target === statement?.id);
  return unseen.nodes.find((node) => node.id === said?.source)?.properties.name as string | undefined;
};

function article(text: string, published = '2024-05-10'): SourceDocument {
  return {
    path: '/tmp/inline.txt',
    fileName: 'inline.txt',
    format: 'txt',
    title: 'Inline',
    text,
    published,
    authors: [],
    url: null,
    publisher: null,
  };
}

beforeAll(async () => {
  documents = (await readSources([join(REPO_ROOT, 'test', 'fixtures', 'articles', 'unseen')])).documents;
  unseen = buildGraph(documents, { gazetteer: await loadGazetteer() });
});

describe('agency copy from Central Asia (bishkek-border.txt)', () => {
  it('knows the Kyrgyz Foreign Minister by the demonym before his title, and whom he met on which day', () => {
    const usenov = named('Temir Usenov')!;
    expect(usenov.properties.kind).toBe('person');
    expect(edges('HOLDS_ROLE', usenov, named('Kyrgyzstan'))[0]?.properties.title).toBe('Foreign Minister');
    // "met his Tajik counterpart Farrukh Nazarov … on Wednesday" (published Friday 2025-03-14).
    expect(edges('MET', usenov, named('Farrukh Nazarov'))[0]?.properties.date).toBe('2025-03-12');
  });

  it('gives a quote that fills the next sentence to the same speaker, and "she said" to the woman just named', () => {
    expect(speakerOf('We have turned a difficult page')).toBe('Temir Usenov');
    expect(speakerOf('Trade between our peoples must resume without delay')).toBe('Temir Usenov');
    expect(speakerOf('The border is only half of the problem')).toBe('Dilnoza Karimova');
    expect(speakerOf('water disputes remained unresolved')).toBe('Dilnoza Karimova');
  });

  it('finds a person introduced by "its secretary general, X," and an institute followed by its city', () => {
    expect(named('Ruslan Zhakupov')?.properties.kind).toBe('person');
    expect(named('Central Asian Institute for Strategic Studies')).toMatchObject({
      label: 'Institution',
      properties: { kind: 'think_tank' },
    });
    // "in Tashkent" is where the institute is, not Uzbekistan acting.
    expect(named('Tashkent')?.label).toBe('Place');
    expect(named('Uzbekistan')).toBeUndefined();
  });

  it('does not take the dateline agency "(Steppe Wire)" for a person', () => {
    expect(unseen.nodes.filter((node) => String(node.properties.name).includes('Wire'))).toEqual([]);
  });
});

describe('a press release in Markdown (moldova-eu-statement.md)', () => {
  it('finds the speakers of every quote, "he added" included', () => {
    expect(speakerOf('Moldovan voters have once again shown their determination to choose their own future')).toBe(
      'Henrik Solberg',
    );
    expect(speakerOf('We will stand by them')).toBe('Henrik Solberg');
    expect(speakerOf("the EU would increase its support for the country's energy independence")).toBe('Henrik Solberg');
    expect(speakerOf('opens a window for the accession talks')).toBe('Ilona Varga');
  });

  it('finds roles, affiliations and a dated accusation', () => {
    expect(edges('HOLDS_ROLE', named('Elena Rusnac'), named('Moldova'))[0]?.properties.title).toBe('President');
    expect(edges('AFFILIATED_WITH', named('Ilona Varga'), named('Budapest Centre for Eastern Studies'))).toHaveLength(
      1,
    );
    const ministry = named('Moldovan Ministry of Foreign Affairs')!;
    expect(ministry.properties.kind).toBe('government');
    // "In a statement on Sunday" before Monday 2024-11-04.
    expect(edges('CRITICIZED', ministry, named('Russia'))[0]?.properties.date).toBe('2024-11-03');
  });
});

describe('general rules on small inline articles', () => {
  it('does not record a meeting or a call the sentence denies', () => {
    const batch = buildGraph([
      article(
        'Foreign Minister Lena Okafor did not meet Deputy Minister Tomas Reyes on Monday. ' +
          'Neither Okafor nor her deputies contacted Reyes after the vote, officials said.',
      ),
    ]);
    expect(batch.edges.filter((edge) => edge.type === 'MET' || edge.type === 'CONTACTED')).toEqual([]);
  });

  it('works without a gazetteer: people and organisations by their shape and cues', () => {
    const batch = buildGraph([
      article(
        '“The harvest will be late this year,” said Amara Nwosu, a senior economist at the Lagos Institute for Food Policy. ' +
          'Nwosu added that prices would rise.',
      ),
    ]);
    const nwosu = batch.nodes.find((node) => node.properties.name === 'Amara Nwosu');
    const institute = batch.nodes.find((node) => node.properties.name === 'Lagos Institute for Food Policy');
    expect(nwosu?.properties.kind).toBe('person');
    expect(institute?.label).toBe('Institution');
    const roles = batch.edges.filter((edge) => edge.type === 'HOLDS_ROLE' && edge.source === nwosu?.id);
    expect(roles.map((edge) => edge.properties.title)).toContain('senior economist');
    const said = batch.edges.filter((edge) => edge.type === 'SAID' && edge.source === nwosu?.id);
    expect(said).toHaveLength(2);
  });
});

describe('conventions the stores rely on', () => {
  it('writes exactly the schema keys, allowed endpoints and no dangling edges', () => {
    const ids = new Set(unseen.nodes.map((node) => node.id));
    for (const node of unseen.nodes) {
      expect(Object.keys(node.properties).sort(), node.id).toEqual(Object.keys(NODE_PROPS[node.label]).sort());
    }
    for (const edge of unseen.edges) {
      // `id` is the edge's own id, which the stores write from `edge.id`.
      const keys = Object.keys(REL_PROPS[edge.type]).filter((key) => key !== 'id');
      expect(Object.keys(edge.properties).sort(), edge.id).toEqual(keys.sort());
      expect(REL_ENDPOINTS[edge.type], edge.id).toContainEqual([edge.sourceLabel, edge.targetLabel]);
      expect(ids.has(edge.source) && ids.has(edge.target), edge.id).toBe(true);
    }
    expect(new Set(unseen.edges.map((edge) => edge.id)).size).toBe(unseen.edges.length);
  });

  it('derives ids from content: documents from their text, entities from their names', () => {
    for (const document of documents) {
      const id = `doc:${createHash('sha256').update(document.text).digest('hex').slice(0, 16)}`;
      expect(unseen.nodes.some((node) => node.id === id && node.label === 'Document')).toBe(true);
    }
    expect(named('Temir Usenov')?.id).toBe('actor:temir-usenov');
    expect(named('Kyrgyzstan')?.id).toBe('actor:kyrgyzstan');
    expect(named('Central Asian Institute for Strategic Studies')?.id).toBe(
      'inst:central-asian-institute-for-strategic-studies',
    );
    for (const node of unseen.nodes.filter((n) => n.label === 'Statement'))
      expect(node.id).toMatch(/^stmt:[0-9a-f]{16}$/);
  });
});
