/**
 * Which relationship types a shortest path may follow. A path through an article (A MENTIONED_IN
 * doc, B MENTIONED_IN doc) only says "named in the same text": paths skip document hops unless the
 * user asks for them, and never follow a type the Filters tab hides (it would be drawn as
 * unconnected nodes).
 */

import type { RelType } from '../../server/domain/api.js';

/**
 * Every relationship type, in the order the Path tab offers them. The client may import only
 * types from the server, so the list is written here; as a record over the API's `RelType` it must
 * name each type exactly once: a type added on the server fails `npm run typecheck` until it is listed.
 */
const OFFERED: Record<RelType, true> = {
  SAID: true,
  ABOUT: true,
  HOLDS_ROLE: true,
  MEMBER_OF: true,
  AFFILIATED_WITH: true,
  LEADS: true,
  WROTE: true,
  CONTACTED: true,
  MET: true,
  CRITICIZED: true,
  URGED: true,
  WARNED: true,
  SUPPORTS: true,
  OPPOSES: true,
  REPORTED_IN: true,
  MENTIONED_IN: true,
};

export const PATH_REL_TYPES = Object.keys(OFFERED) as RelType[];

/** Hops through an article: off unless asked. */
export const DOCUMENT_HOPS: readonly string[] = ['MENTIONED_IN', 'REPORTED_IN'];

/** What the Path tab chose: the types ticked (null: the default, all but document hops). */
export interface PathChoice {
  types: readonly string[] | null;
  /** Every shortest path, not only one. */
  all?: boolean;
}

export const DEFAULT_PATH_TYPES: readonly string[] = PATH_REL_TYPES.filter((type) => !DOCUMENT_HOPS.includes(type));

/** The types the path request names: the choice (or the default) less what the filters hide. */
export function pathRelTypes(choice: PathChoice, hiddenRelTypes: readonly string[]): string[] {
  const chosen = choice.types ?? DEFAULT_PATH_TYPES;
  return chosen.filter((type) => !hiddenRelTypes.includes(type));
}
