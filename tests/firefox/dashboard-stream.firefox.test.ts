import { describe, expect, it } from 'vitest';
import { fixturePage, routeFor } from '../browser/support/host-fixture-pages';
import { firefoxForThisFile, serveFixtures } from './firefox';

const firefox = firefoxForThisFile();

/** What an extension page's script reaches as `browser` in Firefox. */
type Port = { postMessage(m: unknown): void; onMessage: { addListener(l: (m: unknown) => void): void }; onDisconnect: { addListener(l: () => void): void } };
type ExtensionGlobal = { browser: { runtime: { connect(info: { name: string }): Port } } };

describe('the dashboard stream in Firefox', () => {
  it('serves one of Sidecar’s pages over a port: the local pipeline (solo), then the answer', async () => {
    // WebDriver BiDi refuses to open a moz-extension: page in a tab of its own,
    // so the stream is read from another of Sidecar's pages: the panel frame.
    const fixture = fixturePage('gmail/thread-2026-11-22');
    const page = await firefox.newPage();
    try {
      await serveFixtures(page, routeFor(fixture));
      await page.goto(fixture.golden.url, { waitUntil: 'load' });
      const panel = await (await page.waitForSelector('iframe[data-sidecar-panel="gmail"]', { timeout: 5_000 }))!.contentFrame();
      await panel.waitForSelector('[data-testid="context"]', { timeout: 8_000 });
      // No worker controls Sidecar's pages in Firefox (its background is an event page), so the
      // dashboard reads over this port there, never through the worker (stream-port.ts canReadDirect).
      expect(await panel.evaluate(() => Boolean(globalThis.navigator.serviceWorker?.controller))).toBe(false);
      const messages = await panel.evaluate(
        () =>
          new Promise<unknown[]>((resolve, reject) => {
            const port = (globalThis as unknown as ExtensionGlobal).browser.runtime.connect({ name: 'dashboard.stream' });
            const seen: unknown[] = [];
            port.onMessage.addListener((m) => {
              seen.push(m);
              if ((m as { type: string }).type !== 'text' && (m as { type: string }).type !== 'input') resolve(seen);
            });
            port.onDisconnect.addListener(() => reject(new Error('closed early')));
            port.postMessage({ type: 'start' });
          }),
      );
      const input = messages.filter((m) => (m as { type: string }).type === 'input') as { text: string; end: boolean }[];
      expect(input.at(-1)?.end).toBe(true);
      expect(JSON.parse(input.map((m) => m.text).join(''))).toMatchObject({ accounts: [], opportunities: [] });
      expect(messages.at(-1)).toMatchObject({ type: 'done', answer: { source: 'solo', organization: null } });
    } finally {
      await page.close();
    }
  }, 30_000);
});
