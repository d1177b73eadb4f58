/**
 * An entity's node: its name, aliases (every other form written, and the gazetteer's names for
 * it), kind and first evidence sentences.
 */
import { encodeEvidence, type Evidence, type GraphNode } from '../../domain/graph.js';
import { searchTextOf } from '../../domain/search-text.js';
import type { Entity } from '../resolve/entities.js';

/** Evidence sentences an entity keeps (also when batches are merged: merge-carried.ts). */
export const MAX_ENTITY_EVIDENCE = 3;

/**
 * The gazetteer's names for the entity, whether or not an article writes them, so that search
 * finds "USA" or "U.S.A." for the United States. A state's capitals are left out: they name the
 * entity in text ("Washington said") but are not its names.
 */
function gazetteerNames(entity: Entity): string[] {
  const entry = entity.gazetteer;
  if (!entry) return [];
  return entry.forms.filter((form) => !entry.capitals?.includes(form));
}

export function entityNode(entity: Entity, evidence: Evidence[]): GraphNode {
  const forms = new Set([...entity.forms, ...gazetteerNames(entity)]);
  const aliases = [...forms].filter((form) => form !== entity.name).sort();
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
