/**
 * Which relationship types a shortest path may follow. A path through an article (A MENTIONED_IN
 * doc, B MENTIONED_IN doc) only says "named in the same text": paths skip document hops unless the
 * user asks for them, and never follow a type the Filters tab hides (it would be drawn as
 * unconnected nodes).
 */

/**
 * The relationship vocabulary (server/domain/graph.ts's REL_TYPES; the client shares only the API
 * types with the server, so the list is repeated here), in the order the Path tab offers it.
 */
export const PATH_REL_TYPES = [
  'SAID',
  'ABOUT',
  'HOLDS_ROLE',
  'MEMBER_OF',
  'AFFILIATED_WITH',
  'LEADS',
  'WROTE',
  'CONTACTED',
  'MET',
  'CRITICIZED',
  'URGED',
  'WARNED',
  'SUPPORTS',
  'OPPOSES',
  'REPORTED_IN',
  'MENTIONED_IN',
] as const;

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
