import type { Page } from '@playwright/test';
import { DockPage } from './support/dock';
import { expect, test } from './support/extension';
import { allFixturePages, fixturePage, navigateLikeTheHost, routeFor, type FixturePage } from './support/host-fixture-pages';
import { serveHostPages } from './support/host-pages';
import { panelFrame } from './support/panel-store';

/** The page's own change must reach the panel within this (issue 3). */
const PANEL_UPDATE_MS = 300;

function expectedEmails(page: FixturePage): string[] {
  const expected = page.golden.expected;
  if (!expected.ok) return [];
  const participants = (expected.context as { participants: { email: string }[] }).participants;
  return [...new Set(participants.map((p) => p.email))];
}

function titleOf(page: FixturePage): string {
  return (page.golden.expected as { context: { title?: string } }).context.title ?? '(no subject)';
}

async function expectContextShown(dock: DockPage, page: FixturePage): Promise<void> {
  const article = dock.panel.getByTestId('context');
  await expect(article.getByRole('heading', { level: 2 })).toHaveText(titleOf(page));
  for (const email of expectedEmails(page)) {
    await expect(article.locator(`[data-participant="${email}"]`)).toBeVisible();
  }
}

/**
 * Changes the page like the host does and measures, on the machine's clock,
 * from the end of the page's change to the panel showing `expected` (a title,
 * or the idle state): a MutationObserver in the panel notes the moment, so
 * no polling interval of the test runner is counted.
 */
async function panelUpdateMs(page: Page, dock: DockPage, to: FixturePage, how: 'hash' | 'history' | 'render-only', expected: string | 'idle'): Promise<number> {
  const frame = await panelFrame(page, dock.host);
  await frame.evaluate((want) => {
    const state = { seenAt: 0 };
    (window as unknown as { __update: typeof state }).__update = state;
    const matches = () =>
      want === 'idle'
        ? document.querySelector('[data-testid="idle"]') !== null
        : document.querySelector('[data-testid="context"] h2')?.textContent === want;
    const observer = new MutationObserver(() => {
      if (matches()) {
        state.seenAt = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, expected);
  const changedAt = await navigateLikeTheHost(page, to, how);
  await frame.waitForFunction(() => (window as unknown as { __update: { seenAt: number } }).__update.seenAt > 0, undefined, { timeout: 5_000 });
  const seenAt = await frame.evaluate(() => (window as unknown as { __update: { seenAt: number } }).__update.seenAt);
  return seenAt - changedAt;
}

async function open(page: Page, context: import('@playwright/test').BrowserContext, ...pages: FixturePage[]) {
  await serveHostPages(context, Object.assign({}, ...pages.map(routeFor)));
  await page.goto(pages[0]!.golden.url);
}

test.describe('the panel shows what the host page has open', () => {
  for (const name of ['gmail/thread-2026-11-22', 'outlook/reading-pane-2026-11-22', 'google-calendar/event-dialog-2026-11-22']) {
    test(`${name}: every participant, customers first`, async ({ page, extensionContext }) => {
      const fixture = fixturePage(name);
      await open(page, extensionContext, fixture);
      const dock = new DockPage(page, fixture.fixture.host);
      await expectContextShown(dock, fixture);
      // Customers come before the user's own team.
      const groups = dock.panel.getByTestId('context').locator('section');
      await expect(groups.first()).toHaveAttribute('aria-label', 'Customers and guests');
    });
  }

  test('a page Sidecar cannot read says so in one line, and the host sees no error', async ({ page, extensionContext }) => {
    const fixture = fixturePage('gmail/broken-no-subject-2026-11-22');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await open(page, extensionContext, fixture);
    const dock = new DockPage(page, 'gmail');
    await expect(dock.panel.getByTestId('cannot-read')).toHaveText('Sidecar cannot read this view.');
    expect(errors).toEqual([]);
  });
});

test.describe('the panel follows navigation within the host', () => {
  test('Gmail: inbox, thread, search, back to the inbox', async ({ page, extensionContext }) => {
    const [inbox, thread, search] = ['gmail/inbox-2026-11-22', 'gmail/thread-2026-11-22', 'gmail/search-de-2026-11-22'].map(fixturePage) as [FixturePage, FixturePage, FixturePage];
    await open(page, extensionContext, inbox);
    const dock = new DockPage(page, 'gmail');
    await expect(dock.panel.getByTestId('idle')).toBeVisible();

    expect(await panelUpdateMs(page, dock, thread, 'hash', titleOf(thread))).toBeLessThan(PANEL_UPDATE_MS);
    await expectContextShown(dock, thread);
    expect(await panelUpdateMs(page, dock, search, 'hash', titleOf(search))).toBeLessThan(PANEL_UPDATE_MS);
    await expectContextShown(dock, search);
    expect(await panelUpdateMs(page, dock, inbox, 'hash', 'idle')).toBeLessThan(PANEL_UPDATE_MS);
  });

  test('Outlook: a message opened with pushState, then closed', async ({ page, extensionContext }) => {
    const [inbox, message] = ['outlook/inbox-2026-11-22', 'outlook/reading-pane-2026-11-22'].map(fixturePage) as [FixturePage, FixturePage];
    await open(page, extensionContext, inbox);
    const dock = new DockPage(page, 'outlook');
    await expect(dock.panel.getByTestId('idle')).toBeVisible();

    expect(await panelUpdateMs(page, dock, message, 'history', titleOf(message))).toBeLessThan(PANEL_UPDATE_MS);
    await expectContextShown(dock, message);
    expect(await panelUpdateMs(page, dock, inbox, 'history', 'idle')).toBeLessThan(PANEL_UPDATE_MS);
  });

  test('Calendar: the event dialog opened, closed and opened again', async ({ page, extensionContext }) => {
    const [grid, dialog] = ['google-calendar/grid-2026-11-22', 'google-calendar/event-dialog-2026-11-22'].map(fixturePage) as [FixturePage, FixturePage];
    await open(page, extensionContext, grid);
    const dock = new DockPage(page, 'google-calendar');
    await expect(dock.panel.getByTestId('idle')).toBeVisible();

    expect(await panelUpdateMs(page, dock, dialog, 'render-only', titleOf(dialog))).toBeLessThan(PANEL_UPDATE_MS);
    await expectContextShown(dock, dialog);
    expect(await panelUpdateMs(page, dock, grid, 'render-only', 'idle')).toBeLessThan(PANEL_UPDATE_MS);
    expect(await panelUpdateMs(page, dock, dialog, 'render-only', titleOf(dialog))).toBeLessThan(PANEL_UPDATE_MS);
    await expectContextShown(dock, dialog);
  });
});

test('no fixture, broken ones included, makes Sidecar throw into the host page', async ({ page, extensionContext }) => {
  test.setTimeout(60_000);
  const fixtures = allFixturePages();
  await serveHostPages(extensionContext, Object.assign({}, ...fixtures.map(routeFor)));
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /sidecar|extension:\/\//i.test(`${message.text()} ${message.location().url}`)) {
      problems.push(`console: ${message.text()}`);
    }
  });
  for (const fixture of fixtures) {
    await page.goto(fixture.golden.url);
    await expect(new DockPage(page, fixture.fixture.host).frameElement).toBeVisible();
  }
  expect(problems).toEqual([]);
});
