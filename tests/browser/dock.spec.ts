import { HOST_IDS } from '../../lib/hosts/supported-hosts';
import { DockPage } from './support/dock';
import { expect, test } from './support/extension';
import { HOST_SHELLS, STRICT_CSP, serveHostPages, shellPages } from './support/host-pages';

for (const host of HOST_IDS) {
  const shell = HOST_SHELLS[host];

  test.describe(`the dock on ${host}`, () => {
    test.beforeEach(async ({ extensionContext }) => {
      await serveHostPages(extensionContext, shellPages());
    });

    test('the panel frame appears within a second of the page load, despite a strict CSP', async ({ page }) => {
      const response = await page.goto(shell.url, { waitUntil: 'load' });
      expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
      const dock = new DockPage(page, host);
      await expect(dock.panel.getByRole('heading', { name: 'Sidecar' })).toBeVisible({ timeout: 1_000 });
      expect(await dock.isOpen()).toBe(true);
    });

    test('collapses and expands by click, and stays as left across a reload', async ({ page }) => {
      await page.goto(shell.url);
      const dock = new DockPage(page, host);
      await expect(dock.frameElement).toBeVisible();

      await dock.collapseByClick();
      await expect(dock.frameElement).toBeHidden();
      await expect(dock.wrapper).toHaveAttribute('data-open', 'false');
      const tab = await dock.wrapper.boundingBox();
      expect(tab?.width).toBeLessThanOrEqual(24);

      await page.reload();
      await expect(dock.wrapper).toHaveAttribute('data-open', 'false');
      await expect(dock.frameElement).toBeHidden();

      await dock.expandByClickingTab();
      await expect(dock.frameElement).toBeVisible();
      await expect(dock.panel.getByRole('heading', { name: 'Sidecar' })).toBeVisible();
    });

    test('the host page keeps its own controls, open or collapsed', async ({ page }) => {
      await page.goto(shell.url);
      const dock = new DockPage(page, host);
      await expect(dock.frameElement).toBeVisible();
      await page.evaluate(() => {
        const button = document.getElementById('host-primary-action');
        button?.addEventListener('click', () => {
          document.body.dataset.hostClicks = String(Number(document.body.dataset.hostClicks ?? 0) + 1);
        });
      });
      // Playwright refuses to click an element another element covers, so a
      // successful click also proves the dock is not on top of it.
      await page.getByText(shell.primaryAction, { exact: true }).click();
      await dock.collapseByClick();
      await expect(dock.wrapper).toHaveAttribute('data-open', 'false');
      await page.getByText(shell.primaryAction, { exact: true }).click();
      expect(await page.evaluate(() => document.body.dataset.hostClicks)).toBe('2');
    });

    test("the host page's scripts cannot read the panel's document", async ({ page }) => {
      await page.goto(shell.url);
      const dock = new DockPage(page, host);
      await expect(dock.panel.getByRole('heading', { name: 'Sidecar' })).toBeVisible();
      // page.evaluate runs in the page's own world, as the host's scripts do.
      const seen = await page.evaluate((selector) => {
        const frame = document.querySelector<HTMLIFrameElement>(selector);
        let windowDocument = 'unreadable';
        try {
          windowDocument = String(frame?.contentWindow?.document);
        } catch {
          windowDocument = 'unreadable';
        }
        return { found: frame !== null, contentDocument: frame?.contentDocument ?? null, windowDocument };
      }, `iframe[data-sidecar-panel="${host}"]`);
      expect(seen).toEqual({ found: true, contentDocument: null, windowDocument: 'unreadable' });
    });
  });
}

test('the open state is remembered per host', async ({ page, extensionContext }) => {
  await serveHostPages(extensionContext, shellPages());
  await page.goto(HOST_SHELLS.gmail.url);
  const gmail = new DockPage(page, 'gmail');
  await expect(gmail.frameElement).toBeVisible();
  await gmail.collapseByClick();
  await expect(gmail.wrapper).toHaveAttribute('data-open', 'false');

  await page.goto(HOST_SHELLS['google-calendar'].url);
  const calendar = new DockPage(page, 'google-calendar');
  await expect(calendar.wrapper).toHaveAttribute('data-open', 'true');

  await page.goto(HOST_SHELLS.gmail.url);
  await expect(gmail.wrapper).toHaveAttribute('data-open', 'false');
});
