/**
 * The Cypher console in the explorer: a query's rows in a table and its graph on the canvas, the
 * database's message next to the editor for a bad query, and the last query's result exported.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientIfNeeded } from '../../server/cli/commands/start.js';
import { launchBrowser } from '../helpers/browser.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await buildClientIfNeeded();
  server = await startTestServer({ importSamples: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector('body[data-graph-ready="true"]');
  await page.click('#console summary');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeTempDirs();
});

async function run(query: string): Promise<void> {
  await page.fill('#cypher-input', query);
  await page.press('#cypher-input', 'Control+Enter');
}

describe('the Cypher console', () => {
  it('shows rows as a table and reports a bad query with the database message', async () => {
    await run(
      "MATCH (a:Actor)-[r:HOLDS_ROLE]->(s:Actor) WHERE s.name = 'Azerbaijan' RETURN a.name AS person, r.title AS title",
    );
    const table = page.locator('[data-testid="cypher-table"]');
    await table.waitFor();
    await expect(table.textContent()).resolves.toContain('Ilham Aliyev');
    await expect(table.textContent()).resolves.toContain('President');

    await run('MATCH (n:NoSuchLabel) RETURN n');
    await page.locator('#cypher-error', { hasText: 'NoSuchLabel' }).waitFor();
    await run("MATCH (n) SET n.name = 'x'");
    await page.locator('#cypher-error', { hasText: 'read-only' }).waitFor();
  });

  it("exports the last query's result", async () => {
    await run('MATCH (a:Actor)-[r:HOLDS_ROLE]->(b) RETURN a, r, b');
    await page.locator('[data-testid="cypher-table"]').waitFor();
    await page.selectOption('#export-format', 'table');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-query')]);
    expect(download.suggestedFilename()).toBe('actorgraph-query.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Ilham Aliyev,Actor,HOLDS_ROLE,Azerbaijan,Actor');
  });
});
