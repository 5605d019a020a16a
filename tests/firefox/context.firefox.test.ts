import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePage, routeFor } from '../browser/support/host-fixture-pages';
import { launchFirefoxWithExtension, serveFixtures } from './firefox';

let browser: Browser;

beforeAll(async () => {
  browser = await launchFirefoxWithExtension();
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

describe('the panel in Firefox', () => {
  it.each(['gmail/thread-2026-11-22', 'outlook/reading-pane-2026-11-22', 'google-calendar/event-dialog-2026-11-22'])(
    'shows what %s has open',
    async (name) => {
      const fixture = fixturePage(name);
      const page = await browser.newPage();
      try {
        await serveFixtures(page, routeFor(fixture));
        await page.goto(fixture.golden.url, { waitUntil: 'load' });
        const frameHandle = await page.waitForSelector(`iframe[data-sidecar-panel="${fixture.fixture.host}"]`, { timeout: 5_000 });
        const panel = await frameHandle!.contentFrame();
        const heading = await panel.waitForSelector('[data-testid="context"] h2', { timeout: 8_000 });
        const title = (fixture.golden.expected as unknown as { context: { title: string } }).context.title;
        expect(await heading?.evaluate((h) => h.textContent)).toBe(title);
      } finally {
        await page.close();
      }
    },
    25_000,
  );
});
