/**
 * vitest's globalSetup: makes `npm test` the whole suite on a fresh machine. Before any test file
 * runs it checks the tools the suite needs (installing them with apt-get as root, or stopping at once
 * with the command to run), starts the Neo4j test server and CoreNLP's server in parallel on free
 * ports, and puts NEO4J_URI / CORENLP_URL in process.env. vitest builds the test workers'
 * environment from process.env after this setup has run (test/unit/setup/worker-env.test.ts checks
 * that it still does). The teardown stops both servers; a run cut short (Ctrl-C: vitest calls
 * process.exit) stops them through exit handlers, and a killed run through the start scripts'
 * watchdogs.
 *
 * ACTORGRAPH_TEST_SERVICES=none checks and starts nothing (quick loops); NEO4J_URI / CORENLP_URL
 * already set are used as they are.
 */
import { stripVTControlCharacters } from 'node:util';
import type { TestProject } from 'vitest/node';
import { modelsDownloaded, startCoreNlp, type RunningCoreNlp } from '../../server/importer/ner/corenlp-launcher.js';
import { aptInstall } from './apt-install.js';
import { startNeo4j, type RunningNeo4j } from './neo4j-server.js';
import { realProbes, thisMachine } from './probes.js';
import type { TestServices } from './provided.js';
import { planServices, toolsNeeded, workerEnv, type ServicesPlan } from './services-plan.js';
import { missingTools, planTools, stillMissingMessage, type Tool } from './tools.js';

const say = (line: string) => console.log(`[test setup] ${line}`);

/** CoreNLP's first run: up to ~480 MB of models to download; later runs load them in ~15-30 s. */
const CORENLP_FIRST_RUN_MS = 10 * 60_000;
const CORENLP_WARM_MS = 3 * 60_000;

/** A reason the run cannot go on: one explanation and a command, printed alone (see stopRun). */
class SetupStop extends Error {}

/**
 * Prints the reason and ends the run. Not a thrown error: vitest would print it under "No test files
 * found" and its filter settings, with a stack through this file, which buries the one line that
 * matters. Nothing is left running here: servers are stopped before a SetupStop is thrown.
 */
function stopRun(reason: SetupStop): never {
  console.error(`\n[test setup] ${reason.message}\n`);
  process.exit(1);
}

async function ensureTools(needed: Tool[]): Promise<void> {
  const probes = realProbes();
  const missing = missingTools(needed, probes);
  const plan = planTools(missing, thisMachine());
  if (plan.kind === 'ready') return;
  if (plan.kind === 'stop') throw new SetupStop(plan.message);
  say(`installing ${plan.packages.join(' ')} (${plan.command}, as root; this may take a minute)…`);
  try {
    await aptInstall(plan.packages);
  } catch (error) {
    throw new SetupStop(error instanceof Error ? error.message : String(error));
  }
  const still = missingTools(needed, probes);
  if (still.length > 0) throw new SetupStop(stillMissingMessage(still));
}

interface Started {
  neo4j?: RunningNeo4j;
  corenlp?: RunningCoreNlp;
}

/** Starts what the plan says, both at once; when one fails, the other is stopped too. */
async function startServers(plan: Extract<ServicesPlan, { kind: 'services' }>): Promise<Started> {
  const neo4j = plan.neo4j.kind === 'start' ? startNeo4j((line) => say(`neo4j: ${line}`)) : undefined;
  const corenlp =
    plan.corenlp.kind === 'start'
      ? startCoreNlp({
          readyTimeoutMs: modelsDownloaded() ? CORENLP_WARM_MS : CORENLP_FIRST_RUN_MS,
          // start.sh's own lines ("corenlp: loading the models…", "still loading…") and Maven's
          // downloads on a first run; not CoreNLP's INFO log.
          onProgress: (raw) => {
            // Maven prints colour resets even with -q, ahead of start.sh's next line on the same line.
            const line = stripVTControlCharacters(raw);
            if (/^corenlp:|Downloaded from|\bERROR\b/.test(line))
              say(line.startsWith('corenlp:') ? line : `corenlp: ${line}`);
          },
        })
      : undefined;
  const [n, c] = await Promise.allSettled([neo4j, corenlp]);
  const started: Started = {
    neo4j: n.status === 'fulfilled' ? n.value : undefined,
    corenlp: c.status === 'fulfilled' ? c.value : undefined,
  };
  const failures = [n, c].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    await stopServers(started);
    const reasons = failures.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason)));
    throw new SetupStop(
      `${reasons.join('\n')}\nFor a quick loop without the servers: ACTORGRAPH_TEST_SERVICES=none npx vitest run test/unit`,
    );
  }
  return started;
}

async function stopServers(started: Started): Promise<void> {
  await Promise.all([started.neo4j?.stop(), started.corenlp?.stop()]);
}

function status(choice: { kind: 'start' | 'given' }): 'started' | 'given' {
  return choice.kind === 'start' ? 'started' : 'given';
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    return await prepare(project);
  } catch (error) {
    if (error instanceof SetupStop) stopRun(error);
    throw error;
  }
}

async function prepare(project: TestProject): Promise<() => Promise<void>> {
  let plan: ServicesPlan;
  try {
    plan = planServices(process.env);
  } catch (error) {
    throw new SetupStop(error instanceof Error ? error.message : String(error));
  }

  if (plan.kind === 'none') {
    say(
      'ACTORGRAPH_TEST_SERVICES=none: nothing checked or started; the Neo4j and CoreNLP halves are skipped, imports use the rules.',
    );
    publish(project, { neo4j: 'none', corenlp: 'none', env: workerEnv({}, process.env) });
    return async () => undefined;
  }

  await ensureTools(toolsNeeded(plan));

  const began = Date.now();
  if (plan.neo4j.kind === 'start' || plan.corenlp.kind === 'start') {
    const names = [plan.neo4j.kind === 'start' && 'Neo4j', plan.corenlp.kind === 'start' && 'CoreNLP'].filter(Boolean);
    say(`starting ${names.join(' and ')} for the run (set NEO4J_URI / CORENLP_URL to use your own)…`);
  }
  const started = await startServers(plan);
  const urls = {
    neo4jUri: plan.neo4j.kind === 'given' ? plan.neo4j.url : started.neo4j?.uri,
    corenlpUrl: plan.corenlp.kind === 'given' ? plan.corenlp.url : started.corenlp?.url,
  };
  say(
    `Neo4j ${urls.neo4jUri} (${status(plan.neo4j)}), CoreNLP ${urls.corenlpUrl} (${status(plan.corenlp)}), ` +
      `ready after ${Math.round((Date.now() - began) / 1000)} s`,
  );
  publish(project, { neo4j: status(plan.neo4j), corenlp: status(plan.corenlp), env: workerEnv(urls, process.env) });

  return async () => {
    if (!started.neo4j && !started.corenlp) return;
    await stopServers(started);
    say('stopped the servers this run started');
  };
}

/** process.env reaches the workers (they are forked after this setup); provide() lets a test check it. */
function publish(project: TestProject, services: TestServices): void {
  Object.assign(process.env, services.env);
  project.provide('testServices', services);
}
