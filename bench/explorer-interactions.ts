/**
 * What a user waits for in the explorer at scale: the first drawn canvas, a node's details after
 * choosing it in the search box, and an expansion, each timed in headless Chromium over the real
 * server and built client on a synthetic graph (bench/synthetic-graph.ts) in a fresh LadybugDB
 * database. bench/explorer-scale.ts measures frame times; this one measures the waits.
 *
 * The same steps run on the default first view (500 nodes) as the baseline of the same run, and
 * on `/?limit=<nodes>`; the figures are printed with their ratio to the baseline, so they can be
 * read on a busy machine. BASELINE_CLIENT_DIR=<dir> instead compares this client with another
 * build (say, main's, built into a folder) at scale. Either way the two take turns round by round.
 *
 * Run: npx tsx bench/explorer-interactions.ts [nodes=20000] [edges=50000] [rounds=4]
 * Asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { GraphBatch } from '../server/domain/graph.js';
import type { RunningServer } from '../server/http/server.js';
import { REPO_ROOT } from '../server/config.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { CLIENT_DIR } from '../test/helpers/test-server.js';
import { serveForBench } from './bench-server.js';
import { syntheticGraph } from './synthetic-graph.js';

const NODES = Number(process.argv[2] ?? 20_000);
const EDGES = Number(process.argv[3] ?? 50_000);
const ROUNDS = Number(process.argv[4] ?? 4);
const BASELINE_CLIENT = process.env.BASELINE_CLIENT_DIR;
const VIEWPORT = { width: 1400, height: 850 };

interface Waits {
  firstCanvas: number;
  details: number;
  expand: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Actors with a few dozen relationships: the kind of node a user opens, then expands. */
function actorsToOpen(batch: GraphBatch, count: number): string[] {
  const degree = new Map<string, number>();
  for (const edge of batch.edges) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
  }
  return batch.nodes
    .filter((node) => node.label === 'Actor' && (degree.get(node.id) ?? 0) >= 20 && (degree.get(node.id) ?? 0) <= 60)
    .slice(0, count)
    .map((node) => String(node.properties.name));
}

/** One round: open the page, wait for its first frame, choose a name by search, expand it. */
async function round(page: Page, url: string, name: string): Promise<Waits> {
  let started = performance.now();
  await page.goto(url);
  await page.waitForSelector('body[data-graph-ready="true"]', { state: 'attached', timeout: 300_000 });
  const firstCanvas = performance.now() - started;

  await page.fill('#search-input', name);
  const suggestion = page.locator('#search-suggestions [data-testid="search-suggestion"]', { hasText: name }).first();
  await suggestion.waitFor({ timeout: 60_000 });
  started = performance.now();
  await suggestion.click();
  await page.locator('#details-panel:not([aria-busy]) h2', { hasText: name }).waitFor({ timeout: 60_000 });
  const details = performance.now() - started;

  await page.evaluate(() => (document.getElementById('status')!.textContent = ''));
  const expand = page.locator('[data-testid="expand-next"]');
  await expand.waitFor({ timeout: 60_000 });
  started = performance.now();
  await expand.click();
  await page.waitForFunction(() => /neighbour/.test(document.getElementById('status')!.textContent ?? ''), undefined, {
    timeout: 120_000,
  });
  return { firstCanvas, details, expand: performance.now() - started };
}

const medians = (all: Waits[]): Waits => ({
  firstCanvas: median(all.map((w) => w.firstCanvas)),
  details: median(all.map((w) => w.details)),
  expand: median(all.map((w) => w.expand)),
});

/**
 * The medians of ROUNDS rounds on each of these addresses, the addresses taking turns round by
 * round (in alternating order), so that a change of the machine's load, and the warmer caches the
 * second visitor of a name finds, fall on all of them alike. Use an even number of rounds.
 */
async function measure(browser: Browser, urls: string[], names: string[]): Promise<Waits[]> {
  const all: Waits[][] = urls.map(() => []);
  for (let i = 0; i < ROUNDS; i += 1) {
    // Who goes first alternates: the second to open a name finds the database's pages warm.
    const order = [...urls.keys()];
    if (i % 2 === 1) order.reverse();
    for (const which of order) {
      const url = urls[which];
      const page = await browser.newPage({ viewport: VIEWPORT });
      try {
        all[which].push(await round(page, url, names[i % names.length]));
      } finally {
        await page.close();
      }
    }
  }
  return all.map(medians);
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

function print(title: string, waits: Waits, baseline?: Waits, versus = 'baseline'): void {
  console.log(title);
  for (const key of ['firstCanvas', 'details', 'expand'] as const) {
    const ratio = baseline ? `  (${(waits[key] / baseline[key]).toFixed(2)}x ${versus})` : '';
    const label = { firstCanvas: 'first drawn canvas', details: 'details after a search pick', expand: 'expand' }[key];
    console.log(`  ${label.padEnd(30)} ${ms(waits[key])}${ratio}`);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-interactions-'));
  const servers: RunningServer[] = [];
  let store: KuzuStore | undefined;
  let browser: Browser | undefined;
  try {
    console.log(`explorer waits: ${NODES} nodes, ${EDGES} relationships, median of ${ROUNDS} rounds`);
    const batch = syntheticGraph({ nodes: NODES, edges: EDGES });
    const names = actorsToOpen(batch, ROUNDS);
    const writer = await KuzuStore.open({ path: join(dir, 'graph.lbug'), readOnly: false });
    try {
      await writer.writeBatch(batch);
    } finally {
      await writer.close();
    }
    store = await KuzuStore.open({ path: join(dir, 'graph.lbug'), readOnly: true });
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
    const server = await serveForBench(store, { timeoutMs: 300_000, clientDir: CLIENT_DIR });
    servers.push(server);
    browser = await launchBrowser();

    if (BASELINE_CLIENT) {
      // This client against another build, at scale only, their rounds taking turns.
      const other = await serveForBench(store, { timeoutMs: 300_000, clientDir: BASELINE_CLIENT });
      servers.push(other);
      const [large, otherLarge] = await measure(
        browser,
        [`${server.url}/?limit=${NODES}`, `${other.url}/?limit=${NODES}`],
        names,
      );
      print(`the client in ${BASELINE_CLIENT}, ${NODES} nodes`, otherLarge);
      print(`this client, ${NODES} nodes`, large, otherLarge, 'the other client');
    } else {
      const [small, large] = await measure(browser, [`${server.url}/`, `${server.url}/?limit=${NODES}`], names);
      print('default first view (500 nodes): the baseline', small);
      print(`first view of ${NODES} nodes`, large, small);
    }
    console.log('(wall-clock times on a shared machine: read the ratios, measured in the same run)');
  } finally {
    await browser?.close();
    for (const server of servers) await server.stop();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
