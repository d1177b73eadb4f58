/** The explorer in a browser tab, for the browser tests: errors recorded, readiness, search picks. */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * A new tab (of a browser or a context) at the tests' usual size; uncaught page errors and
 * console errors are pushed to `errors`, so a test can assert that none happened.
 */
export async function newExplorerPage(
  opener: Browser | BrowserContext,
  errors: string[],
  viewport = { width: 1400, height: 850 },
): Promise<Page> {
  const page = await opener.newPage({ viewport });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return page;
}

/** Opens the explorer at `url` and waits until the first view is drawn. */
export async function gotoExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-graph-ready="true"]', { timeout: 30_000 });
}

/** Types into a search field and clicks the suggestion with this caption. */
export async function pickSuggestion(page: Page, inputSelector: string, text: string, caption: string): Promise<void> {
  await page.fill(inputSelector, text);
  const suggestion = page
    .locator(`${inputSelector} ~ ul [data-testid="search-suggestion"]`, { hasText: caption })
    .first();
  await suggestion.waitFor({ timeout: 10_000 });
  await suggestion.click();
}
