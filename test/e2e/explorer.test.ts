/**
 * The explorer in a real headless Chromium over the real server and the sample corpus: the graph
 * draws, a search finds Aliyev, choosing him opens his details with his statements and sources.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gotoExplorer, pickSuggestion } from '../helpers/explorer-page.js';
import { useExplorerSession } from '../helpers/explorer-session.js';
import { tempDir } from '../helpers/temp-dir.js';

const session = useExplorerSession();

describe('the explorer', () => {
  it('draws the overview, finds Aliyev by search and shows his statements with their sources', async () => {
    await gotoExplorer(session.page, session.server.url);
    const nodeCount = Number(await session.page.getAttribute('body', 'data-node-count'));
    expect(nodeCount).toBeGreaterThan(20);
    expect(await session.page.locator('#legend li').count()).toBeGreaterThanOrEqual(4);

    await pickSuggestion(session.page, '#search-input', 'Aliyev', 'Ilham Aliyev');

    const panel = session.page.locator('[data-testid="details-panel"]');
    await panel.locator('h2', { hasText: 'Ilham Aliyev' }).waitFor({ timeout: 10_000 });
    const statements = panel.locator('[data-testid="statement"]');
    expect(await statements.count()).toBeGreaterThan(0);
    await expect(panel.textContent()).resolves.toContain('didn’t get any message from new administration so far');
    await expect(panel.textContent()).resolves.toContain('Baku Calls on Washington');

    // Export what is on screen: the server writes the file, the browser downloads it.
    await session.page.selectOption('#export-format', 'graphml');
    const [download] = await Promise.all([session.page.waitForEvent('download'), session.page.click('#export-view')]);
    expect(download.suggestedFilename()).toBe('actorgraph-view.graphml');
    const saved = await download.path();
    const graphml = readFileSync(saved, 'utf8');
    expect(graphml).toContain('<data key="nodeLabel">Actor</data>');
    expect(graphml).toMatch(/<data key="x">-?\d/);

    // The selection (Aliyev) exports with its neighbourhood; PNG draws the canvas in the browser.
    await session.page.selectOption('#export-format', 'json');
    const [selection] = await Promise.all([
      session.page.waitForEvent('download'),
      session.page.click('#export-selection'),
    ]);
    expect(selection.suggestedFilename()).toBe('actorgraph-selection.json');
    const exported = JSON.parse(readFileSync(await selection.path(), 'utf8')) as {
      nodes: Array<{ properties: { name?: string } }>;
    };
    expect(exported.nodes.some((node) => node.properties.name === 'Ilham Aliyev')).toBe(true);
    await session.page.selectOption('#export-format', 'png');
    const [png] = await Promise.all([session.page.waitForEvent('download'), session.page.click('#export-view')]);
    expect(png.suggestedFilename()).toBe('actorgraph-view.png');
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    // A screenshot of the page, into a throwaway folder: a test never writes into the repository
    // (the README's pictures come from scripts/screenshots.ts, run by hand).
    const shot = join(tempDir('actorgraph-explorer-shot-'), 'explorer.png');
    await session.page.screenshot({ path: shot });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');

    // The legend hides a label from the canvas and shows it again; the panel closes.
    const statementsToggle = session.page.locator('#legend button[data-label="Statement"]');
    await statementsToggle.click();
    await expect(statementsToggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await session.page.locator('#legend button[data-label="Statement"]').click();
    await expect(statementsToggle.getAttribute('aria-pressed')).resolves.toBe('true');
    await panel.getByRole('button', { name: 'Close details' }).click();
    await panel.waitFor({ state: 'hidden' });
    expect(session.pageErrors).toEqual([]);
  });

  it('says how many relationships among the overview it left out when they are capped', async () => {
    await gotoExplorer(session.page, `${session.server.url}/?maxEdges=3`);
    const total = (await session.server.store.overview(500, 100_000)).totalEdges;
    expect(total).toBeGreaterThan(3);
    expect(await session.page.evaluate(() => (window as any).actorgraph.graph.size)).toBe(3);
    await expect(session.page.locator('#status').textContent()).resolves.toContain(
      `Showing 3 of ${total.toLocaleString('en')} relationships among the`,
    );
    expect(session.pageErrors).toEqual([]);
  });
});
