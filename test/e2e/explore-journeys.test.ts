/**
 * The explorer's journeys in a real headless Chromium over the real server and the sample corpus:
 * expand ranked neighbours page by page and collapse them, hide and undo, the date fields, the
 * shortest path between two actors, a lasso selection, a shared link that opens the same view,
 * and the themes.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoExplorer, newExplorerPage, pickSuggestion } from '../helpers/explorer-page.js';
import { useExplorerSession } from '../helpers/explorer-session.js';
import { entity, sampleGraph } from '../helpers/sample-graph.js';
import { startTestServer } from '../helpers/test-server.js';

const session = useExplorerSession();
const { openExplorer, pageErrors } = session;

const nodeCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { actorgraph: { graph: { order: number } } }).actorgraph.graph.order);

/** Ids of the nodes drawn (not hidden by a filter). */
const drawnNodes = (page: Page) =>
  page.evaluate(() => {
    const { graph, renderer } = (
      window as unknown as {
        actorgraph: {
          graph: { nodes(): string[] };
          renderer: { getNodeDisplayData(id: string): { hidden?: boolean } | undefined };
        };
      }
    ).actorgraph;
    return graph.nodes().filter((id) => !renderer.getNodeDisplayData(id)?.hidden);
  });

describe('exploring the graph', () => {
  it('expands an article’s neighbours 20 at a time, most connected first, and collapses them', async () => {
    // A small first view (the five most connected nodes), so that expanding brings new nodes.
    const page = await openExplorer('/?limit=5');
    expect(await nodeCount(page)).toBe(5);
    await pickSuggestion(page, '#search-input', 'Distant Approach', 'US’ Distant Approach to Karabakh Issue');
    await page.locator('#details-panel h2', { hasText: 'Distant Approach' }).waitFor();

    const bar = page.locator('#selection-bar');
    const expand = bar.locator('[data-testid="expand-next"]');
    await expect(expand.textContent()).resolves.toBe('Expand 20 most connected');
    const before = await nodeCount(page);
    await expand.click();
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(before);
    const afterFirst = await nodeCount(page);
    expect(afterFirst - before).toBeLessThanOrEqual(20);
    await expect.poll(() => bar.locator('[data-testid="expand-progress"]').textContent()).toMatch(/^20 of 45/);

    await expect(expand.textContent()).resolves.toBe('Next 20');
    await expand.click();
    await expect.poll(() => bar.locator('[data-testid="expand-progress"]').textContent()).toMatch(/^40 of 45/);
    expect(await nodeCount(page)).toBeGreaterThan(afterFirst);

    await bar.locator('#expand-collapse').click();
    await expect.poll(() => nodeCount(page)).toBe(before);
    await expect(page.locator('#status').textContent()).resolves.toMatch(/Collapsed .*node\(s\) left the canvas/);
  });

  it('hides the selected node with Delete and brings it back with undo', async () => {
    const page = await openExplorer();
    const before = await nodeCount(page);
    await pickSuggestion(page, '#search-input', 'Aliyev', 'Ilham Aliyev');
    await page.locator('#details-panel h2', { hasText: 'Ilham Aliyev' }).waitFor();
    await expect(page.locator('#selection-bar .bar-title').textContent()).resolves.toBe('Ilham Aliyev');
    // Delete acts on the selection when the focus is not in a text field.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeCount(page)).toBe(before - 1);
    await expect(page.locator('#undo').isDisabled()).resolves.toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(before);
    await expect(page.locator('#status').textContent()).resolves.toContain('Undone: hide Ilham Aliyev');
  });

  it('narrows statements and relations to a date range with the date fields', async () => {
    const page = await openExplorer();
    const readout = page.locator('#timeline-readout');
    await expect(readout.textContent()).resolves.toBe('All dates: 2020-10-23 – 2021-09-03');
    const dated = await page.evaluate(() => {
      const { graph } = (
        window as unknown as {
          actorgraph: { graph: { filterNodes(f: (id: string, a: Record<string, unknown>) => boolean): string[] } };
        }
      ).actorgraph;
      return graph.filterNodes((_id, a) => a.nodeLabel === 'Statement' && typeof a.date === 'string').length;
    });
    const shownBefore = (await drawnNodes(page)).length;

    // Type the earliest date shown into the From field.
    await page.fill('#date-from', '2021-04-01');
    await expect.poll(() => readout.textContent()).toBe('2021-04-01 – 2021-09-03');

    const shown = new Set(await drawnNodes(page));
    expect(shown.size).toBeLessThan(shownBefore);
    const statements = await page.evaluate(() => {
      const { graph } = (
        window as unknown as {
          actorgraph: {
            graph: {
              filterNodes(f: (id: string, a: Record<string, unknown>) => boolean): string[];
              getNodeAttribute(id: string, k: string): unknown;
            };
          };
        }
      ).actorgraph;
      return graph
        .filterNodes((_id, a) => a.nodeLabel === 'Statement' && typeof a.date === 'string')
        .map((id) => ({ id, date: String(graph.getNodeAttribute(id, 'date')) }));
    });
    expect(statements.length).toBe(dated);
    for (const statement of statements) expect(shown.has(statement.id)).toBe(statement.date >= '2021-04-01');
    await page.click('#tab-filters');
    await expect(page.locator('#filter-summary').textContent()).resolves.toMatch(/^Showing \d+ of \d+ nodes\.$/);

    await page.click('#filter-reset');
    await expect.poll(async () => (await drawnNodes(page)).length).toBe(shownBefore);
  });

  it('finds and highlights the shortest path between two actors', async () => {
    const page = await openExplorer();
    await page.click('#tab-path');
    await pickSuggestion(page, '#path-from', 'Aliyev', 'Ilham Aliyev');
    await pickSuggestion(page, '#path-to', 'Baer', 'Baer');
    await page.click('#path-find');
    const steps = page.locator('[data-testid="path-steps"] li');
    await steps.first().waitFor({ timeout: 10_000 });
    const texts = await steps.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(3);
    expect(texts[0]).toContain('Ilham Aliyev');
    expect(texts.at(-1)).toContain('Baer');
    // By default a path does not go through an article ("mentioned together" is not a connection).
    for (const text of texts.slice(1, -1)) expect(text).not.toMatch(/Document$/);
    const highlighted = await page.evaluate(() => {
      const { interaction, renderer } = (
        window as unknown as {
          actorgraph: {
            interaction: { current: { path: { nodeIds: string[] } | null } };
            renderer: { getNodeDisplayData(id: string): { highlighted?: boolean } | undefined };
          };
        }
      ).actorgraph;
      const path = interaction.current.path;
      return path ? path.nodeIds.map((id) => renderer.getNodeDisplayData(id)?.highlighted === true) : [];
    });
    expect(highlighted.length).toBe(texts.length);
    expect(highlighted.every(Boolean)).toBe(true);
  });

  it('selects several nodes with a shift-drag lasso', async () => {
    const page = await openExplorer();
    await page.evaluate(() => {
      const { layout } = (window as unknown as { actorgraph: { layout: { kill(): void } } }).actorgraph;
      layout.kill();
    });
    const box = (await page.locator('#graph').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 10, box.y + 10, { steps: 5 });
    await page.mouse.move(box.x + box.width - 10, box.y + box.height - 10, { steps: 5 });
    await page.mouse.move(box.x + 10, box.y + box.height - 10, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const selected = await page.evaluate(
      () =>
        (window as unknown as { actorgraph: { interaction: { current: { selection: string[] } } } }).actorgraph
          .interaction.current.selection.length,
    );
    expect(selected).toBeGreaterThan(5);
    await expect(page.locator('#selection-bar .bar-title').textContent()).resolves.toBe(`${selected} selected`);

    // "Export selection" with several nodes writes those nodes and the relationships among them.
    await page.selectOption('#export-format', 'json');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-selection')]);
    expect(download.suggestedFilename()).toBe('actorgraph-selection.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      nodes: unknown[];
      edges: unknown[];
    };
    expect(exported.nodes).toHaveLength(selected);
    expect(exported.edges.length).toBeGreaterThan(0);
  });

  it('opens a shared link with the same selection, filters, colours, canvas and camera', async () => {
    const page = await openExplorer();
    await pickSuggestion(page, '#search-input', 'Aliyev', 'Ilham Aliyev');
    await page.locator('#details-panel h2', { hasText: 'Ilham Aliyev' }).waitFor();
    await page.click('#tab-filters');
    await page.fill('#filter-min-degree', '2');
    await page.click('#tab-analysis');
    await page.selectOption('#color-mode', 'community');
    await page.evaluate(() => {
      const { layout } = (window as unknown as { actorgraph: { layout: { stop(): void } } }).actorgraph;
      layout.stop();
    });
    await page.waitForTimeout(700); // the address bar follows the view after 400 ms
    const link = page.url();
    expect(link).toContain('#view=');
    const state = (p: Page) =>
      p.evaluate(() => {
        const { graph, renderer, filters, appearance, interaction } = (
          window as unknown as {
            actorgraph: {
              graph: { order: number; nodes(): string[] };
              renderer: { getCamera(): { getState(): { x: number; y: number; ratio: number } } };
              filters: { current: { minDegree: number } };
              appearance: { current: { colorMode: string } };
              interaction: { current: { selected: string | null } };
            };
          }
        ).actorgraph;
        return {
          nodes: graph.nodes().sort(),
          camera: renderer.getCamera().getState(),
          minDegree: filters.current.minDegree,
          colorMode: appearance.current.colorMode,
          selected: interaction.current.selected,
        };
      });
    const original = await state(page);

    const shared = await newExplorerPage(session.browser, pageErrors);
    await gotoExplorer(shared, link);
    await shared.locator('#details-panel h2', { hasText: 'Ilham Aliyev' }).waitFor({ timeout: 10_000 });
    const opened = await state(shared);
    expect(opened.nodes).toEqual(original.nodes);
    expect(opened.minDegree).toBe(2);
    expect(opened.colorMode).toBe('community');
    expect(opened.selected).toBe('actor:ilham-aliyev');
    expect(opened.camera.ratio).toBeCloseTo(original.camera.ratio, 2);
    expect(opened.camera.x).toBeCloseTo(original.camera.x, 2);
    await shared.click('#tab-filters');
    await expect(shared.locator('#filter-min-degree').inputValue()).resolves.toBe('2');

    // A saved view reopens the same way.
    await page.click('#tab-views');
    await page.fill('#view-name', 'Aliyev, degree ≥ 2');
    await page.click('#view-save');
    await page.reload();
    await page.waitForSelector('body[data-graph-ready="true"]', { timeout: 30_000 });
    await page.click('#tab-views');
    await expect(page.locator('[data-testid="saved-views"]').textContent()).resolves.toContain('Aliyev, degree ≥ 2');
  });

  it('switches between light and dark themes with readable contrast in both', async () => {
    const page = await openExplorer();
    const contrast = () =>
      page.evaluate(() => {
        const parse = (css: string) => {
          const probe = document.createElement('span');
          probe.style.color = css;
          document.body.append(probe);
          const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number) as [number, number, number];
          probe.remove();
          const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
          return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        };
        const style = getComputedStyle(document.documentElement);
        const ratio = (a: string, b: string) => {
          const [x, y] = [parse(style.getPropertyValue(a)), parse(style.getPropertyValue(b))].sort((p, q) => q - p) as [
            number,
            number,
          ];
          return (x + 0.05) / (y + 0.05);
        };
        return {
          theme: document.documentElement.dataset.themeChoice ?? 'none',
          text: ratio('--text', '--bg'),
          muted: ratio('--muted', '--panel'),
          accent: ratio('--accent', '--panel'),
          error: ratio('--error', '--panel'),
          background: style.getPropertyValue('--bg').trim(),
        };
      });
    const seen = new Map<string, Awaited<ReturnType<typeof contrast>>>();
    for (let i = 0; i < 3; i += 1) {
      await page.click('#theme-toggle');
      const now = await contrast();
      seen.set(now.theme, now);
    }
    expect([...seen.keys()].sort()).toEqual(['dark', 'light', 'system']);
    expect(seen.get('dark')!.background).not.toBe(seen.get('light')!.background);
    for (const theme of ['light', 'dark']) {
      const ratios = seen.get(theme)!;
      // WCAG AA: 4.5:1 for text.
      expect(ratios.text).toBeGreaterThanOrEqual(4.5);
      expect(ratios.muted).toBeGreaterThanOrEqual(4.5);
      expect(ratios.accent).toBeGreaterThanOrEqual(4.5);
      expect(ratios.error).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('logged no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('when something goes wrong', () => {
  /** The hand-made graph plus one actor connected to nothing. */
  const withIsolatedActor = () => {
    const graph = sampleGraph();
    return { ...graph, nodes: [...graph.nodes, entity('actor:kaspar-hauser', 'Actor', 'Kaspar Hauser', 'person')] };
  };

  it('opens the overview and says so when a link’s view is broken', async () => {
    const page = await openExplorer('/#view=not-a-view%%');
    await expect(page.locator('#status').textContent()).resolves.toContain('could not be read');
    expect(await nodeCount(page)).toBeGreaterThan(20);
  });

  it('says that there is no path between two nodes that are not connected', async () => {
    const isolated = await startTestServer({ importSamples: false, graph: withIsolatedActor() });
    try {
      const page = await newExplorerPage(session.browser, []);
      await gotoExplorer(page, isolated.url);
      await page.click('#tab-path');
      await pickSuggestion(page, '#path-from', 'Babbage', 'Charles Babbage');
      await pickSuggestion(page, '#path-to', 'Hauser', 'Kaspar Hauser');
      await page.click('#path-find');
      await expect
        .poll(() => page.locator('#path-result [role="alert"]').textContent())
        .toBe('No path within 6 steps over the relationship types chosen.');
      await expect(page.locator('#status').textContent()).resolves.toContain('No path between Charles Babbage');
      expect(
        await page.evaluate(
          () =>
            (window as unknown as { actorgraph: { interaction: { current: { path: unknown } } } }).actorgraph
              .interaction.current.path,
        ),
      ).toBeNull();
    } finally {
      await isolated.close();
    }
  });

  it('says the server cannot be reached when it went away, and keeps the canvas', async () => {
    const leaving = await startTestServer({ importSamples: false, graph: sampleGraph() });
    const page = await newExplorerPage(session.browser, []);
    await gotoExplorer(page, leaving.url);
    await pickSuggestion(page, '#search-input', 'Lovelace', 'Ada Lovelace');
    await page.locator('#details-panel h2', { hasText: 'Ada Lovelace' }).waitFor();
    const before = await nodeCount(page);
    await leaving.close();

    await page.locator('[data-testid="expand-next"]').click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('cannot be reached');
    await expect(page.locator('#status').getAttribute('class')).resolves.toContain('error');
    expect(await nodeCount(page)).toBe(before);
  });
});
