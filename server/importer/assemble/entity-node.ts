/** An entity's node: its name, aliases (every other form written), kind and first evidence sentences. */
import { encodeEvidence, type Evidence, type GraphNode } from '../../domain/graph.js';
import { searchTextOf } from '../../domain/search-text.js';
import type { Entity } from '../resolve/entities.js';

/** Evidence sentences an entity keeps (also when batches are merged: merge-carried.ts). */
export const MAX_ENTITY_EVIDENCE = 3;

export function entityNode(entity: Entity, evidence: Evidence[]): GraphNode {
  const aliases = [...entity.forms.keys()].filter((form) => form !== entity.name).sort();
  return {
    id: entity.id,
    label: entity.label,
    properties: {
      name: entity.name,
      kind: entity.kind,
      aliases,
      description: null,
      searchText: searchTextOf(entity.name, aliases),
      rule: entity.rule,
      confidence: entity.confidence,
      evidence: evidence.length > 0 ? encodeEvidence(evidence.slice(0, MAX_ENTITY_EVIDENCE)) : null,
    },
  };
}
