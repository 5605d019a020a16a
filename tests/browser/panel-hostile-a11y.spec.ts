import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DockPage } from './support/dock';
import { expect, test } from './support/extension';
import { fixturePage, routeFor } from './support/host-fixture-pages';
import { serveHostPages } from './support/host-pages';
import { panelFrame } from './support/panel-store';
import { clearAccounts, put, seedAdvocateAccount, today } from './support/panel-records';

const HOSTILE_NAME = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>${'W'.repeat(80)} مرحبا بالعالم 🚀👩‍💻`;

/** Serious and critical axe findings inside the panel frame, as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('iframe[data-sidecar-panel]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

test('hostile names and summaries render as plain text within 360 px, and axe finds nothing serious', async ({ page, extensionContext }) => {
  test.setTimeout(40_000);
  const fixture = fixturePage('google-calendar/event-dialog-2026-11-22');
  await serveHostPages(extensionContext, routeFor(fixture));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(fixture.golden.url);
  const frame = await panelFrame(page, 'google-calendar');
  await clearAccounts(frame);
  const panel = new DockPage(page, 'google-calendar').panel;

  // Nothing recognised yet: the unknown-domain offer and the manual search.
  await expect(panel.getByTestId('no-account')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const { accountId, opportunityId } = await seedAdvocateAccount(frame, HOSTILE_NAME, 'globex.example', [
    { email: 'amara.mensah@globex.example', name: HOSTILE_NAME, position: 'detractor' },
  ]);
  await put(frame, 'insights', { account_id: accountId, kind: 'business_outcome', summary: HOSTILE_NAME, shared_on: today() });
  await put(frame, 'intent_signals', { account_id: accountId, opportunity_id: opportunityId, kind: 'risk_raised', occurred_on: today(), summary: HOSTILE_NAME });

  await expect(panel.getByTestId('account-name')).toHaveText(HOSTILE_NAME);
  await expect(panel.getByTestId('calendar-prep')).toContainText('🚀👩‍💻');
  // Rendered as text: no element came from the markup, no script ran.
  expect(await frame.locator('img[src="x"]').count()).toBe(0);
  expect(await frame.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // Nothing wider than the panel: long words are cut or wrapped, never scrolled sideways.
  const widths = await frame.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.client).toBeLessThanOrEqual(400);
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  expect(await seriousViolations(page)).toEqual([]);

  // The quick stakeholder confirm open, in the dark theme too.
  await panel.locator('[data-participant="nina.larsen@globex.example"]').getByRole('button', { name: /as stakeholder/ }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page)).toEqual([]);
});
