import { DockPage } from './support/dock';
import { expect, test } from './support/extension';
import { fixturePage, routeFor } from './support/host-fixture-pages';
import { serveHostPages } from './support/host-pages';
import { panelFrame, storeContents } from './support/panel-store';
import { clearAccounts, seedAdvocateAccount } from './support/panel-records';

/**
 * Logging from the thread with the panel's own forms: the form opens
 * prefilled from the thread, is linked to it, and the missing evidence
 * follows the moment it is saved.
 */
test('an insight logged from an Outlook thread is linked to it and clears "insight shared"', async ({ page, extensionContext }) => {
  test.setTimeout(45_000);
  const fixture = fixturePage('outlook/reading-pane-2026-11-22');
  await serveHostPages(extensionContext, routeFor(fixture));
  await page.goto(fixture.golden.url);
  const frame = await panelFrame(page, 'outlook');
  await clearAccounts(frame);
  await seedAdvocateAccount(frame, 'Northwind', 'northwind.example', [
    { email: 'ada@northwind.example', name: 'Ada', position: 'supporter' },
    { email: 'ben@northwind.example', name: 'Ben', position: 'supporter' },
    { email: 'cy@northwind.example', name: 'Cy', position: 'needs_education' },
  ]);
  const panel = new DockPage(page, 'outlook').panel;
  const missing = panel.getByTestId('missing-evidence');
  await expect(missing.locator('[data-criterion="insight_shared"]')).toBeVisible();

  await panel.getByRole('navigation', { name: 'Log something' }).getByRole('button', { name: 'Insight', exact: true }).click();
  const form = panel.getByTestId('quick-log-form');
  // Prefilled from the thread: shared today.
  await expect(form.getByLabel('Date shared')).toHaveValue(new Date().toISOString().slice(0, 10));
  // An empty summary is refused beside the field, and nothing is lost.
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByLabel('Summary')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Summary').fill('Routing cut their lead time by half since June');
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(form).toBeHidden();
  await expect(missing.locator('[data-criterion="insight_shared"]')).toBeHidden();
  const insights = (await storeContents(frame)).records.insights as unknown as { summary: string; source_host: string; source_url: string | null }[];
  expect(insights).toHaveLength(1);
  expect(insights[0]).toMatchObject({ summary: 'Routing cut their lead time by half since June', source_host: 'outlook' });
});
