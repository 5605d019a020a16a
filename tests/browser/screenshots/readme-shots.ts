import type { BrowserContext, Locator, Page } from '@playwright/test';
import { DockPage } from '../support/dock';
import { expect } from '../support/extension';
import { fixturePage, routeFor } from '../support/host-fixture-pages';
import { serveHostPages } from '../support/host-pages';
import { panelFrame } from '../support/panel-store';
import { clearAccounts, seedAdvocateAccount } from '../support/panel-records';

/**
 * The pictures in the README, one entry each. `npm run screenshots` takes
 * every one into docs/screenshots/<file>; tests/unit/readme-screenshots.test.ts
 * fails when the README shows a picture that is not there.
 *
 * To add a picture: add an entry whose `show` puts the page in the state to
 * picture (and waits until it is there) and returns the element or page to
 * picture, then run `npm run screenshots` and
 * embed docs/screenshots/<file> in the README. For an extension page such as
 * the dashboard, `show` goes to `chrome-extension://${extensionId}/<page>.html`.
 */
export interface ReadmeShot {
  /** The PNG's name in docs/screenshots/. */
  file: string;
  /** What the picture shows, for the test title. */
  title: string;
  /** Puts the page in the state to picture and returns what to picture: an element, or the whole page. */
  show(session: { page: Page; extensionContext: BrowserContext; extensionId: string }): Promise<Locator | Page>;
}

/** Every README picture is taken at this window size. */
export const SHOT_VIEWPORT = { width: 1280, height: 900 };

/**
 * A host page with the panel on an account that was seeded the way the
 * panel tests seed it: declared at Intent, evidence at Advocate, with a
 * sponsor and a shared insight missing. Pictures the panel alone: the saved
 * host pages come without the hosts' own stylesheets, so the page beside it
 * would look nothing like Gmail or Outlook.
 */
function panelOnHost(fixtureName: string, account: string, domain: string): ReadmeShot['show'] {
  return async ({ page, extensionContext }) => {
    const fixture = fixturePage(fixtureName);
    await serveHostPages(extensionContext, routeFor(fixture));
    await page.goto(fixture.golden.url);
    const frame = await panelFrame(page, fixture.fixture.host);
    await clearAccounts(frame);
    await seedAdvocateAccount(frame, account, domain, [
      { email: `ada@${domain}`, name: 'Ada Moreau', position: 'supporter' },
      { email: `ben@${domain}`, name: 'Ben Okafor', position: 'supporter' },
      { email: `cy@${domain}`, name: 'Cy Tanaka', position: 'needs_education' },
    ]);
    const panel = new DockPage(page, fixture.fixture.host).panel;
    await expect(panel.getByTestId('account-name')).toHaveText(account);
    await expect(panel.getByTestId('stage-track')).toHaveAttribute('data-evidence', 'advocate');
    await expect(panel.getByTestId('missing-evidence').locator('[data-criterion="sponsor_identified"]')).toBeVisible();
    return new DockPage(page, fixture.fixture.host).frameElement;
  };
}

/**
 * The dashboard in solo mode over a small, varied pipeline logged through the
 * store's own messages (the same path the panel's forms take), so the picture
 * shows real figures computed by lib/dashboard.
 */
const dashboardOverSoloPipeline: ReadmeShot['show'] = async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  const put = async (kind: string, record: Record<string, unknown>) => {
    const answer = await page.evaluate((message) => chrome.runtime.sendMessage(message), { type: 'store.put', kind, record });
    expect(answer, `${kind} ${JSON.stringify(record)}`).toMatchObject({ ok: true });
  };
  const customers = [
    { name: 'Acme Logistics', arr: 240_000, stage: 'intent', amount: 60_000, firstValue: '2026-03-02', goal: true },
    { name: 'Northwind', arr: 180_000, stage: 'advocate', amount: 45_000, firstValue: '2026-05-18', goal: true },
    { name: 'Globex', arr: 95_000, stage: 'align', amount: 20_000, firstValue: null, goal: true },
    { name: 'Initech', arr: 130_000, stage: 'identify', amount: 15_000, firstValue: '2026-07-09', goal: false },
    { name: 'Umbrella Health', arr: 310_000, stage: 'align', amount: 80_000, firstValue: '2026-02-11', goal: false },
    { name: 'Stark Freight', arr: 60_000, stage: 'intent', amount: 12_000, firstValue: null, goal: true },
  ] as const;
  for (const customer of customers) {
    const accountId = crypto.randomUUID();
    await put('accounts', { id: accountId, name: customer.name, arr: customer.arr, renewal_on: '2027-03-31' });
    if (customer.firstValue) await put('account_milestones', { id: crypto.randomUUID(), account_id: accountId, kind: 'first_value', reached_on: customer.firstValue });
    if (customer.goal) await put('goals', { id: crypto.randomUUID(), account_id: accountId, statement: `Cut ${customer.name}'s onboarding time in half`, confirmed_current_on: '2026-11-02' });
    await put('opportunities', {
      id: crypto.randomUUID(), account_id: accountId, title: `${customer.name} expansion`, type: 'expansion',
      source: 'future_need', declared_stage: customer.stage, amount: customer.amount,
    });
  }
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('dashboard-organization')).toHaveText('Your own pipeline (this browser only)');
  await expect(page.getByTestId('pipeline-table')).toContainText('Intent');
  return page;
};

export const README_SHOTS: ReadmeShot[] = [
  { file: 'panel-gmail.png', title: 'the panel beside a Gmail thread', show: panelOnHost('gmail/thread-2026-11-22', 'Acme Logistics', 'acme-logistics.com') },
  { file: 'panel-outlook.png', title: 'the panel beside an Outlook message', show: panelOnHost('outlook/reading-pane-2026-11-22', 'Northwind', 'northwind.example') },
  { file: 'dashboard.png', title: 'the pipeline dashboard over a small solo pipeline', show: dashboardOverSoloPipeline },
  { file: 'panel-google-calendar.png', title: 'the panel beside a Google Calendar event', show: panelOnHost('google-calendar/event-dialog-2026-11-22', 'Globex', 'globex.example') },
];
