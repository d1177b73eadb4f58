/**
 * A small hand-made graph for store and API tests that must not depend on the extractor:
 * two people, a state, an institution, a statement reported in a document.
 */
import { encodeEvidence, type GraphBatch, type GraphEdge, type GraphNode } from '../../server/domain/graph.js';
import { searchTextOf } from '../../server/domain/search-text.js';

const evidence = (sentence: string) =>
  encodeEvidence([{ documentId: 'doc:1', sentence, start: 0, end: sentence.length }]);

export function entity(
  id: string,
  label: 'Actor' | 'Institution' | 'Place',
  name: string,
  kind: string,
  aliases: string[] = [],
): GraphNode {
  return {
    id,
    label,
    properties: {
      name,
      kind,
      aliases,
      description: null,
      searchText: searchTextOf(name, aliases),
      rule: 'test',
      confidence: 1,
      evidence: null,
    },
  };
}

export function edge(
  type: GraphEdge['type'],
  source: GraphNode,
  target: GraphNode,
  properties: GraphEdge['properties'] = {},
): GraphEdge {
  return {
    id: `${type}:${source.id}->${target.id}`,
    type,
    source: source.id,
    target: target.id,
    sourceLabel: source.label,
    targetLabel: target.label,
    properties: { rule: 'test', confidence: 0.9, evidence: null, date: null, ...properties },
  };
}

export function sampleGraph(): GraphBatch {
  const text = 'Ada Lovelace, head of the Analytical Society, said "Engines will compose music" in Ruritania.';
  const document: GraphNode = {
    id: 'doc:1',
    label: 'Document',
    properties: {
      title: 'Engines & <Music>',
      url: null,
      publisher: 'Test Wire',
      authors: ['Jane Doe'],
      published: '2024-05-01',
      text,
      wordCount: 14,
      contentHash: 'abc',
      source: 'test.txt',
    },
  };
  const ada = entity('actor:ada-lovelace', 'Actor', 'Ada Lovelace', 'person', ['Lovelace', 'Ms. Lovelace']);
  const babbage = entity('actor:charles-babbage', 'Actor', 'Charles Babbage', 'person', ['Babbage']);
  const ruritania = entity('actor:ruritania', 'Actor', 'Ruritania', 'state');
  const society = entity('inst:analytical-society', 'Institution', 'Analytical Society', 'other');
  const statement: GraphNode = {
    id: 'stmt:engines',
    label: 'Statement',
    properties: {
      text: 'Engines will compose music',
      kind: 'quote',
      date: '2024-05-01',
      dateSource: 'published',
      speaker: 'Ada Lovelace',
      rule: 'test',
      confidence: 0.9,
    },
  };
  return {
    nodes: [document, ada, babbage, ruritania, society, statement],
    edges: [
      edge('SAID', ada, statement, { evidence: evidence(text) }),
      edge('REPORTED_IN', statement, document, { sentence: text, startOffset: 0, endOffset: text.length }),
      edge('HOLDS_ROLE', ada, society, { title: 'head', status: 'current', evidence: evidence(text) }),
      edge('MET', ada, babbage, { date: '2024-04-30', evidence: evidence(text) }),
      edge('ABOUT', statement, ruritania),
      edge('MENTIONED_IN', ada, document, { mentions: 1, spans: '[[0,12]]' }),
      edge('MENTIONED_IN', ruritania, document, { mentions: 1, spans: '[[83,92]]' }),
    ],
  };
}
