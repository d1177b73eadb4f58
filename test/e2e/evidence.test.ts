/**
 * Evidence first, in a real headless Chromium over the sample corpus: search → select → the
 * details with their sentences → open the article in the reader with the cited sentence marked →
 * a mention in the article selects its person; a relationship (from the panel, and clicked on
 * the canvas) shows every sentence that states it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientIfNeeded } from '../../server/cli/commands/start.js';
import { launchBrowser } from '../helpers/browser.js';
import { removeTempDirs } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let server: TestServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** People of the sample articles other than Aliyev, as the reader titles their mentions. */
const OTHER_PEOPLE = ['Joe Biden', 'Anthony Blinken', 'Nikol Pashinyan', 'Donald Trump'];

beforeAll(async () => {
  await buildClientIfNeeded();
  server = await startTestServer({ importSamples: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeTempDirs();
});

async function selectAliyev(): Promise<void> {
  await page.fill('#search-input', 'Aliyev');
  const suggestion = page.locator('[data-testid="search-suggestion"]', { hasText: 'Ilham Aliyev' });
  await suggestion.first().waitFor({ timeout: 10_000 });
  await suggestion.first().click();
  await page.locator('[data-testid="details-panel"] h2', { hasText: 'Ilham Aliyev' }).waitFor({ timeout: 10_000 });
}

describe('evidence first', () => {
  it('goes from a search to a statement, its article with the sentence marked, and a mentioned person', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-graph-ready="true"]', { timeout: 30_000 });
    await selectAliyev();
    const panel = page.locator('[data-testid="details-panel"]');

    // Roles up front: title — state.
    const roles = panel.locator('[data-testid="role"]');
    await expect(roles.filter({ hasText: /president — Azerbaijan/i }).count()).resolves.toBeGreaterThan(0);

    // A statement with its date, confidence and the article it was reported in.
    const statement = panel.locator('[data-testid="statement"]', { hasText: 'the balance is disturbed' }).first();
    const statementText = (await statement.textContent()) ?? '';
    expect(statementText).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(statementText).toMatch(/confidence \d\.\d\d/);
    const source = statement.locator('[data-testid="source"]').first();
    const articleTitle = ((await source.locator('cite').textContent()) ?? '').split(' · ')[0]!;
    expect([
      'Baku Calls on Washington To Pursue Balanced Policy in South Caucasus',
      'US’ Distant Approach to Karabakh Issue',
    ]).toContain(articleTitle);
    const sentence = ((await source.textContent()) ?? '')
      .replace(/^.*?\d{4}-\d{2}-\d{2}/, '')
      .replace(/Open article$/, '');
    expect(sentence).toMatch(/the balance is disturbed/);

    // Open the article: its title, its text with the mentions, the cited sentence marked and in view.
    await source.getByRole('button', { name: 'Open article' }).click();
    const reader = page.locator('[data-testid="reader"]');
    await reader.locator('h2', { hasText: articleTitle }).waitFor({ timeout: 10_000 });
    const cited = reader.locator('[data-testid="cited"]');
    await cited.first().waitFor();
    expect((await cited.allTextContents()).join('').trim()).toBe(sentence.trim());
    expect(await reader.locator('[data-testid="mention"]').count()).toBeGreaterThan(10);
    expect(await reader.locator('[data-testid="mention"][data-node-id="actor:ilham-aliyev"]').count()).toBeGreaterThan(
      0,
    );
    const readerBox = (await reader.boundingBox())!;
    const citedBox = (await cited.first().boundingBox())!;
    expect(citedBox.y).toBeGreaterThanOrEqual(readerBox.y);
    expect(citedBox.y + citedBox.height).toBeLessThanOrEqual(readerBox.y + readerBox.height);
    // Focus moved into the reader (keyboard users land there).
    await expect(page.evaluate(() => Boolean(document.activeElement?.closest('#reader')))).resolves.toBe(true);

    // A mention of another person selects that person.
    const titles = await reader
      .locator('[data-testid="mention"]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('title') ?? ''));
    const person = OTHER_PEOPLE.find((name) => titles.includes(`${name} (Actor)`));
    expect(person).toBeDefined();
    await reader.locator(`[data-testid="mention"][title="${person} (Actor)"]`).first().click();
    await panel.locator('h2', { hasText: person! }).waitFor({ timeout: 10_000 });
    expect(await reader.isVisible()).toBe(true);

    // Escape closes the reader; the panel stays.
    await page.keyboard.press('Escape');
    await reader.waitFor({ state: 'hidden' });
    await expect(panel.locator('h2').textContent()).resolves.toBe(person);
    expect(pageErrors).toEqual([]);
  });

  it('shows every sentence that states a relationship, from the panel and from the canvas', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-graph-ready="true"]', { timeout: 30_000 });
    await selectAliyev();
    const panel = page.locator('[data-testid="details-panel"]');

    // From the panel (keyboard-reachable): the role's Evidence button opens the edge panel.
    const president = panel.locator('[data-testid="role"]', { hasText: /president — Azerbaijan/i }).first();
    await president.getByRole('button', { name: 'Evidence' }).click();
    const edge = panel.locator('[data-testid="edge-details"]');
    await edge.waitFor({ timeout: 10_000 });
    await expect(edge.textContent()).resolves.toMatch(/Ilham Aliyev\s*—HOLDS_ROLE→\s*Actor\s*Azerbaijan/);
    const sources = panel.locator('[data-testid="source"]');
    expect(await sources.count()).toBeGreaterThan(0);
    await expect(panel.textContent()).resolves.toContain('Baku Calls on Washington');
    // The sentence opens its article, marked.
    const firstSentence = (await sources.first().textContent()) ?? '';
    await sources.first().getByRole('button', { name: 'Open article' }).click();
    const reader = page.locator('[data-testid="reader"]');
    await reader.locator('[data-testid="cited"]').first().waitFor({ timeout: 10_000 });
    const cited = (await reader.locator('[data-testid="cited"]').allTextContents()).join('');
    expect(firstSentence).toContain(cited.trim());
    await reader.getByRole('button', { name: 'Close article' }).click();
    await reader.waitFor({ state: 'hidden' });
    // An end of the relationship selects that node.
    await edge.getByRole('button', { name: 'Azerbaijan' }).click();
    await panel.locator('h2', { hasText: /^Azerbaijan$/ }).waitFor({ timeout: 10_000 });

    // On the canvas: click the middle of Aliyev's edge to Azerbaijan, with the layout stopped.
    await selectAliyev();
    // The layout stopped and the camera's move to Aliyev over, the edge stays where it is drawn.
    await page.evaluate(() => (window as unknown as { actorgraph: ExplorerHandle }).actorgraph.layout.kill());
    await page.waitForFunction(
      () => !(window as unknown as { actorgraph: ExplorerHandle }).actorgraph.renderer.getCamera().isAnimated(),
    );
    const point = await page.evaluate(() => {
      const { graph, renderer } = (window as unknown as { actorgraph: ExplorerHandle }).actorgraph;
      const id = graph.edges().find((key) => key.startsWith('HOLDS_ROLE:actor:ilham-aliyev->actor:azerbaijan'));
      if (!id) return null;
      const at = (node: string) => {
        const { x, y } = graph.getNodeAttributes(node);
        return renderer.graphToViewport({ x, y });
      };
      const from = at(graph.source(id));
      const to = at(graph.target(id));
      const box = renderer.getContainer().getBoundingClientRect();
      return {
        id,
        x: box.left + (from.x + to.x) / 2,
        y: box.top + (from.y + to.y) / 2,
        length: Math.hypot(to.x - from.x, to.y - from.y),
      };
    });
    expect(point).not.toBeNull();
    expect(point!.length).toBeGreaterThan(20);
    await page.mouse.move(point!.x, point!.y);
    await page.mouse.click(point!.x, point!.y);
    await edge.waitFor({ timeout: 10_000 });
    await expect(edge.textContent()).resolves.toMatch(/Ilham Aliyev\s*—HOLDS_ROLE→\s*Actor\s*Azerbaijan/);
    expect(pageErrors).toEqual([]);
  });
});

interface ExplorerHandle {
  graph: {
    edges(): string[];
    getNodeAttributes(node: string): { x: number; y: number };
    source(edge: string): string;
    target(edge: string): string;
  };
  renderer: {
    getCamera(): { isAnimated(): boolean };
    graphToViewport(point: { x: number; y: number }): { x: number; y: number };
    getContainer(): HTMLElement;
  };
  layout: { kill(): void };
}
