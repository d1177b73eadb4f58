/** What the global setup hands the test files through vitest's provide/inject. */

export interface TestServices {
  /** "started": by this run's setup; "given": the caller's NEO4J_URI / CORENLP_URL; "none": not available. */
  neo4j: 'started' | 'given' | 'none';
  corenlp: 'started' | 'given' | 'none';
  /** The variables the setup put in process.env (the workers must see the same). */
  env: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testServices: TestServices;
  }
}
