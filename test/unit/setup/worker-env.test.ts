/**
 * The global setup (test/setup/global-setup.ts) sets NEO4J_URI / CORENLP_URL / ACTORGRAPH_NER in its
 * own process.env; the test files read them from theirs, in a forked worker. This checks that what
 * the setup decided (handed over by provide/inject, vitest's own channel) is what the worker sees:
 * if vitest built the workers' environment before the setup ran, or vitest.config's `env` overrode
 * it, the Neo4j and CoreNLP tests would silently skip.
 */
import { expect, inject, it } from 'vitest';
import '../../setup/provided.js';

const services = inject('testServices');

it("every variable the setup set is in this worker's process.env", () => {
  expect(Object.keys(services.env).length).toBeGreaterThan(0);
  for (const [name, value] of Object.entries(services.env)) expect(process.env[name], name).toBe(value);
});

it('a server the setup started or was given is named in this worker', () => {
  expect(Boolean(process.env.NEO4J_URI)).toBe(services.neo4j !== 'none');
  expect(Boolean(process.env.CORENLP_URL)).toBe(services.corenlp !== 'none');
});
