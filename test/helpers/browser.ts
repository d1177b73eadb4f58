/** Debian's Chromium, headless, driven by playwright-core (no browser download). */
import { chromium, type Browser } from 'playwright-core';
import { requireBuiltClient } from '../../server/built-assets.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Every browser test drives the built explorer: without `npm run build` this fails at once saying
 * so, instead of each test waiting 30 s for a graph that never draws.
 */
export async function launchBrowser(): Promise<Browser> {
  requireBuiltClient();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
