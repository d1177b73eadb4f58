/** Which servers the test run starts and which environment the workers get (test/setup/services-plan.ts). */
import { describe, expect, it } from 'vitest';
import { planServices, toolsNeeded, workerEnv } from '../../setup/services-plan.js';

describe('planServices', () => {
  it('by default starts both servers', () => {
    expect(planServices({})).toEqual({ kind: 'services', neo4j: { kind: 'start' }, corenlp: { kind: 'start' } });
    expect(planServices({ ACTORGRAPH_TEST_SERVICES: 'all' })).toEqual(planServices({}));
  });

  it('uses NEO4J_URI and CORENLP_URL when the caller set them, and starts only the rest', () => {
    expect(planServices({ NEO4J_URI: 'bolt://db:7687' })).toEqual({
      kind: 'services',
      neo4j: { kind: 'given', url: 'bolt://db:7687' },
      corenlp: { kind: 'start' },
    });
    expect(planServices({ CORENLP_URL: 'http://nlp:9000' })).toMatchObject({
      neo4j: { kind: 'start' },
      corenlp: { kind: 'given', url: 'http://nlp:9000' },
    });
  });

  it('ACTORGRAPH_TEST_SERVICES=none starts nothing', () => {
    expect(planServices({ ACTORGRAPH_TEST_SERVICES: 'none', NEO4J_URI: 'bolt://db:7687' })).toEqual({ kind: 'none' });
  });

  it('refuses a value it does not know rather than guess', () => {
    expect(() => planServices({ ACTORGRAPH_TEST_SERVICES: 'neo4j' })).toThrow(
      /"all" \(the default\) or "none", not "neo4j"/,
    );
  });
});

describe('toolsNeeded', () => {
  it('everything when a server is to be started', () => {
    expect(toolsNeeded(planServices({}))).toEqual(['chromium', 'networkx', 'java', 'maven']);
    expect(toolsNeeded(planServices({ NEO4J_URI: 'bolt://db' }))).toContain('java');
  });

  it('no Java or Maven when both servers are given', () => {
    expect(toolsNeeded(planServices({ NEO4J_URI: 'bolt://db', CORENLP_URL: 'http://nlp' }))).toEqual([
      'chromium',
      'networkx',
    ]);
  });

  it('nothing in a quick loop', () => {
    expect(toolsNeeded({ kind: 'none' })).toEqual([]);
  });
});

describe('workerEnv', () => {
  it('with CoreNLP: the URLs, and ACTORGRAPH_NER left to the imports (auto uses CORENLP_URL)', () => {
    expect(workerEnv({ neo4jUri: 'bolt://a', corenlpUrl: 'http://b' }, {})).toEqual({
      NEO4J_URI: 'bolt://a',
      CORENLP_URL: 'http://b',
    });
  });

  it('without CoreNLP: imports in tests use the rules', () => {
    expect(workerEnv({ neo4jUri: 'bolt://a' }, {})).toEqual({ NEO4J_URI: 'bolt://a', ACTORGRAPH_NER: 'rules' });
  });

  it("the caller's ACTORGRAPH_NER wins", () => {
    expect(workerEnv({}, { ACTORGRAPH_NER: 'auto' })).toEqual({});
  });
});
