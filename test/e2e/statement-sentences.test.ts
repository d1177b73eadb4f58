/**
 * Statements read as sentences — speaker — said — "text" — about X, Y — date — source — wherever
 * they are listed, in a real headless Chromium over the sample corpus: an actor's statements and
 * the statements about an actor (each with its speaker), the edge panel, the article reader and
 * search suggestions. The names in a sentence select their node.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gotoExplorer, pickSuggestion } from '../helpers/explorer-page.js';
import { useExplorerSession } from '../helpers/explorer-session.js';

const session = useExplorerSession();

const panel = () => session.page.locator('[data-testid="details-panel"]');

async function select(name: string, caption = name): Promise<void> {
  await pickSuggestion(session.page, '#search-input', name, caption);
  await panel().locator('h2', { hasText: caption }).waitFor({ timeout: 10_000 });
}

/** The sentence's parts as shown: speaker, verb, quote, about, date, source (those present). */
async function partsOf(sentence: Locator): Promise<Record<string, string>> {
  return sentence.evaluate((line) =>
    Object.fromEntries(
      [...line.querySelectorAll<HTMLElement>('[data-part]')].map((part) => [
        part.dataset.part!,
        part.textContent ?? '',
      ]),
    ),
  );
}

describe('statements read as sentences', () => {
  it("reads an actor's statements as who — said — what — about whom — when — where; a name selects its node", async () => {
    await gotoExplorer(session.page, session.server.url);
    await select('Aliyev', 'Ilham Aliyev');
    const sentence = panel()
      .locator('[data-testid="statement"] [data-testid="statement-sentence"]')
      .filter({ has: session.page.locator('[data-part="about"]') })
      .first();
    const parts = await partsOf(sentence);
    expect(parts.speaker).toBe('Ilham Aliyev');
    expect(parts.verb).toMatch(/^said/);
    expect(parts.quote.length).toBeGreaterThan(10);
    expect(parts.about).toMatch(/^about \S/);
    expect(parts.date).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(parts.source.length).toBeGreaterThan(5);
    expect(await sentence.textContent()).toBe(
      [parts.speaker, parts.verb, parts.quote, parts.about, parts.date, parts.source].join(' — '),
    );

    // Whom it is about: a name to click.
    const about = sentence.locator('[data-part="about"] button').first();
    const name = (await about.textContent())!;
    await about.click();
    await panel().locator('h2', { hasText: name }).waitFor({ timeout: 10_000 });
    expect(session.pageErrors).toEqual([]);
  });

  it('lists the statements about an actor with their speakers, and shows one in the edge panel', async () => {
    await gotoExplorer(session.page, session.server.url);
    await select('Azerbaijan');
    const aboutList = panel().locator('[data-testid="relation"] [data-testid="statement-sentence"]');
    expect(await aboutList.count()).toBeGreaterThan(0);
    for (const sentence of await aboutList.all()) {
      const parts = await partsOf(sentence);
      expect(parts.speaker).not.toBe('');
      expect(parts.about).toContain('Azerbaijan');
    }
    const first = await partsOf(aboutList.first());
    await panel()
      .locator('[data-testid="relation"]', { has: session.page.locator('[data-testid="statement-sentence"]') })
      .first()
      .getByRole('button', { name: 'Evidence' })
      .click();
    const edge = panel().locator('[data-testid="edge-details"]');
    await edge.waitFor({ timeout: 10_000 });
    const shown = await partsOf(panel().locator('[data-testid="statement-sentence"]').first());
    expect(shown.speaker).toBe(first.speaker);
    expect(shown.quote).toBe(first.quote);
    expect(session.pageErrors).toEqual([]);
  });

  it("lists an article's statements as sentences under its text in the reader", async () => {
    await gotoExplorer(session.page, session.server.url);
    await select('Aliyev', 'Ilham Aliyev');
    const statement = panel().locator('[data-testid="statement"]').first();
    await statement.locator('[data-testid="source"]').first().getByRole('button', { name: 'Open article' }).click();
    const reader = session.page.locator('[data-testid="reader"]');
    const listed = reader.locator('[data-testid="statement-sentence"]');
    await listed.first().waitFor({ timeout: 10_000 });
    const speakers = await Promise.all((await listed.all()).map(async (line) => (await partsOf(line)).speaker));
    expect(speakers).toContain('Ilham Aliyev');
    // A speaker's name selects that speaker, the reader staying open.
    await listed.locator('[data-part="speaker"] button', { hasText: 'Ilham Aliyev' }).first().click();
    await panel().locator('h2', { hasText: 'Ilham Aliyev' }).waitFor({ timeout: 10_000 });
    await session.page.keyboard.press('Escape');
    expect(session.pageErrors).toEqual([]);
  });

  it('suggests statements in search as sentences with their speaker', async () => {
    await gotoExplorer(session.page, session.server.url);
    await session.page.fill('#search-input', 'balance is disturbed');
    const suggestion = session.page
      .locator('[data-testid="search-suggestion"]', { hasText: 'balance is disturbed' })
      .first();
    await suggestion.waitFor({ timeout: 10_000 });
    const parts = await partsOf(suggestion.locator('[data-testid="statement-sentence"]'));
    expect(parts.speaker).toBe('Ilham Aliyev');
    expect(parts.verb).toMatch(/^said/);
    expect(parts.quote).toContain('balance is disturbed');
    expect(session.pageErrors).toEqual([]);
  });
});
