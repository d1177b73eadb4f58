/**
 * The HTML snapshot opened in headless Chromium with the network off: the graph draws, a search
 * finds a name, and clicking it shows the sentences that support its relations.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { buildGraph, loadGazetteer } from '../../server/importer/build-graph.js';
import { readSources } from '../../server/importer/read/index.js';
import { sourceFromBatch } from '../../server/export/export-graph.js';
import { writeHtmlSnapshot } from '../../server/export/html-snapshot-writer.js';
import { launchBrowser } from '../helpers/browser.js';
import { exportFixture } from '../helpers/export-fixture.js';
import { removeTempDirs, tempDir } from '../helpers/temp-dir.js';

let browser: Browser;

async function snapshotFile(name: string, chunks: AsyncIterable<string>): Promise<string> {
  let html = '';
  for await (const chunk of chunks) html += chunk;
  const file = join(tempDir(), name);
  writeFileSync(file, html);
  return file;
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  removeTempDirs();
});

describe('the HTML snapshot', () => {
  it('works offline: draws the graph, searches a name, shows its evidence', async () => {
    const documents = (await readSources([join(REPO_ROOT, 'data', 'articles')])).documents;
    const batch = buildGraph(documents, { gazetteer: await loadGazetteer() });
    const file = await snapshotFile('samples.html', writeHtmlSnapshot(sourceFromBatch(batch), 'Karabakh sample'));
    const context = await browser.newContext({ offline: true });
    const requests: string[] = [];
    context.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) requests.push(request.url());
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-graph-ready="true"]', { timeout: 20_000 });
    expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);
    await page.fill('#search', 'Baer');
    await page.locator('[data-testid="snapshot-hit"]', { hasText: 'Daniel Baer' }).click();
    await page.locator('#panel h2', { hasText: 'Daniel Baer' }).waitFor();
    const evidence = await page.locator('[data-testid="snapshot-evidence"]').allTextContents();
    expect(evidence.join(' ')).toContain('a senior fellow at the Carnegie Endowment for International Peace');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  });

  it('shows hostile text as text', async () => {
    const file = await snapshotFile(
      'tricky.html',
      writeHtmlSnapshot(sourceFromBatch(exportFixture()), '<script>alert(1)</script>'),
    );
    const page = await browser.newPage();
    let dialogs = 0;
    page.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-graph-ready="true"]');
    await page.fill('#search', 'Zoë');
    await page.locator('[data-testid="snapshot-hit"]').first().click();
    await expect(page.locator('#panel h2').textContent()).resolves.toContain('<b>&amp;</b>');
    expect(await page.title()).toBe('<script>alert(1)</script>');
    expect(dialogs).toBe(0);
    await page.close();
  });
});
