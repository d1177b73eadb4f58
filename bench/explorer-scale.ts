/**
 * The explorer at scale: a synthetic graph (bench/synthetic-graph.ts, default 20,000 nodes and
 * 50,000 relationships) in a fresh Kuzu database, the real server and built client, and headless
 * Chromium opening `/?limit=<nodes>`. Prints the time to the first drawn frame (and where it goes),
 * frame times while panning, zooming and hovering (layout stopped, then with the ForceAtlas2
 * worker running), and the worker's layout iterations per second. Asserts nothing.
 *
 * Run: npx tsx bench/explorer-scale.ts [nodes=20000] [edges=50000]
 *      (CHROMIUM_PATH overrides /usr/bin/chromium; about 5 minutes on 2 cores; PROFILE=1 prints CPU profiles,
 *      QUICK=1 stops after the first view and a pan, CHROMIUM_FLAGS adds switches)
 *
 * Headless Chromium renders WebGL in software (SwiftShader) here: the GL renderer is printed so
 * that the frame times are read as a CPU-rendering worst case, not as a GPU figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../server/config.js';
import { CHROMIUM_PATH, launchBrowser } from '../test/helpers/browser.js';
import { CLIENT_DIR } from '../test/helpers/test-server.js';
import type { RunningServer } from '../server/http/server.js';
import { serveForBench } from './bench-server.js';
import { KuzuStore } from '../server/store/kuzu/kuzu-store.js';
import { forceAtlas2 } from '../client/graph/force-atlas2.js';
import { MultiDirectedGraph } from 'graphology';
import type { GraphBatch } from '../server/domain/graph.js';
import { degreeSummary, syntheticGraph } from './synthetic-graph.js';

const NODES = Number(process.argv[2] ?? 20_000);
const EDGES = Number(process.argv[3] ?? 50_000);
const VIEWPORT = { width: 1400, height: 850 };
const PHASE_MS = 4000;
const MIN_FRAMES = 5;

const PROFILE = process.env.PROFILE === '1';
/** Extra Chromium switches, space-separated (e.g. CHROMIUM_FLAGS="--use-angle=swiftshader"). */
const EXTRA_FLAGS = (process.env.CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean);
/** BENCH_CLIENT_DIR: serve another client build (e.g. `vite build --minify false`, for readable profiles). */
const CLIENT = process.env.BENCH_CLIENT_DIR ?? CLIENT_DIR;
/** QUICK=1: first view and camera pan only. */
const QUICK = process.env.QUICK === '1';

const ms = (value: number) => `${value.toFixed(0)} ms`;
const row = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

interface FrameStats {
  frames: number;
  seconds: number;
  median: number;
  p95: number;
  max: number;
  over50: number;
}

function frameLine(stats: FrameStats): string {
  return (
    `median ${stats.median.toFixed(1).padStart(6)} ms  p95 ${stats.p95.toFixed(1).padStart(6)} ms  ` +
    `max ${stats.max.toFixed(0).padStart(5)} ms  ${(stats.frames / stats.seconds).toFixed(1).padStart(5)} fps  ` +
    `(${stats.frames} frames, ${stats.over50} over 50 ms)`
  );
}

/** Installed before the page's own scripts: records when the graph is ready and drawn. */
function pageProbe(): void {
  const probe = { readyAt: 0, firstFrameAt: 0 };
  Object.assign(window, { __probe: probe });
  const watch = () =>
    new MutationObserver(() => {
      if (probe.readyAt || document.body.dataset.graphReady !== 'true') return;
      probe.readyAt = performance.now();
      requestAnimationFrame(() => (probe.firstFrameAt = performance.now()));
    }).observe(document.body, { attributes: true, attributeFilter: ['data-graph-ready'] });
  if (document.body) watch();
  else document.addEventListener('DOMContentLoaded', watch);
}

/** In the page: frame deltas over `ms` while `drive` (camera moves, by name) runs each frame. */
async function recordFrames(page: Page, ms: number, drive: 'none' | 'pan' | 'zoom' | 'panzoom'): Promise<FrameStats> {
  return page.evaluate(
    ({ ms, drive, minFrames }) =>
      new Promise<FrameStats>((resolve) => {
        const { renderer } = (window as unknown as { actorgraph: { renderer: any } }).actorgraph;
        const camera = renderer.getCamera();
        const home = camera.getState();
        const deltas: number[] = [];
        const start = performance.now();
        let last = start;
        const step = (now: number) => {
          deltas.push(now - last);
          last = now;
          const t = (now - start) / 1000;
          if (drive === 'pan' || drive === 'panzoom') {
            camera.setState({ x: 0.5 + 0.3 * Math.sin(t * 1.3), y: 0.5 + 0.3 * Math.cos(t * 0.9) });
          }
          if (drive === 'zoom' || drive === 'panzoom') {
            camera.setState({ ratio: Math.exp(Math.sin(t * 1.1) * 1.8) * 0.6 });
          }
          // At least MIN_FRAMES frames (a slow canvas gives few), at most 5x the planned time.
          const elapsed = now - start;
          if (elapsed < ms || (deltas.length <= minFrames && elapsed < ms * 5)) requestAnimationFrame(step);
          else {
            camera.setState(home);
            const seconds = (now - start) / 1000;
            const sorted = deltas.slice(1).sort((a, b) => a - b);
            const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
            resolve({
              frames: sorted.length,
              seconds,
              median: at(0.5),
              p95: at(0.95),
              max: sorted[sorted.length - 1] ?? 0,
              over50: sorted.filter((d) => d > 50).length,
            });
          }
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(step);
        });
      }),
    { ms, drive, minFrames: MIN_FRAMES },
  );
}

/** With PROFILE=1: the page's CPU profile while `during` runs, top functions by self time printed. */
async function profiled<T>(page: Page, label: string, during: () => Promise<T>): Promise<T> {
  if (!PROFILE) return during();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const result = await during();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const deltas = profile.timeDeltas ?? [];
  const selfMs = new Map<number, number>();
  (profile.samples ?? []).forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const frame = node.callFrame;
    const where = frame.url ? `${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + (selfMs.get(node.id) ?? 0));
  }
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
  console.log(`    profile of ${label} (self time, ${ms(total)} sampled):`);
  for (const [key, value] of [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`      ${ms(value).padStart(8)}  ${key}`);
  }
  return result;
}

/** Drags the canvas about and turns the wheel while `going()` (each input waits for the page). */
async function dragAndWheel(page: Page, going: () => boolean): Promise<void> {
  const centre = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 };
  for (let i = 0; going(); i++) {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    for (let s = 1; s <= 6 && going(); s++) {
      await page.mouse.move(centre.x + s * 25 * Math.sin(i), centre.y + s * 15);
    }
    await page.mouse.up();
    await page.mouse.wheel(0, i % 2 === 0 ? -240 : 240);
  }
}

/** Frame deltas while the real mouse (Playwright input) does something, as long as they are recorded. */
async function withMouse(page: Page, ms: number, act: (going: () => boolean) => Promise<void>): Promise<FrameStats> {
  let recording = true;
  const frames = recordFrames(page, ms, 'none').finally(() => (recording = false));
  await act(() => recording);
  return frames;
}

/**
 * ForceAtlas2 alone, in Node, on the same graph with the settings the explorer's LayoutController
 * uses: what the worker could do if the page never held it up.
 */
function layoutAloneInNode(batch: GraphBatch, seconds: number): { iterations: number; perSecond: number } {
  // Positions only: the layout reads nothing else (the explorer's graph type wants its data attributes).
  const graph = new MultiDirectedGraph<{ x: number; y: number }>({ allowSelfLoops: false });
  let n = 0;
  for (const node of batch.nodes) {
    const angle = (n++ * 2.399963) % (2 * Math.PI);
    const radius = 20 + (n % 1000) / 12.5;
    graph.addNode(node.id, { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius });
  }
  for (const edge of batch.edges) {
    if (edge.source !== edge.target) graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target);
  }
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
  const started = performance.now();
  let iterations = 0;
  while (performance.now() - started < seconds * 1000) {
    forceAtlas2.assign(graph, { iterations: 5, settings });
    iterations += 5;
  }
  return { iterations, perSecond: iterations / ((performance.now() - started) / 1000) };
}

async function run(): Promise<void> {
  let server: RunningServer | undefined;
  let store: KuzuStore | undefined;
  let browser: Browser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'actorgraph-scale-'));
  try {
    console.log(`explorer scale benchmark: ${NODES} nodes, ${EDGES} relationships requested`);
    let started = performance.now();
    const batch = syntheticGraph({ nodes: NODES, edges: EDGES });
    const degrees = degreeSummary(batch);
    row('generate synthetic graph', `${ms(performance.now() - started)}`);
    row('degrees', `max ${degrees.max}, p99 ${degrees.p99}, median ${degrees.median}, mean ${degrees.mean.toFixed(1)}`);

    started = performance.now();
    // One process writes, then the server reads (as `actorgraph import` then `serve`).
    const writer = await KuzuStore.open({ path: join(dir, 'graph.kuzu'), readOnly: false });
    try {
      await writer.writeBatch(batch);
    } finally {
      await writer.close();
    }
    store = await KuzuStore.open({ path: join(dir, 'graph.kuzu'), readOnly: true });
    server = await serveForBench(store, { timeoutMs: 300_000, clientDir: CLIENT });
    const stats = await store.stats();
    row('write into Kuzu and open the server', `${ms(performance.now() - started)}`);
    row('database holds', `${stats.totalNodes} nodes, ${stats.totalRelationships} relationships`);

    started = performance.now();
    if (CLIENT === CLIENT_DIR)
      execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
    row('client build (if stale)', ms(performance.now() - started));

    browser =
      EXTRA_FLAGS.length === 0
        ? await launchBrowser()
        : await chromium.launch({
            executablePath: CHROMIUM_PATH,
            args: ['--headless', '--no-sandbox', ...EXTRA_FLAGS],
          });
    if (EXTRA_FLAGS.length > 0) row('Chromium switches', EXTRA_FLAGS.join(' '));
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.on('pageerror', (error) => console.log(`  page error: ${error.stack ?? error.message}`));
    // tsx (esbuild, keepNames) wraps named functions in `__name(...)`, which the page lacks.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.addInitScript(pageProbe);

    // ---- First view --------------------------------------------------------------------------
    console.log(`\nfirst view (${VIEWPORT.width}x${VIEWPORT.height}, /?limit=${NODES})`);
    await profiled(page, 'the first view', async () => {
      await page.goto(`${server!.url}/?limit=${NODES}`, { waitUntil: 'commit' });
      await page.waitForSelector('body[data-graph-ready="true"]', { state: 'attached', timeout: 240_000 });
      await page.waitForFunction(() => (window as any).__probe.firstFrameAt > 0);
    });
    const gl = await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      if (!context) return 'no WebGL';
      const info = context.getExtension('WEBGL_debug_renderer_info');
      return String(context.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : context.RENDERER));
    });
    const load = await page.evaluate(() => {
      const probe = (window as any).__probe as {
        readyAt: number;
        firstFrameAt: number;
      };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const overview = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) =>
        entry.name.includes('/api/graph/overview'),
      );
      const { graph } = (window as any).actorgraph;
      return {
        domContentLoaded: nav.domContentLoadedEventEnd,
        requestStart: overview?.startTime ?? 0,
        responseStart: overview?.responseStart ?? 0,
        responseEnd: overview?.responseEnd ?? 0,
        bodyBytes: overview?.decodedBodySize ?? 0,
        wireBytes: overview?.encodedBodySize ?? 0,
        readyAt: probe.readyAt,
        firstFrameAt: probe.firstFrameAt,
        nodes: graph.order as number,
        edges: graph.size as number,
      };
    });
    row('WebGL renderer', gl);
    row('page DOMContentLoaded', ms(load.domContentLoaded));
    row('overview request sent', `at ${ms(load.requestStart)}`);
    row('  server time (request to first byte)', ms(load.responseStart - load.requestStart));
    row(
      '  transfer (first to last byte)',
      `${ms(load.responseEnd - load.responseStart)}  (${(load.wireBytes / 1e6).toFixed(1)} MB on the wire, ${(load.bodyBytes / 1e6).toFixed(1)} MB JSON)`,
    );
    row('  parse + build graph + sigma refresh (JS)', ms(load.readyAt - load.responseEnd));
    row('  first frame drawn (WebGL, next rAF)', ms(load.firstFrameAt - load.readyAt));
    row('graph ready (data-graph-ready)', `at ${ms(load.readyAt)}`);
    row('FIRST DRAWN FRAME after navigation start', `at ${ms(load.firstFrameAt)}`);
    row('on the canvas', `${load.nodes} nodes, ${load.edges} edges`);

    // The server alone, from Node (warm: the page just asked for the same thing).
    for (const pass of [1, 2]) {
      started = performance.now();
      const res = await fetch(`${server.url}/api/graph/overview?limit=${NODES}`);
      const headersAt = performance.now() - started;
      const body = await res.arrayBuffer();
      if (!res.ok) throw new Error(`overview: HTTP ${res.status}`);
      row(
        `server GET /api/graph/overview (Node #${pass})`,
        `${ms(headersAt)} to headers, ${ms(performance.now() - started)} total, ${(body.byteLength / 1e6).toFixed(1)} MB`,
      );
    }

    // ---- Interaction with the layout stopped ------------------------------------------------
    await page.evaluate(() => (window as any).actorgraph.layout.stop());
    await page.waitForTimeout(500);
    console.log(`\nframe times, layout stopped (${PHASE_MS / 1000} s each, rAF deltas in the page)`);
    row('idle', frameLine(await recordFrames(page, 2000, 'none')));
    const pan = await profiled(page, 'pan', () => recordFrames(page, PHASE_MS, 'pan'));
    row('pan (camera.setState every frame)', frameLine(pan));
    if (QUICK) return;
    row('zoom (camera.setState every frame)', frameLine(await recordFrames(page, PHASE_MS, 'zoom')));
    row('pan + zoom (camera.setState every frame)', frameLine(await recordFrames(page, PHASE_MS, 'panzoom')));

    row(
      'mouse drag + wheel (Playwright input)',
      frameLine(await withMouse(page, PHASE_MS, (going) => dragAndWheel(page, going))),
    );
    await page.evaluate(() => {
      const { renderer } = (window as any).actorgraph;
      renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    });
    await page.waitForTimeout(500);

    // Hover: move the mouse over the best-connected nodes that are on screen.
    const targets = await page.evaluate(({ width, height }) => {
      const { graph, renderer } = (window as any).actorgraph;
      const hovered = new Set<string>();
      renderer.on('enterNode', ({ node }: { node: string }) => hovered.add(node));
      Object.assign(window, { __hovered: hovered });
      return (graph.nodes() as string[])
        .map((node) => ({
          node,
          degree: graph.degree(node) as number,
          ...renderer.graphToViewport(graph.getNodeAttributes(node)),
        }))
        .filter((p) => p.x > 20 && p.y > 20 && p.x < width - 20 && p.y < height - 20)
        .sort((a, b) => b.degree - a.degree)
        .slice(0, 300)
        .map(({ x, y }) => ({ x, y }));
    }, VIEWPORT);
    const hoverStats = await withMouse(page, PHASE_MS, async (going) => {
      for (let i = 0; going() && targets.length > 0; i++) {
        const target = targets[i % targets.length];
        await page.mouse.move(target.x, target.y, { steps: 3 });
      }
    });
    const hoveredCount = await page.evaluate(() => ((window as any).__hovered as Set<string>).size);
    row('hover over nodes (mouse moves)', frameLine(hoverStats));
    row('  distinct nodes hovered (enterNode)', `${hoveredCount} of ${targets.length} targets`);
    await page.mouse.move(5, 5);

    // Where a frame's time goes: one render forced to completion (readPixels waits for the GPU
    // process), everything drawn vs what sigma draws while the camera moves with
    // hideEdgesOnMove/hideLabelsOnMove (nodes only).
    const renderCost = await page.evaluate(() => {
      const { renderer } = (window as any).actorgraph;
      const contexts: WebGLRenderingContext[] = Object.values(renderer.webGLContexts ?? {});
      const pixel = new Uint8Array(4);
      const once = () => {
        const t = performance.now();
        renderer.render();
        for (const gl of contexts) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
        return performance.now() - t;
      };
      const median = (runs: number) => {
        const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
        return times[Math.floor(times.length / 2)];
      };
      const full = median(3);
      const camera = renderer.getCamera();
      const isAnimated = camera.isAnimated;
      renderer.setSetting('hideEdgesOnMove', true);
      renderer.setSetting('hideLabelsOnMove', true);
      camera.isAnimated = () => true;
      const moving = median(3);
      camera.isAnimated = isAnimated;
      renderer.setSetting('hideEdgesOnMove', false);
      renderer.setSetting('hideLabelsOnMove', false);
      return { full, moving, contexts: contexts.length };
    });
    row('one frame forced to completion, all drawn', ms(renderCost.full));
    row('  nodes only (hideEdgesOnMove + hideLabelsOnMove)', ms(renderCost.moving));

    await page.evaluate(() => {
      const { renderer } = (window as any).actorgraph;
      renderer.setSetting('hideEdgesOnMove', true);
      renderer.setSetting('hideLabelsOnMove', true);
    });
    row(
      'mouse drag + wheel, hideEdgesOnMove + labels',
      frameLine(await withMouse(page, PHASE_MS, (going) => dragAndWheel(page, going))),
    );
    await page.evaluate(() => {
      const { renderer } = (window as any).actorgraph;
      renderer.setSetting('hideEdgesOnMove', false);
      renderer.setSetting('hideLabelsOnMove', false);
      renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    });

    // ---- The ForceAtlas2 worker ----------------------------------------------------------------
    // graphology's supervisor posts the positions to the worker, which runs ONE iteration per
    // message (webworker.js: `iterate(settings, NODES, EDGES)` then postMessage) and the supervisor
    // writes them back with graph.updateEachNodeAttributes: one 'eachNodeAttributesUpdated' event
    // per iteration.
    console.log('\nForceAtlas2 worker (layout.start, camera phases while it runs, then layout.stop)');
    await page.evaluate(() => {
      const { graph, layout } = (window as any).actorgraph;
      const rounds: number[] = [];
      graph.on('eachNodeAttributesUpdated', () => rounds.push(performance.now()));
      Object.assign(window, { __rounds: rounds, __layoutStart: performance.now() });
      layout.start(600_000);
    });
    await page.waitForTimeout(1500);
    const panZoomLayout = await recordFrames(page, PHASE_MS, 'panzoom');
    const idleLayout = await recordFrames(page, PHASE_MS, 'none');
    const layout = await page.evaluate(() => {
      const { layout } = (window as any).actorgraph;
      const running = layout.running as boolean;
      layout.stop();
      const rounds = (window as any).__rounds as number[];
      const start = (window as any).__layoutStart as number;
      return {
        running,
        rounds: rounds.length,
        window: performance.now() - start,
        firstAt: (rounds[0] ?? start) - start,
        lastAt: (rounds[rounds.length - 1] ?? start) - start,
      };
    });
    const spanSeconds = (layout.lastAt - layout.firstAt) / 1000;
    row('worker still running at the end', String(layout.running));
    row('first iteration back after start', ms(layout.firstAt));
    row('iterations (worker rounds)', `${layout.rounds} in ${(layout.window / 1000).toFixed(1)} s`);
    row(
      'LAYOUT ITERATIONS PER SECOND',
      spanSeconds > 0 ? ((layout.rounds - 1) / spanSeconds).toFixed(2) : 'n/a (fewer than two rounds)',
    );
    const alone = layoutAloneInNode(batch, 5);
    row(
      'FA2 alone in Node (same graph and settings)',
      `${alone.perSecond.toFixed(1)} iterations/s (${alone.iterations} in 5 s): the worker's ceiling`,
    );
    row('pan + zoom while the worker runs', frameLine(panZoomLayout));
    row('idle camera while the worker runs', frameLine(idleLayout));
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    await store?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

await run();
