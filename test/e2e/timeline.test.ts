/**
 * The timeline in a real headless Chromium over the sample corpus: a histogram of when statements
 * and relations are dated that is also the time filter — brushed with the mouse, its ends moved
 * with the keyboard, played through time — with the legend counting what the range leaves shown
 * and no node left on the canvas as an isolated dot by the range.
 */
import { describe, expect, it } from 'vitest';
import { gotoExplorer } from '../helpers/explorer-page.js';
import { useExplorerSession } from '../helpers/explorer-session.js';

const session = useExplorerSession();

interface Handle {
  graph: {
    nodes(): string[];
    edges(): string[];
    degree(id: string): number;
    extremities(edge: string): [string, string];
  };
  renderer: {
    getNodeDisplayData(id: string): { hidden?: boolean } | undefined;
    getEdgeDisplayData(id: string): { hidden?: boolean } | undefined;
  };
  filters: { current: { dateFrom: string | null; dateTo: string | null } };
}

const range = () =>
  session.page.evaluate(() => {
    const { dateFrom, dateTo } = (window as unknown as { actorgraph: Handle }).actorgraph.filters.current;
    return { dateFrom, dateTo };
  });

/** Drawn nodes that had a drawn relationship before the range and have none now. */
const drawnWithEdges = () =>
  session.page.evaluate(() => {
    const { graph, renderer } = (window as unknown as { actorgraph: Handle }).actorgraph;
    const withEdge = new Set<string>();
    for (const edge of graph.edges()) {
      if (renderer.getEdgeDisplayData(edge)?.hidden) continue;
      for (const end of graph.extremities(edge)) withEdge.add(end);
    }
    return graph
      .nodes()
      .filter((id) => !renderer.getNodeDisplayData(id)?.hidden)
      .map((id) => ({ id, connected: withEdge.has(id) }));
  });

/** "shown / total" for a label in the legend, or its count alone. */
const legendCount = (label: string) =>
  session.page.locator(`#legend [data-label="${label}"] .legend-count`).textContent();

describe('the timeline', () => {
  it('is a histogram that filters by a brushed range; the legend counts what is shown, nothing is left stranded', async () => {
    await gotoExplorer(session.page, session.server.url);
    const timeline = session.page.locator('[data-testid="timeline"]');
    const bars = timeline.locator('.timeline-bar');
    expect(await bars.count()).toBeGreaterThan(5);
    const statementsTotal = Number(await legendCount('Statement'));
    expect(statementsTotal).toBeGreaterThan(0);
    const before = await drawnWithEdges();
    const connectedBefore = new Set(before.filter((node) => node.connected).map((node) => node.id));

    // Drag across the last third of the bars.
    const strip = (await timeline.locator('[data-testid="timeline-strip"]').boundingBox())!;
    const y = strip.y + strip.height / 2;
    await session.page.mouse.move(strip.x + strip.width * 0.67, y);
    await session.page.mouse.down();
    await session.page.mouse.move(strip.x + strip.width * 0.8, y, { steps: 4 });
    await session.page.mouse.move(strip.x + strip.width - 2, y, { steps: 4 });
    await session.page.mouse.up();
    await expect.poll(async () => (await range()).dateFrom).not.toBeNull();
    const brushed = await range();
    expect(brushed.dateTo).toBeNull();
    await expect(session.page.locator('#timeline-readout').textContent()).resolves.toMatch(
      new RegExp(`^${brushed.dateFrom} – \\d{4}-\\d{2}-\\d{2}$`),
    );
    await expect(session.page.locator('#date-from').inputValue()).resolves.toBe(brushed.dateFrom);

    // The legend says how many statements the range leaves of how many.
    await expect.poll(() => legendCount('Statement')).toMatch(new RegExp(`^\\d+ / ${statementsTotal}$`));
    const shownStatements = Number((await legendCount('Statement'))!.split(' / ')[0]);
    expect(shownStatements).toBeLessThan(statementsTotal);

    // Nothing that was connected is left drawn without a relationship.
    const after = await drawnWithEdges();
    expect(after.length).toBeLessThan(before.length);
    for (const node of after) if (connectedBefore.has(node.id)) expect(node).toEqual({ id: node.id, connected: true });
    expect(session.pageErrors).toEqual([]);
  });

  it('moves the ends of the range with the keyboard, and plays the window through time', async () => {
    await gotoExplorer(session.page, session.server.url);
    const start = session.page.locator('#timeline-start');
    await start.focus();
    await session.page.keyboard.press('ArrowRight');
    await session.page.keyboard.press('ArrowRight');
    const moved = await range();
    expect(moved.dateFrom).not.toBeNull();
    await expect(start.getAttribute('aria-valuenow')).resolves.toBe('2');
    await expect(start.getAttribute('aria-valuetext')).resolves.toBe(moved.dateFrom);
    const end = session.page.locator('#timeline-end');
    await end.focus();
    await session.page.keyboard.press('Home');
    // The end pushed back to the first bar takes the start with it.
    await expect(start.getAttribute('aria-valuenow')).resolves.toBe('0');
    await expect(end.getAttribute('aria-valuenow')).resolves.toBe('0');

    // Play: the window steps forward by itself; Pause stops it.
    const play = session.page.locator('#timeline-play');
    await play.click();
    await expect(play.getAttribute('aria-pressed')).resolves.toBe('true');
    const first = await range();
    await expect.poll(async () => (await range()).dateTo, { timeout: 10_000 }).not.toBe(first.dateTo);
    await play.click();
    await expect(play.textContent()).resolves.toBe('Play');
    const paused = await range();
    await session.page.waitForTimeout(2000);
    expect(await range()).toEqual(paused);

    await session.page.click('#timeline-all');
    expect(await range()).toEqual({ dateFrom: null, dateTo: null });
    expect(session.pageErrors).toEqual([]);
  });
});
