/**
 * An automated accessibility audit (axe-core, WCAG 2 A and AA rules) of the explorer's main views
 * in both themes: the overview with details open, the tools tabs, the console, the reader.
 * axe is injected as a script, so this page is opened with the CSP bypassed (the real page keeps it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoExplorer, newExplorerPage, pickSuggestion } from '../helpers/explorer-page.js';
import { useExplorerSession } from '../helpers/explorer-session.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = useExplorerSession();

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe on the page; returns the violations as readable lines (empty when none). */
async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  })) as Violation[];
  return violations.map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
}

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (colorScheme) => {
  it('has no WCAG A/AA violations in the main views', async () => {
    const context = await session.browser.newContext({ colorScheme, bypassCSP: true });
    const page = await newExplorerPage(context, []);
    await gotoExplorer(page, session.server.url);
    const problems: string[] = [];

    // Overview, a node selected (details panel and the selection bar).
    await pickSuggestion(page, '#search-input', 'Aliyev', 'Ilham Aliyev');
    await page.locator('#details-panel h2', { hasText: 'Ilham Aliyev' }).waitFor();
    problems.push(...(await audit(page)).map((p) => `details: ${p}`));

    // Each tools tab.
    for (const tab of ['analysis', 'path', 'views', 'style', 'table', 'filters']) {
      await page.click(`#tab-${tab}`);
      problems.push(...(await audit(page)).map((p) => `${tab} tab: ${p}`));
    }

    // The node menu on the selected node (Shift+F10).
    await page.locator('#fit-view').focus();
    await page.keyboard.press('Shift+F10');
    await page.locator('#node-menu [role="menuitem"]').first().waitFor();
    problems.push(...(await audit(page)).map((p) => `node menu: ${p}`));
    await page.keyboard.press('Escape');

    // The console with a result.
    await page.click('#console summary');
    await page.locator('#cypher-run').click();
    await page.locator('#cypher-result table').waitFor({ timeout: 10_000 });
    problems.push(...(await audit(page)).map((p) => `console: ${p}`));

    // The reader.
    await page.locator('#details-panel button', { hasText: 'Open article' }).first().click();
    await page.locator('#reader [data-testid="cited"]').waitFor({ timeout: 10_000 });
    problems.push(...(await audit(page)).map((p) => `reader: ${p}`));

    await context.close();
    expect(problems).toEqual([]);
  });
});
