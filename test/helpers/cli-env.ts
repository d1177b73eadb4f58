/**
 * The environment for a CLI child process that must use the embedded store at its --db: the test
 * run's own NEO4J_URI (set by the test setup so the Neo4j halves run) would otherwise make the
 * CLI choose Neo4j, and the child would read and write the shared test server instead.
 */
export function embeddedStoreEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'ACTORGRAPH_STORE'])
    delete env[name];
  return env;
}
