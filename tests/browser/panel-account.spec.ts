import type { Page } from '@playwright/test';
import { DockPage } from './support/dock';
import { expect, test } from './support/extension';
import { fixturePage, routeFor, type FixturePage } from './support/host-fixture-pages';
import { serveHostPages } from './support/host-pages';
import { panelFrame } from './support/panel-store';
import { clearAccounts, put, seedAdvocateAccount, today } from './support/panel-records';
import { addParticipantAsStakeholder } from './support/participants';

/**
 * Solo mode, each host: the panel recognises the account of a customer
 * thread or event, shows its stage and missing evidence, and follows every
 * save live and after a reload.
 */
const CASES = [
  { fixture: 'gmail/thread-2026-11-22', account: 'Acme Logistics', domain: 'acme-logistics.com', unmapped: 'lucas.silva@acme-logistics.com' },
  { fixture: 'outlook/reading-pane-2026-11-22', account: 'Northwind', domain: 'northwind.example', unmapped: 'kenji.tanaka@northwind.example' },
  { fixture: 'google-calendar/event-dialog-2026-11-22', account: 'Globex', domain: 'globex.example', unmapped: 'nina.larsen@globex.example' },
] as const;

/** Two engaged (supporters) and one more mapped person, none of them on the fixture's page except where noted. */
const BACKGROUND_PEOPLE = (domain: string) => [
  { email: `ada@${domain}`, name: 'Ada', position: 'supporter' },
  { email: `ben@${domain}`, name: 'Ben', position: 'supporter' },
  { email: `cy@${domain}`, name: 'Cy', position: 'needs_education' },
];

async function openFixture(page: Page, fixture: FixturePage) {
  await page.goto(fixture.golden.url);
  const frame = await panelFrame(page, fixture.fixture.host);
  await clearAccounts(frame);
  return frame;
}

for (const c of CASES) {
  test(`${c.fixture}: account, stage, missing evidence, live updates, reload`, async ({ page, extensionContext }) => {
    const fixture = fixturePage(c.fixture);
    // The Gmail fixture is the heaviest page; seeding ten records through it takes a while on two cores.
    test.setTimeout(45_000);
    await serveHostPages(extensionContext, routeFor(fixture));
    const frame = await openFixture(page, fixture);
    await seedAdvocateAccount(frame, c.account, c.domain, BACKGROUND_PEOPLE(c.domain));
    const panel = new DockPage(page, fixture.fixture.host).panel;

    // The right account, its declared stage ahead of the evidence, and what is missing.
    await expect(panel.getByTestId('account-name')).toHaveText(c.account);
    const track = panel.getByTestId('stage-track');
    await expect(track).toHaveAttribute('data-declared', 'intent');
    await expect(track).toHaveAttribute('data-evidence', 'advocate');
    const missing = panel.getByTestId('missing-evidence');
    await expect(missing.locator('[data-criterion="sponsor_identified"]')).toContainText('Unbacked');
    await expect(missing.locator('[data-criterion="insight_shared"]')).toBeVisible();

    // An unmapped participant added as sponsor: the row and the missing list follow.
    const row = await addParticipantAsStakeholder(panel, c.unmapped, 'sponsor');
    await expect(row.getByTestId('position')).toHaveText('Sponsor');
    await expect(missing.locator('[data-criterion="sponsor_identified"]')).toHaveCount(0);

    // An insight shared today completes Advocate; an intent signal then backs one Intent criterion.
    const accountId = await panel.getByTestId('account-view').getAttribute('data-account-id');
    const opportunityId = await panel.locator('[data-opportunity]').first().getAttribute('data-opportunity');
    await put(frame, 'insights', { account_id: accountId, kind: 'adoption_progress', summary: 'Usage doubled', shared_on: today() });
    await expect(track).toHaveAttribute('data-evidence', 'intent');
    await expect(missing.locator('[data-criterion="decision_timing_known"]')).toBeVisible();
    await put(frame, 'intent_signals', { account_id: accountId, opportunity_id: opportunityId, kind: 'decision_timing_known', occurred_on: today() });
    await expect(missing.locator('[data-criterion="decision_timing_known"]')).toHaveCount(0);
    await expect(track).toHaveAttribute('data-evidence', 'intent');

    // After a reload, everything is still there.
    await page.reload();
    await expect(panel.getByTestId('account-name')).toHaveText(c.account);
    await expect(panel.getByTestId('stage-track')).toHaveAttribute('data-evidence', 'intent');
    await expect(panel.locator(`[data-participant="${c.unmapped}"]`)).toHaveAttribute('data-position', 'sponsor');
    await expect(panel.getByTestId('missing-evidence').locator('[data-criterion="decision_timing_known"]')).toHaveCount(0);
  });
}

test('calendar prep: attendees with positions, a detractor and an unmapped guest highlighted, agenda from the missing evidence', async ({ page, extensionContext }) => {
  const fixture = fixturePage('google-calendar/event-dialog-2026-11-22');
  await serveHostPages(extensionContext, routeFor(fixture));
  const frame = await openFixture(page, fixture);
  const { accountId } = await seedAdvocateAccount(frame, 'Globex', 'globex.example', [
    { email: 'amara.mensah@globex.example', name: 'Amara Mensah', position: 'supporter' },
    { email: 'lucas.silva@globex.example', name: 'Lucas Silva', position: 'detractor' },
    { email: 'omar.haddad@globex.example', name: 'Omar Haddad', position: 'supporter' },
  ]);
  await put(frame, 'meetings', { account_id: accountId, kind: 'alignment_meeting', held_on: '2026-10-02', summary: 'Roadmap review' });
  const panel = new DockPage(page, 'google-calendar').panel;
  const prep = panel.getByTestId('calendar-prep');
  await expect(prep.locator('[data-participant="amara.mensah@globex.example"] [data-testid="position"]')).toHaveText('Supporter');
  await expect(prep.locator('[data-participant="lucas.silva@globex.example"]')).toHaveAttribute('data-attention', 'detractor');
  await expect(prep.locator('[data-participant="lucas.silva@globex.example"]')).toContainText('Detractor: plan');
  await expect(prep.locator('[data-participant="nina.larsen@globex.example"]')).toHaveAttribute('data-attention', 'unmapped');
  await expect(prep.locator('[data-participant="amara.mensah@globex.example"]')).not.toHaveAttribute('data-attention', /./);
  // The agenda asks the questions of the missing criteria (catalog words, not the panel's).
  const agenda = prep.getByTestId('agenda');
  await expect(agenda.locator('[data-criterion="sponsor_identified"]')).toHaveText('Who on your side would speak up for this when we are not in the room?');
  await expect(agenda.locator('[data-criterion="insight_shared"]')).toBeVisible();
  await expect(prep.getByTestId('last-meeting')).toContainText('Alignment meeting · 2026-10-02 · Roadmap review');
});
