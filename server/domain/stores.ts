/**
 * The stores actorgraph writes to and reads from, by the name `--store` and ACTORGRAPH_STORE take.
 * This list is the one place that names them: the configuration, the API's health answer and the
 * store types take their names from it, and store/open-store.ts keys how each is opened by it (a
 * kind without an opener does not compile). Adding a store: ARCHITECTURE.md, "Adding a store".
 */

/** The Cypher dialects of cypher/<dialect>/ (LadybugDB speaks Kuzu's). */
export const DIALECTS = ['kuzu', 'neo4j'] as const;
export type Dialect = (typeof DIALECTS)[number];

export interface StoreKindInfo {
  dialect: Dialect;
  /** Keeps its data in a file of its own (`--db`), rather than on a server it connects to. */
  embedded: boolean;
  description: string;
}

export const STORE_KINDS = {
  ladybug: {
    dialect: 'kuzu',
    embedded: true,
    description: "embedded LadybugDB (Kuzu's maintained fork) in a file: --db, ACTORGRAPH_DB",
  },
  neo4j: { dialect: 'neo4j', embedded: false, description: 'a Neo4j 5 server: NEO4J_URI' },
} as const satisfies Record<string, StoreKindInfo>;

export type StoreKind = keyof typeof STORE_KINDS;

/** The names, for validation (`z.enum`) and messages. */
export const STORE_NAMES = Object.keys(STORE_KINDS) as [StoreKind, ...StoreKind[]];

/** The store used when none is named and no NEO4J_URI is set. */
export const DEFAULT_STORE: StoreKind = 'ladybug';

/**
 * Old names still accepted, for one release, with a notice: the embedded store was called "kuzu"
 * until LadybugDB replaced Kuzu.
 */
export const STORE_ALIASES: Record<string, StoreKind> = { kuzu: 'ladybug' };
