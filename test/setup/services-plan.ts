/**
 * Which servers the test run starts, and which environment the test workers get. Pure functions of
 * the caller's environment, unit-tested in test/unit/setup.
 */
import type { Tool } from './tools.js';

/** A server the setup starts, or the one the caller named (NEO4J_URI / CORENLP_URL already set). */
export type ServiceChoice = { kind: 'start' } | { kind: 'given'; url: string };

export type ServicesPlan = { kind: 'none' } | { kind: 'services'; neo4j: ServiceChoice; corenlp: ServiceChoice };

/** ACTORGRAPH_TEST_SERVICES: unset or "all" = the whole suite; "none" = start nothing (quick loops). */
export function planServices(env: NodeJS.ProcessEnv): ServicesPlan {
  const mode = env.ACTORGRAPH_TEST_SERVICES ?? 'all';
  if (mode === 'none') return { kind: 'none' };
  if (mode !== 'all') {
    throw new Error(`ACTORGRAPH_TEST_SERVICES must be "all" (the default) or "none", not "${mode}"`);
  }
  const choose = (url: string | undefined): ServiceChoice => (url ? { kind: 'given', url } : { kind: 'start' });
  return { kind: 'services', neo4j: choose(env.NEO4J_URI), corenlp: choose(env.CORENLP_URL) };
}

/** The tools to check before anything runs: the browser and NetworkX always, Java and Maven to start a server. */
export function toolsNeeded(plan: ServicesPlan): Tool[] {
  // "none" is for quick loops: it checks nothing, so that a unit test loop works on any machine.
  if (plan.kind === 'none') return [];
  const starts = plan.neo4j.kind === 'start' || plan.corenlp.kind === 'start';
  return starts ? ['chromium', 'networkx', 'java', 'maven'] : ['chromium', 'networkx'];
}

export interface ServiceUrls {
  neo4jUri?: string;
  corenlpUrl?: string;
}

/**
 * The variables the setup puts in process.env for the test workers. Without a CoreNLP server the
 * imports in tests use the rules (ACTORGRAPH_NER=rules) rather than each start a server of its own;
 * with one, ACTORGRAPH_NER stays unset (auto), so imports use CORENLP_URL. A value the caller set wins.
 */
export function workerEnv(urls: ServiceUrls, env: NodeJS.ProcessEnv): Record<string, string> {
  const vars: Record<string, string> = {};
  if (urls.neo4jUri) vars.NEO4J_URI = urls.neo4jUri;
  if (urls.corenlpUrl) vars.CORENLP_URL = urls.corenlpUrl;
  else if (env.ACTORGRAPH_NER === undefined) vars.ACTORGRAPH_NER = 'rules';
  return vars;
}
