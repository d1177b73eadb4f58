/**
 * What the test suite needs from the machine, and what to do when some of it is missing: install it
 * with apt-get (root on Debian), or stop at once with the exact command to run. Pure decisions over
 * injected probes (probes.ts has the real ones), so that every branch has a unit test.
 */

export type Tool = 'chromium' | 'networkx' | 'java' | 'maven';

export const MIN_JAVA = 17;

/** What the real machine says; each probe answers one question. */
export interface ToolProbes {
  /** Whether the Chromium the browser tests launch (CHROMIUM_PATH or /usr/bin/chromium) is executable. */
  chromium(): boolean;
  /** Whether /usr/bin/python3 can import networkx (the export tests read GraphML and GEXF back). */
  networkx(): boolean;
  /** The major version of `java` on PATH; null when there is none. */
  javaMajor(): number | null;
  /** Whether `mvn` is on PATH. */
  maven(): boolean;
}

export interface Missing {
  tool: Tool;
  /** Why it counts as missing, for the message ("Java 11 found"). */
  detail?: string;
}

/** Debian's package for each tool (the names .ci/run used to install). */
export const DEBIAN_PACKAGES: Record<Tool, string> = {
  chromium: 'chromium',
  networkx: 'python3-networkx',
  java: 'default-jdk-headless',
  maven: 'maven',
};

const PURPOSE: Record<Tool, string> = {
  chromium: 'Chromium, for the browser tests',
  networkx: 'NetworkX for /usr/bin/python3, for the export tests',
  java: `Java ${MIN_JAVA}+, for the Neo4j test server and CoreNLP`,
  maven: "Maven, which fetches Neo4j's and CoreNLP's jars",
};

export function missingTools(needed: readonly Tool[], probes: ToolProbes): Missing[] {
  const missing: Missing[] = [];
  for (const tool of needed) {
    if (tool === 'java') {
      const major = probes.javaMajor();
      if (major === null) missing.push({ tool });
      else if (major < MIN_JAVA) missing.push({ tool, detail: `Java ${major} found` });
    } else if (!probes[tool]()) {
      missing.push({ tool });
    }
  }
  return missing;
}

export interface Machine {
  /** Running as root (apt-get can install without sudo). */
  isRoot: boolean;
  /** apt-get is on PATH (a Debian-like system). */
  hasAptGet: boolean;
  /** CHROMIUM_PATH as the user set it: a missing browser there is not apt-get's to fix. */
  chromiumPath?: string;
}

export type ToolPlan =
  { kind: 'ready' } | { kind: 'install'; packages: string[]; command: string } | { kind: 'stop'; message: string };

const QUICK_LOOP = 'ACTORGRAPH_TEST_SERVICES=none npx vitest run test/unit';

/** Decides what to do about the missing tools on this machine. */
export function planTools(missing: readonly Missing[], machine: Machine): ToolPlan {
  if (missing.length === 0) return { kind: 'ready' };
  // A CHROMIUM_PATH that names nothing is the user's setting to fix: installing Debian's chromium
  // would not change it, so it stops the run even as root.
  const badChromiumPath = machine.chromiumPath !== undefined && missing.some((m) => m.tool === 'chromium');
  const installable = missing.filter((m) => !(badChromiumPath && m.tool === 'chromium'));
  const packages = installable.map((m) => DEBIAN_PACKAGES[m.tool]);
  const aptCommand = `apt-get update -qq && apt-get install -y -qq ${packages.join(' ')}`;

  if (!badChromiumPath && machine.isRoot && machine.hasAptGet) {
    return { kind: 'install', packages, command: aptCommand };
  }

  const lines = ['The test suite cannot run: this machine lacks'];
  for (const m of missing) {
    if (badChromiumPath && m.tool === 'chromium') {
      lines.push(`  - Chromium at CHROMIUM_PATH=${machine.chromiumPath} (nothing executable there)`);
    } else {
      lines.push(`  - ${PURPOSE[m.tool]}${m.detail ? ` (${m.detail})` : ''}`);
    }
  }
  if (badChromiumPath) {
    lines.push('Point CHROMIUM_PATH at a Chromium or Chrome binary, or unset it to use /usr/bin/chromium.');
  }
  if (packages.length > 0) {
    if (machine.hasAptGet) {
      lines.push('Install with:', `  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
    } else {
      lines.push(
        `Install with your system's package manager (Debian names: ${packages.join(' ')});`,
        'CHROMIUM_PATH may name any Chromium or Chrome binary.',
      );
    }
  }
  lines.push(`For a quick loop that needs none of it: ${QUICK_LOOP}`);
  return { kind: 'stop', message: lines.join('\n') };
}

/** The message when apt-get ran but some tools are still not usable (e.g. an older java first on PATH). */
export function stillMissingMessage(missing: readonly Missing[]): string {
  const what = missing.map((m) => `${PURPOSE[m.tool]}${m.detail ? ` (${m.detail})` : ''}`).join('; ');
  return `apt-get installed ${missing.map((m) => DEBIAN_PACKAGES[m.tool]).join(' ')}, but still missing: ${what}. Check PATH.`;
}
