/**
 * Evidence first, in a real headless Chromium over the sample corpus: search → select → the
 * details with their sentences → open the article in the reader with the cited sentence marked →
 * a mention in the article selects its person; a relationship (from the panel, and clicked on
 * the canvas) shows every sentence that states it.
 */
import { describe, expect, it } from 'vitest';
import type { GraphBatch } from '../../server/domain/graph.js';
import { gotoExplorer, pickSuggestion } from '../helpers/explorer-page.js';
import { useExplorerSession } from '../helpers/explorer-session.js';
import { sampleGraph } from '../helpers/sample-graph.js';
import { startTestServer } from '../helpers/test-server.js';

const session = useExplorerSession();

/** People of the sample articles other than Aliyev, as the reader titles their mentions. */
const OTHER_PEOPLE = ['Joe Biden', 'Anthony Blinken', 'Nikol Pashinyan', 'Donald Trump'];

async function selectAliyev(): Promise<void> {
  await pickSuggestion(session.page, '#search-input', 'Aliyev', 'Ilham Aliyev');
  await session.page
    .locator('[data-testid="details-panel"] h2', { hasText: 'Ilham Aliyev' })
    .waitFor({ timeout: 10_000 });
}

describe('evidence first', () => {
  it('goes from a search to a statement, its article with the sentence marked, and a mentioned person', async () => {
    await gotoExplorer(session.page, session.server.url);
    await selectAliyev();
    const panel = session.page.locator('[data-testid="details-panel"]');

    // Roles up front: title — state.
    const roles = panel.locator('[data-testid="role"]');
    await expect(roles.filter({ hasText: /president — Azerbaijan/i }).count()).resolves.toBeGreaterThan(0);

    // A statement with its date, confidence and the article it was reported in.
    const statement = panel.locator('[data-testid="statement"]', { hasText: 'the balance is disturbed' }).first();
    const statementText = (await statement.textContent()) ?? '';
    expect(statementText).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(statementText).toMatch(/confidence \d\.\d\d/);
    const source = statement.locator('[data-testid="source"]').first();
    const articleTitle = ((await source.locator('cite').textContent()) ?? '').split(' · ')[0];
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
    const reader = session.page.locator('[data-testid="reader"]');
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
    // The reader's head (title, close button) stays in view below the top bar.
    const topBar = (await session.page.locator('header.topbar').boundingBox())!;
    const closeBox = (await reader.getByRole('button', { name: 'Close article' }).boundingBox())!;
    expect(readerBox.y).toBeGreaterThanOrEqual(topBar.y + topBar.height - 1);
    expect(closeBox.y).toBeGreaterThanOrEqual(readerBox.y);
    expect(citedBox.y).toBeGreaterThanOrEqual(readerBox.y);
    expect(citedBox.y + citedBox.height).toBeLessThanOrEqual(readerBox.y + readerBox.height);
    // Focus moved into the reader (keyboard users land there).
    await expect(session.page.evaluate(() => Boolean(document.activeElement?.closest('#reader')))).resolves.toBe(true);

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
    await session.page.keyboard.press('Escape');
    await reader.waitFor({ state: 'hidden' });
    await expect(panel.locator('h2').textContent()).resolves.toBe(person);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows every sentence that states a relationship, from the panel and from the canvas', async () => {
    await gotoExplorer(session.page, session.server.url);
    await selectAliyev();
    const panel = session.page.locator('[data-testid="details-panel"]');

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
    const reader = session.page.locator('[data-testid="reader"]');
    await reader.locator('[data-testid="cited"]').first().waitFor({ timeout: 10_000 });
    const cited = (await reader.locator('[data-testid="cited"]').allTextContents()).join('');
    expect(firstSentence).toContain(cited.trim());
    await reader.getByRole('button', { name: 'Close article' }).click();
    await reader.waitFor({ state: 'hidden' });
    // An end of the relationship selects that node.
    await edge.getByRole('button', { name: 'Azerbaijan' }).click();
    await panel.locator('h2', { hasText: /^Azerbaijan$/ }).waitFor({ timeout: 10_000 });

    // On the canvas: click Aliyev's edge to Azerbaijan, with the layout stopped and the camera
    // zoomed so that the edge is long; points along it are tried until the pointer is on that edge
    // (sigma says so with enterEdge) rather than on a node or another edge that crosses it.
    await selectAliyev();
    await session.page.evaluate(() => (window as unknown as { actorgraph: ExplorerHandle }).actorgraph.layout.kill());
    await session.page.waitForFunction(
      () => !(window as unknown as { actorgraph: ExplorerHandle }).actorgraph.renderer.getCamera().isAnimated(),
    );
    const points = await session.page.evaluate(() => {
      const handle = window as unknown as { actorgraph: ExplorerHandle; hoveredEdge?: string | null };
      const { graph, renderer } = handle.actorgraph;
      const id = graph.edges().find((key) => key.startsWith('HOLDS_ROLE:actor:ilham-aliyev->actor:azerbaijan'));
      if (!id) return [];
      renderer.on('enterEdge', ({ edge }) => (handle.hoveredEdge = edge));
      renderer.on('leaveEdge', () => (handle.hoveredEdge = null));
      const framed = (node: string) => renderer.getNodeDisplayData(node)!;
      const [a, b] = [framed(graph.source(id)), framed(graph.target(id))];
      const camera = renderer.getCamera();
      const view = (p: { x: number; y: number }) => renderer.framedGraphToViewport(p);
      const length = Math.hypot(view(a).x - view(b).x, view(a).y - view(b).y);
      const { width, height } = renderer.getDimensions();
      const ratio = camera.getState().ratio * Math.max(length / (0.6 * Math.min(width, height)), 0.05);
      camera.setState({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio });
      renderer.refresh();
      const box = renderer.getContainer().getBoundingClientRect();
      const from = view(a);
      const to = view(b);
      return [0.5, 0.4, 0.6, 0.3, 0.7, 0.35, 0.65, 0.25, 0.75].map((t) => ({
        x: box.left + from.x + t * (to.x - from.x),
        y: box.top + from.y + t * (to.y - from.y),
      }));
    });
    expect(points.length).toBeGreaterThan(0);
    let onEdge = false;
    for (const point of points) {
      await session.page.mouse.move(point.x, point.y, { steps: 2 });
      onEdge = await session.page
        .waitForFunction(
          () => (window as unknown as { hoveredEdge?: string | null }).hoveredEdge?.startsWith('HOLDS_ROLE:'),
          null,
          { timeout: 1000 },
        )
        .then(() => true)
        .catch(() => false);
      if (onEdge) {
        await session.page.mouse.click(point.x, point.y);
        break;
      }
    }
    expect(onEdge).toBe(true);
    await edge.waitFor({ timeout: 10_000 });
    await expect(edge.textContent()).resolves.toMatch(/Ilham Aliyev\s*—HOLDS_ROLE→\s*Actor\s*Azerbaijan/);
    // The clicked relationship stays drawn as chosen while its evidence is shown.
    const chosen = await session.page.evaluate(
      () =>
        (window as unknown as { actorgraph: { interaction: { current: { selectedEdge: string | null } } } }).actorgraph
          .interaction.current.selectedEdge,
    );
    expect(chosen).toMatch(/^HOLDS_ROLE:/);
    expect(session.pageErrors).toEqual([]);
  });
});

const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Engines';
const HOSTILE_TEXT = 'Ada Lovelace said <img src=x onerror=alert(2)>\n\n<script>alert(3)</script> in Ruritania.';

/** The hand-made graph with an article whose title, address and text are hostile markup. */
function hostileArticle(): GraphBatch {
  const graph = sampleGraph();
  const document = graph.nodes.find((node) => node.id === 'doc:1')!;
  Object.assign(document.properties, { title: HOSTILE_TITLE, url: 'javascript:alert(4)', text: HOSTILE_TEXT });
  const at = (word: string) => HOSTILE_TEXT.indexOf(word);
  const spans = (start: number, end: number) => JSON.stringify([[start, end]]);
  for (const edge of graph.edges) {
    if (edge.type === 'REPORTED_IN') Object.assign(edge.properties, { startOffset: 0, endOffset: at('<script>') });
    if (edge.type !== 'MENTIONED_IN') continue;
    if (edge.source === 'actor:ada-lovelace') edge.properties.spans = spans(0, 12);
    if (edge.source === 'actor:ruritania') edge.properties.spans = spans(at('Ruritania'), at('Ruritania') + 9);
  }
  // A span inside Ada's ("Lovelace" as Babbage): nested, so the reader keeps Ada's.
  graph.edges.push({
    id: 'MENTIONED_IN:actor:charles-babbage->doc:1',
    type: 'MENTIONED_IN',
    source: 'actor:charles-babbage',
    target: 'doc:1',
    sourceLabel: 'Actor',
    targetLabel: 'Document',
    properties: { rule: 'test', confidence: 1, evidence: null, date: null, mentions: 1, spans: spans(4, 12) },
  });
  return graph;
}

describe('the reader with hostile text', () => {
  it('shows the article as text, links no script address, and is used with the keyboard', async () => {
    const hostile = await startTestServer({ importSamples: false, graph: hostileArticle() });
    const tab = await session.browser.newPage({ viewport: { width: 1400, height: 850 } });
    let dialogs = 0;
    tab.on('dialog', async (dialog) => {
      dialogs += 1;
      await dialog.dismiss();
    });
    try {
      await gotoExplorer(tab, hostile.url);
      await pickSuggestion(tab, '#search-input', 'Lovelace', 'Ada Lovelace');
      const panel = tab.locator('[data-testid="details-panel"]');
      await panel.locator('h2', { hasText: 'Ada Lovelace' }).waitFor({ timeout: 10_000 });
      await panel.locator('[data-testid="statement"]').getByRole('button', { name: 'Open article' }).first().click();

      const reader = tab.locator('[data-testid="reader"]');
      await reader.locator('[data-testid="mention"]').first().waitFor({ timeout: 10_000 });
      await expect(reader.locator('h2').textContent()).resolves.toBe(HOSTILE_TITLE);
      await expect(reader.textContent()).resolves.toContain('<script>alert(3)</script>');
      await expect(reader.textContent()).resolves.toContain('javascript:alert(4)');
      expect(await tab.locator('#reader img, #reader script, #reader a').count()).toBe(0);
      // Two paragraphs; the cited sentence is the first one.
      expect(await reader.locator('.reader-text p').count()).toBe(2);
      await expect(reader.locator('[data-testid="cited"]').textContent()).resolves.toBe(
        'Ada Lovelace said <img src=x onerror=alert(2)>',
      );
      // The outer span wins over the nested one.
      const mentions = await reader
        .locator('[data-testid="mention"]')
        .evaluateAll((buttons) => buttons.map((button) => [button.textContent, button.getAttribute('data-node-id')]));
      expect(mentions).toEqual([
        ['Ada Lovelace', 'actor:ada-lovelace'],
        ['Ruritania', 'actor:ruritania'],
      ]);

      // Keyboard: focus is on the close button; Tab reaches the mentions; Enter selects one.
      await tab.keyboard.press('Tab');
      await tab.keyboard.press('Tab');
      await expect(tab.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Ruritania');
      await tab.keyboard.press('Enter');
      await panel.locator('h2', { hasText: 'Ruritania' }).waitFor({ timeout: 10_000 });
      await tab.keyboard.press('Escape');
      await reader.waitFor({ state: 'hidden' });
      expect(dialogs).toBe(0);
    } finally {
      await tab.close();
      await hostile.close();
    }
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
    getCamera(): {
      isAnimated(): boolean;
      getState(): { ratio: number };
      setState(state: { x: number; y: number; ratio: number }): void;
    };
    on(event: 'enterEdge' | 'leaveEdge', handler: (payload: { edge: string }) => void): void;
    refresh(): void;
    getDimensions(): { width: number; height: number };
    getNodeDisplayData(node: string): { x: number; y: number } | undefined;
    framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
    getContainer(): HTMLElement;
  };
  layout: { kill(): void };
}
