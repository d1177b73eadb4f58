/**
 * A statement with two speakers names the same one as "the" speaker whatever order the store
 * returns its SAID relationships in (LadybugDB's order can change between reads).
 */
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../server/domain/graph.js';
import { statementView } from '../../../server/explore/statement-views.js';
import type { IncidentEdge } from '../../../server/store/graph-store.js';

const statement: GraphNode = {
  id: 'stmt:joint',
  label: 'Statement',
  properties: { text: 'The ferry will run again', kind: 'quote', date: null, confidence: 0.7 },
};

function said(id: string, name: string): IncidentEdge {
  const edge: GraphEdge = {
    id: `SAID:${id}->${statement.id}`,
    type: 'SAID',
    source: id,
    target: statement.id,
    sourceLabel: 'Actor',
    targetLabel: 'Statement',
    properties: {},
  };
  return { edge, direction: 'in', other: { id, label: 'Actor', properties: { name } } };
}

describe('a statement view with two speakers', () => {
  it('names the first speaker in reading order as the speaker, in either store order', () => {
    const orla = said('actor:orla-venn', 'Orla Venn');
    const bram = said('actor:bram-tidd', 'Bram Tidd');
    for (const incident of [
      [orla, bram],
      [bram, orla],
    ]) {
      const view = statementView(statement, incident);
      expect(view.speakers.map((speaker) => speaker.caption)).toEqual(['Bram Tidd', 'Orla Venn']);
      expect(view.speaker).toEqual({ id: 'actor:bram-tidd', caption: 'Bram Tidd' });
    }
  });
});
