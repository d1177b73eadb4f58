/**
 * Screenshots of the explorer's main views, taken with headless Debian Chromium over the sample
 * corpus (the built client: `npm run build` first):
 *
 *   npx tsx scripts/screenshots.ts [folder]
 *
 * writes one PNG per view into `folder` (default docs/screenshots, the README's images). Run it
 * on two checkouts into two folders to compare a change before and after. A view the checkout
 * does not have (the timeline, say) is skipped with a line saying so, so old and new versions
 * can be shot by the same script. Not part of `npm test`.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO_ROOT } from '../server/config.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { gotoExplorer, pickSuggestion } from '../test/helpers/explorer-page.js';
import { removeTempDirs } from '../test/helpers/temp-dir.js';
import { startTestServer } from '../test/helpers/test-server.js';

const OUT = resolve(process.argv[2] ?? join(REPO_ROOT, 'docs', 'screenshots'));
const VIEWPORT = { width: 1440, height: 900 };

/** The layout runs for a few seconds after each change: wait for it to settle before a shot. */
/** The Path tab's shortest path between the samples' Aliyev and Baer, steps listed. */
async function findAliyevToBaer(page: Page): Promise<void> {
  await page.click('#tab-path');
  await pickSuggestion(page, '#path-from', 'Aliyev', 'Ilham Aliyev');
  await pickSuggestion(page, '#path-to', 'Baer', 'Daniel Baer');
  await page.click('#path-find');
  await page.locator('[data-testid="path-steps"] li').first().waitFor();
}

async function settle(page: Page, ms = 4500): Promise<void> {
  await page.waitForTimeout(ms);
}

async function selectAliyev(page: Page): Promise<void> {
  await pickSuggestion(page, '#search-input', 'Aliyev', 'Ilham Aliyev');
  await page.locator('#details-panel h2', { hasText: 'Ilham Aliyev' }).waitFor();
}

async function runFirstStarter(page: Page): Promise<void> {
  await page.click('#console summary');
  await page.locator('#cypher-starters li button').first().click();
  await page.locator('#cypher-run').click();
  await page.locator('#cypher-result table, #cypher-result pre').first().waitFor({ timeout: 10_000 });
}

type Setup = (page: Page) => Promise<void>;

/** A view this version of the explorer does not have. */
class Skip extends Error {}

/** Each view: a file name, what to do before the shot, and the colour scheme. */
const VIEWS: Array<{ name: string; setup: Setup; scheme?: 'light' | 'dark' }> = [
  { name: 'canvas', setup: (page) => settle(page) },
  {
    name: 'overview-details',
    setup: async (page) => {
      await settle(page);
      await selectAliyev(page);
      await settle(page, 1500);
    },
  },
  {
    name: 'path-communities',
    setup: async (page) => {
      await page.click('#tab-analysis');
      await page.selectOption('#color-mode', 'community');
      await page.selectOption('#size-mode', 'pagerank');
      await findAliyevToBaer(page);
      await settle(page);
    },
  },
  {
    name: 'path-with-selection',
    setup: async (page) => {
      await findAliyevToBaer(page);
      await settle(page);
      await page.locator('[data-testid="path-steps"] li button').first().click();
      await settle(page, 1500);
    },
  },
  {
    name: 'analysis-centrality',
    setup: async (page) => {
      await page.click('#tab-analysis');
      await page.locator('[data-testid="centrality-table"]').waitFor();
      await settle(page, 1500);
    },
  },
  {
    name: 'filters-time-slider',
    setup: async (page) => {
      await page.click('#tab-filters');
      const from = page.locator('#date-from');
      if ((await from.count()) === 0) return;
      await from.focus();
      for (let i = 0; i < 150; i += 1) await page.keyboard.press('ArrowRight');
      await settle(page);
    },
  },
  {
    name: 'timeline',
    setup: async (page) => {
      // The timeline sits at the top of the tools column: narrow its window with the first handle.
      const handle = page.locator('#timeline .timeline-handle').first();
      if ((await handle.count()) === 0) throw new Skip('no timeline in this version');
      await handle.focus();
      for (let i = 0; i < 8; i += 1) await page.keyboard.press('ArrowRight');
      await settle(page, 2000);
    },
  },
  {
    name: 'console',
    setup: async (page) => {
      await settle(page, 1500);
      await runFirstStarter(page);
      await settle(page, 2500);
    },
  },
  {
    name: 'console-dark',
    setup: async (page) => {
      await runFirstStarter(page);
      await settle(page, 2500);
    },
    scheme: 'dark',
  },
  {
    name: 'reader',
    setup: async (page) => {
      await selectAliyev(page);
      await page.locator('#details-panel button', { hasText: 'Open article' }).first().click();
      await page.locator('#reader mark, #reader .mention').first().waitFor({ timeout: 10_000 });
      await settle(page, 800);
    },
  },
];

async function shoot(browser: Browser, url: string, view: (typeof VIEWS)[number]): Promise<void> {
  const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: view.scheme ?? 'light' });
  try {
    await gotoExplorer(page, url);
    await view.setup(page);
    const file = join(OUT, `${view.name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  } catch (error) {
    // One view that fails (or is missing) should not cost the others.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(`${view.name}: skipped (${reason})`);
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startTestServer({ importSamples: true });
  const browser = await launchBrowser();
  try {
    for (const view of VIEWS) await shoot(browser, server.url, view);
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
