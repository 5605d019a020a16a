import { describe, expect, it } from 'vitest';
import { HOST_IDS } from '../../lib/hosts/supported-hosts';
import { HOST_SHELLS, shellPages } from '../browser/support/host-pages';
import { firefoxForThisFile, serveFixtures } from './firefox';

const firefox = firefoxForThisFile();

describe.each(HOST_IDS)('the dock in Firefox on %s', (host) => {
  it('docks the panel frame, which the host page cannot read', async () => {
    const page = await firefox.newPage();
    try {
      await serveFixtures(page, shellPages());
      await page.goto(HOST_SHELLS[host].url, { waitUntil: 'load' });
      const frameHandle = await page.waitForSelector(`iframe[data-sidecar-panel="${host}"]`, { timeout: 5_000 });
      expect(frameHandle).not.toBeNull();

      const seen = await page.evaluate((selector) => {
        const frame = document.querySelector<HTMLIFrameElement>(selector);
        const rect = frame?.getBoundingClientRect();
        return {
          src: frame?.src.split('?')[0]?.replace(/^moz-extension:\/\/[^/]+/, 'moz-extension://id') ?? null,
          contentDocument: frame?.contentDocument ?? null,
          width: Math.round(rect?.width ?? 0),
        };
      }, `iframe[data-sidecar-panel="${host}"]`);
      expect(seen).toEqual({ src: 'moz-extension://id/panel.html', contentDocument: null, width: 360 });

      // The panel page itself rendered inside the frame.
      const panel = await frameHandle!.contentFrame();
      const heading = await panel.waitForSelector('h1', { timeout: 5_000 });
      expect(await heading?.evaluate((h) => h.textContent)).toBe('Sidecar');
    } finally {
      await page.close();
    }
  }, 20_000);
});
