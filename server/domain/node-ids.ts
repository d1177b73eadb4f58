/**
 * Node ids carry their label as a prefix (`actor:`, `inst:`, `place:`, `stmt:`, `doc:`), and edge
 * ids their type and endpoints (`TYPE:sourceId->targetId[:role]`). Stores use this to look a node
 * up by the primary key of one table instead of scanning every table. A curated or foreign id may
 * not follow the pattern: callers fall back to a lookup over all labels when this says undefined.
 */
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from './graph.js';

export const NODE_ID_PREFIX: Record<NodeLabel, string> = {
  Document: 'doc',
  Actor: 'actor',
  Institution: 'inst',
  Statement: 'stmt',
  Place: 'place',
};

const LABEL_BY_PREFIX = new Map(NODE_LABELS.map((label) => [NODE_ID_PREFIX[label], label]));
const REL_TYPE_SET = new Set<string>(REL_TYPES);

/** The label a node id names by its prefix, or undefined when the id has no known prefix. */
export function labelOfNodeId(id: string): NodeLabel | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? LABEL_BY_PREFIX.get(id.slice(0, colon)) : undefined;
}

/** The relationship type an edge id names by its prefix, or undefined. */
export function typeOfEdgeId(id: string): RelType | undefined {
  const colon = id.indexOf(':');
  const type = colon > 0 ? id.slice(0, colon) : '';
  return REL_TYPE_SET.has(type) ? (type as RelType) : undefined;
}
