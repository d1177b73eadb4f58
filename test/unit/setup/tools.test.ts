/** The test setup's decisions about missing tools (test/setup/tools.ts), over probes given here. */
import { describe, expect, it } from 'vitest';
import { missingTools, planTools, stillMissingMessage, type ToolProbes } from '../../setup/tools.js';

const ALL = ['chromium', 'networkx', 'java', 'maven'] as const;

function probes(over: Partial<ToolProbes> = {}): ToolProbes {
  return { chromium: () => true, networkx: () => true, javaMajor: () => 17, maven: () => true, ...over };
}

describe('missingTools', () => {
  it('finds nothing missing on a machine that has everything', () => {
    expect(missingTools(ALL, probes())).toEqual([]);
  });

  it('names each missing tool, in the order asked', () => {
    const missing = missingTools(ALL, probes({ chromium: () => false, maven: () => false }));
    expect(missing).toEqual([{ tool: 'chromium' }, { tool: 'maven' }]);
  });

  it('counts a Java older than 17 as missing and says which was found', () => {
    expect(missingTools(['java'], probes({ javaMajor: () => 11 }))).toEqual([
      { tool: 'java', detail: 'Java 11 found' },
    ]);
    expect(missingTools(['java'], probes({ javaMajor: () => null }))).toEqual([{ tool: 'java' }]);
    expect(missingTools(['java'], probes({ javaMajor: () => 21 }))).toEqual([]);
  });

  it('asks only about the tools needed', () => {
    const asked: string[] = [];
    const spy = probes({
      javaMajor: () => (asked.push('java'), null),
      maven: () => (asked.push('maven'), false),
    });
    expect(missingTools(['chromium', 'networkx'], spy)).toEqual([]);
    expect(asked).toEqual([]);
  });
});

describe('planTools', () => {
  const debianUser = { isRoot: false, hasAptGet: true };

  it('is ready when nothing is missing', () => {
    expect(planTools([], { isRoot: false, hasAptGet: false })).toEqual({ kind: 'ready' });
  });

  it('as root with apt-get: installs the Debian packages', () => {
    const plan = planTools([{ tool: 'chromium' }, { tool: 'networkx' }, { tool: 'java' }], {
      isRoot: true,
      hasAptGet: true,
    });
    expect(plan).toEqual({
      kind: 'install',
      packages: ['chromium', 'python3-networkx', 'default-jdk-headless'],
      command: 'apt-get update -qq && apt-get install -y -qq chromium python3-networkx default-jdk-headless',
    });
  });

  it('not root: stops with the exact sudo command and each missing tool', () => {
    const plan = planTools([{ tool: 'chromium' }, { tool: 'maven' }], debianUser);
    expect(plan.kind).toBe('stop');
    if (plan.kind !== 'stop') return;
    expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y chromium maven');
    expect(plan.message).toContain('Chromium, for the browser tests');
    expect(plan.message).toContain("Maven, which fetches Neo4j's and CoreNLP's jars");
    expect(plan.message).not.toContain('NetworkX');
    expect(plan.message).toContain('ACTORGRAPH_TEST_SERVICES=none');
  });

  it('an old Java: the message says which version was found', () => {
    const plan = planTools([{ tool: 'java', detail: 'Java 11 found' }], debianUser);
    expect(plan.kind === 'stop' && plan.message).toContain(
      'Java 17+, for the Neo4j test server and CoreNLP (Java 11 found)',
    );
  });

  it('without apt-get: names the packages without pretending a command for this system', () => {
    const plan = planTools([{ tool: 'networkx' }], { isRoot: true, hasAptGet: false });
    expect(plan.kind).toBe('stop');
    if (plan.kind !== 'stop') return;
    expect(plan.message).toContain('Debian names: python3-networkx');
    expect(plan.message).not.toContain('apt-get install');
  });

  it('a CHROMIUM_PATH that names nothing stops even as root: apt-get cannot fix the setting', () => {
    const plan = planTools([{ tool: 'chromium' }, { tool: 'networkx' }], {
      isRoot: true,
      hasAptGet: true,
      chromiumPath: '/nonexistent',
    });
    expect(plan.kind).toBe('stop');
    if (plan.kind !== 'stop') return;
    expect(plan.message).toContain('Chromium at CHROMIUM_PATH=/nonexistent (nothing executable there)');
    expect(plan.message).toContain('unset it to use /usr/bin/chromium');
    // The rest still gets its command, and chromium is not in it.
    expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y python3-networkx\n');
  });

  it('a CHROMIUM_PATH set but working does not matter when other tools are missing', () => {
    const plan = planTools([{ tool: 'maven' }], { isRoot: true, hasAptGet: true, chromiumPath: '/opt/chrome' });
    expect(plan).toMatchObject({ kind: 'install', packages: ['maven'] });
  });
});

it('stillMissingMessage names the packages installed and what is still not usable', () => {
  expect(stillMissingMessage([{ tool: 'java', detail: 'Java 11 found' }])).toBe(
    'apt-get installed default-jdk-headless, but still missing: Java 17+, for the Neo4j test server and CoreNLP (Java 11 found). Check PATH.',
  );
});
