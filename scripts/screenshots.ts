/**
 * Takes the README's screenshots of the main views (headless Debian Chromium over the sample
 * corpus): `npx tsx scripts/screenshots.ts` writes docs/screenshots/*.png. Not part of `npm test`,
 * so test runs leave the tree clean.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../server/config.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { gotoExplorer, pickSuggestion } from '../test/helpers/explorer-page.js';
import { removeTempDirs } from '../test/helpers/temp-dir.js';
import { startTestServer } from '../test/helpers/test-server.js';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');

async function settle(page: Page, ms = 4500): Promise<void> {
  await page.waitForTimeout(ms);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startTestServer({ importSamples: true });
  const browser = await launchBrowser();
  try {
    const shot = async (
      name: string,
      setup: (page: Page) => Promise<void>,
      colorScheme: 'light' | 'dark' = 'light',
    ) => {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme });
      await gotoExplorer(page, server.url);
      await setup(page);
      await page.screenshot({ path: join(OUT, `${name}.png`) });
      await page.close();
      console.log(`docs/screenshots/${name}.png`);
    };

    await shot('overview-details', async (page) => {
      await settle(page);
      await pickSuggestion(page, '#search-input', 'Aliyev', 'Ilham Aliyev');
      await page.locator('#details-panel h2', { hasText: 'Ilham Aliyev' }).waitFor();
      await settle(page, 1000);
    });
    await shot('path-communities', async (page) => {
      await page.click('#tab-analysis');
      await page.selectOption('#color-mode', 'community');
      await page.selectOption('#size-mode', 'pagerank');
      await page.click('#tab-path');
      await pickSuggestion(page, '#path-from', 'Aliyev', 'Ilham Aliyev');
      await pickSuggestion(page, '#path-to', 'Baer', 'Daniel Baer');
      await page.click('#path-find');
      await page.locator('[data-testid="path-steps"] li').first().waitFor();
      await settle(page);
    });
    await shot('filters-time-slider', async (page) => {
      await page.click('#tab-filters');
      const from = page.locator('#date-from');
      await from.focus();
      for (let i = 0; i < 150; i += 1) await page.keyboard.press('ArrowRight');
      await settle(page);
    });
    await shot(
      'console-dark',
      async (page) => {
        await page.click('#console summary');
        await page.locator('#cypher-starters li button').first().click();
        await page.keyboard.press('Control+Enter');
        await page.waitForTimeout(500);
        await page.locator('#cypher-run').click();
        await page.locator('#cypher-result table, #cypher-result pre').first().waitFor({ timeout: 10_000 });
        await settle(page, 2500);
      },
      'dark',
    );
    await shot('reader', async (page) => {
      await pickSuggestion(page, '#search-input', 'Aliyev', 'Ilham Aliyev');
      await page.locator('#details-panel h2', { hasText: 'Ilham Aliyev' }).waitFor();
      await page.locator('#details-panel button', { hasText: 'Open article' }).first().click();
      await page.locator('#reader mark, #reader .mention').first().waitFor({ timeout: 10_000 });
      await settle(page, 800);
    });
  } finally {
    await browser.close();
    await server.close();
    removeTempDirs();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
