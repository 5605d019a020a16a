import { describe, expect, it } from 'vitest';
import { fixturePage, routeFor } from '../browser/support/host-fixture-pages';
import { firefoxForThisFile, serveFixtures } from './firefox';

const firefox = firefoxForThisFile();

describe('the panel in Firefox', () => {
  it.each(['gmail/thread-2026-11-22', 'outlook/reading-pane-2026-11-22', 'google-calendar/event-dialog-2026-11-22'])(
    'shows what %s has open',
    async (name) => {
      const fixture = fixturePage(name);
      const page = await firefox.newPage();
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

/** What an extension page's script reaches as `browser` in Firefox. */
type ExtensionGlobal = { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };

describe('the panel in Firefox, live', () => {
  it('shows an account saved from another tab’s panel without being reloaded', async () => {
    const fixture = fixturePage('gmail/orbital-thread-2026-11-22');
    const page = await firefox.newPage();
    const other = await firefox.newPage();
    try {
      await serveFixtures(page, routeFor(fixture));
      await page.goto(fixture.golden.url, { waitUntil: 'load' });
      const frameHandle = await page.waitForSelector('iframe[data-sidecar-panel="gmail"]', { timeout: 5_000 });
      const panel = await frameHandle!.contentFrame();
      await panel.waitForSelector('[data-testid="no-account"]', { timeout: 8_000 });

      // Another of Sidecar's pages (the panel of another Gmail tab) saves the
      // thread's customer, as the CSM would there. (WebDriver BiDi refuses to
      // open a moz-extension: page in a tab of its own.)
      await serveFixtures(other, routeFor(fixture));
      await other.goto(fixture.golden.url, { waitUntil: 'load' });
      const otherPanel = await (await other.waitForSelector('iframe[data-sidecar-panel="gmail"]', { timeout: 5_000 }))!.contentFrame();
      await otherPanel.waitForSelector('[data-testid="no-account"]', { timeout: 8_000 });
      const accountId = crypto.randomUUID();
      const put = (message: object) => otherPanel.evaluate((m) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage(m), message);
      expect(await put({ type: 'store.put', kind: 'accounts', record: { id: accountId, name: 'Orbital Analytics' } })).toMatchObject({ ok: true });
      expect(await put({ type: 'store.put', kind: 'account_domains', record: { id: crypto.randomUUID(), account_id: accountId, domain: 'orbital-analytics.example' } })).toMatchObject({ ok: true });

      // The open panel reads again and shows it: no reload, no navigation.
      await panel.waitForFunction(() => document.body.textContent?.includes('Orbital Analytics') ?? false, { timeout: 8_000 });
      expect(await panel.$('[data-testid="no-account"]')).toBeNull();
    } finally {
      await other.close();
      await page.close();
    }
  }, 30_000);
});
