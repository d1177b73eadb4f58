/**
 * The set-up the explorer's browser tests share: the real server over the sample corpus, one
 * headless Chromium, and a tab opened for the file's tests; all closed after the file.
 * Call `useExplorerSession()` at a test file's top level (it registers beforeAll/afterAll).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { gotoExplorer, newExplorerPage } from './explorer-page.js';
import { removeTempDirs } from './temp-dir.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

export interface ExplorerSession {
  /** Set in beforeAll: read them inside tests and hooks, not at the file's top level. */
  readonly server: TestServer;
  readonly browser: Browser;
  /** One tab the file's tests share (not yet at the explorer: `gotoExplorer` it). */
  readonly page: Page;
  /** Uncaught errors and console errors of every tab opened here, for "no errors" assertions. */
  readonly pageErrors: string[];
  /** A new tab at `path` of the server, once the first view is drawn. */
  openExplorer(path?: string): Promise<Page>;
}

export function useExplorerSession(options: TestServerOptions = { importSamples: true }): ExplorerSession {
  const pageErrors: string[] = [];
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the explorer session's ${what} is set in beforeAll`);
    return value;
  };

  beforeAll(async () => {
    server = await startTestServer(options);
    browser = await launchBrowser();
    page = await newExplorerPage(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    removeTempDirs();
  });

  return {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get page() {
      return ready(page, 'page');
    },
    pageErrors,
    async openExplorer(path = '/') {
      const tab = await newExplorerPage(ready(browser, 'browser'), pageErrors);
      await gotoExplorer(tab, `${ready(server, 'server').url}${path}`);
      return tab;
    },
  };
}
