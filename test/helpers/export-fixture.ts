/**
 * The graph the export tests write and read back: the hand-made sample plus properties that break
 * naive writers (quotes, newlines, <, &, non-Latin letters, emoji, lists with delimiters).
 */
import type { GraphBatch } from '../../server/domain/graph.js';
import type { ExportEdge, ExportNode } from '../../server/export/export-graph.js';
import { NODE_PROPS, REL_PROPS } from '../../server/domain/schema.js';
import { sampleGraph } from './sample-graph.js';

export const TRICKY = 'Zoë "Q" O\'Brien <b>&amp;</b> Ünïcödé 🕊️ Тбилиси\nsecond line, with a comma';

export function exportFixture(): GraphBatch {
  const graph = sampleGraph();
  graph.nodes.push({
    id: 'actor:tricky',
    label: 'Actor',
    properties: {
      name: TRICKY,
      kind: 'person',
      aliases: ['a,b', 'c"d', 'Тбилиси 🕊️'],
      description: 'line 1\nline 2',
      searchText: TRICKY,
      rule: 'test',
      confidence: 0.25,
      evidence: null,
    },
  });
  const ada = graph.nodes.find((node) => node.id === 'actor:ada-lovelace')!;
  graph.edges.push({
    id: 'CRITICIZED:actor:tricky->actor:ada-lovelace',
    type: 'CRITICIZED',
    source: 'actor:tricky',
    target: ada.id,
    sourceLabel: 'Actor',
    targetLabel: 'Actor',
    properties: {
      rule: 'test',
      confidence: 0.5,
      evidence: JSON.stringify([{ documentId: 'doc:1', sentence: TRICKY, start: 1, end: 9 }]),
      date: '2024-05-02',
    },
  });
  return graph;
}

/** Properties as a reader should give them back: declared columns only, nulls left out. */
export function expectedProperties(
  label: string,
  properties: Record<string, unknown>,
  kind: 'node' | 'edge',
): Record<string, unknown> {
  const declared =
    kind === 'node' ? NODE_PROPS[label as keyof typeof NODE_PROPS] : REL_PROPS[label as keyof typeof REL_PROPS];
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(declared ?? properties)) {
    if (key === 'id') continue;
    const value = properties[key];
    if (value === null || value === undefined) continue;
    out[key] = value;
  }
  return out;
}

export type { ExportEdge, ExportNode };
