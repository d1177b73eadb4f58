/**
 * The explorer in a real headless Chromium over the real server and the sample corpus: the graph
 * draws, a search finds Aliyev, choosing him opens his details with his statements and sources.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { launchBrowser } from '../helpers/browser.js';
import { gotoExplorer, newExplorerPage, pickSuggestion } from '../helpers/explorer-page.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ importSamples: true });
  browser = await launchBrowser();
  page = await newExplorerPage(browser, pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeTempDirs();
});

describe('the explorer', () => {
  it('draws the overview, finds Aliyev by search and shows his statements with their sources', async () => {
    await gotoExplorer(page, server.url);
    const nodeCount = Number(await page.getAttribute('body', 'data-node-count'));
    expect(nodeCount).toBeGreaterThan(20);
    expect(await page.locator('#legend li').count()).toBeGreaterThanOrEqual(4);

    await pickSuggestion(page, '#search-input', 'Aliyev', 'Ilham Aliyev');

    const panel = page.locator('[data-testid="details-panel"]');
    await panel.locator('h2', { hasText: 'Ilham Aliyev' }).waitFor({ timeout: 10_000 });
    const statements = panel.locator('[data-testid="statement"]');
    expect(await statements.count()).toBeGreaterThan(0);
    await expect(panel.textContent()).resolves.toContain('didn’t get any message from new administration so far');
    await expect(panel.textContent()).resolves.toContain('Baku Calls on Washington');

    // Export what is on screen: the server writes the file, the browser downloads it.
    await page.selectOption('#export-format', 'graphml');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-view')]);
    expect(download.suggestedFilename()).toBe('actorgraph-view.graphml');
    const saved = await download.path();
    const graphml = readFileSync(saved, 'utf8');
    expect(graphml).toContain('<data key="nodeLabel">Actor</data>');
    expect(graphml).toMatch(/<data key="x">-?\d/);

    // The selection (Aliyev) exports with its neighbourhood; PNG draws the canvas in the browser.
    await page.selectOption('#export-format', 'json');
    const [selection] = await Promise.all([page.waitForEvent('download'), page.click('#export-selection')]);
    expect(selection.suggestedFilename()).toBe('actorgraph-selection.json');
    const exported = JSON.parse(readFileSync(await selection.path(), 'utf8')) as {
      nodes: Array<{ properties: { name?: string } }>;
    };
    expect(exported.nodes.some((node) => node.properties.name === 'Ilham Aliyev')).toBe(true);
    await page.selectOption('#export-format', 'png');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-view')]);
    expect(png.suggestedFilename()).toBe('actorgraph-view.png');
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    await page.waitForTimeout(4500); // let the layout settle for the picture
    await page.screenshot({ path: join(REPO_ROOT, 'docs', 'screenshot.png') });

    // The legend hides a label from the canvas and shows it again; the panel closes.
    const statementsToggle = page.locator('#legend button[data-label="Statement"]');
    await statementsToggle.click();
    await expect(statementsToggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.locator('#legend button[data-label="Statement"]').click();
    await expect(statementsToggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await panel.getByRole('button', { name: 'Close details' }).click();
    await panel.waitFor({ state: 'hidden' });
    expect(pageErrors).toEqual([]);
  });
});
