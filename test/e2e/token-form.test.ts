/**
 * The explorer on a server with a token (issue 14, item 7): the API answers 401, the explorer asks
 * for the token once in an accessible form, keeps it for the tab and sends it as a bearer header.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { newExplorerPage } from '../helpers/explorer-page.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const TOKEN = 'e2e-token-<b>not-html</b>';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ importSamples: true, token: TOKEN });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeTempDirs();
});

describe('the token form', () => {
  it('asks once, says when a token is refused, and then the explorer works', async () => {
    const errors: string[] = [];
    const page = await newExplorerPage(browser, errors);
    const bearers: string[] = [];
    page.on('request', (request) => {
      const authorization = request.headers().authorization;
      if (request.url().includes('/api/') && authorization) bearers.push(authorization);
    });
    await page.goto(server.url);

    const dialog = page.getByRole('dialog', { name: 'Token required' });
    await dialog.waitFor({ timeout: 30_000 });
    // One form, however many calls got a 401.
    expect(await page.locator('dialog').count()).toBe(1);
    const field = dialog.getByLabel('Token');
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await field.getAttribute('type')).toBe('password');

    await field.fill('wrong-token');
    await field.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('did not accept');

    await dialog.getByLabel('Token').fill(TOKEN);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await page.waitForSelector('body[data-graph-ready="true"]', { timeout: 30_000 });
    expect(await page.locator('dialog').count()).toBe(0);
    expect(bearers).toContain(`Bearer ${TOKEN}`);
    expect(await page.evaluate(() => sessionStorage.getItem('actorgraph.token'))).toBe(TOKEN);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    // A reload in the same tab keeps the token: no second form.
    await page.reload();
    await page.waitForSelector('body[data-graph-ready="true"]', { timeout: 30_000 });
    expect(await page.locator('dialog').count()).toBe(0);
    // The 401s of the first load were expected; nothing else went wrong.
    expect(errors.filter((error) => !/401/.test(error))).toEqual([]);
  }, 90_000);

  it('has no WCAG A/AA violations, and Escape gives up', async () => {
    // axe is injected as a script: this context bypasses the CSP (the real page keeps it).
    const context = await browser.newContext({ bypassCSP: true });
    const page = await newExplorerPage(context, []);
    await page.goto(server.url);
    const dialog = page.getByRole('dialog', { name: 'Token required' });
    await dialog.waitFor({ timeout: 30_000 });
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string }> }> };
        }
      ).axe;
      const result = await axe.run(document.querySelector('dialog'), {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog').count()).toBe(0);
    await context.close();
  }, 90_000);
});
