/**
 * Hostile text in the graph (a node named like an HTML tag) shows as those characters in the
 * suggestions and the details panel, runs nothing, and the page allows no inline script.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphBatch } from '../../server/domain/graph.js';
import { launchBrowser } from '../helpers/browser.js';
import { sampleGraph } from '../helpers/sample-graph.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
let server: TestServer;
let browser: Browser;

function hostileGraph(): GraphBatch {
  const graph = sampleGraph();
  graph.nodes.push({
    id: 'actor:hostile',
    label: 'Actor',
    properties: {
      name: HOSTILE,
      kind: 'person',
      aliases: ['<script>alert(2)</script>'],
      description: null,
      searchText: `${HOSTILE} | hostile`,
      rule: 'test',
      confidence: 1,
      evidence: null,
    },
  });
  graph.edges.push({
    id: 'MET:actor:hostile->actor:ada-lovelace',
    type: 'MET',
    source: 'actor:hostile',
    target: 'actor:ada-lovelace',
    sourceLabel: 'Actor',
    targetLabel: 'Actor',
    properties: {
      rule: 'test',
      confidence: 1,
      evidence: JSON.stringify([
        { documentId: 'doc:1', sentence: '<b onmouseover=alert(3)>met</b>', start: 0, end: 5 },
      ]),
      date: null,
    },
  });
  return graph;
}

beforeAll(async () => {
  server = await startTestServer({ importSamples: false, graph: hostileGraph() });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeTempDirs();
});

describe('hostile text', () => {
  it('is shown as text and runs nothing', async () => {
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto(server.url);
    await page.waitForSelector('body[data-graph-ready="true"]');
    await page.fill('#search-input', 'hostile');
    const suggestion = page.locator('[data-testid="search-suggestion"]').first();
    await suggestion.waitFor();
    await expect(suggestion.textContent()).resolves.toContain(HOSTILE);
    await suggestion.click();
    const panel = page.locator('[data-testid="details-panel"]');
    await panel.locator('h2').waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toBe(HOSTILE);
    await expect(panel.textContent()).resolves.toContain('<b onmouseover=alert(3)>met</b>');
    expect(await page.locator('#details-panel img, #details-panel b, #details-panel script').count()).toBe(0);
    // The Content-Security-Policy refuses an inline script even if one got into the page.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(dialogs).toBe(0);
    await page.close();
  });
});
