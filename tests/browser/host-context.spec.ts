import type { Page } from '@playwright/test';
import { DockPage } from './support/dock';
import { expect, test } from './support/extension';
import { allFixturePages, fixturePage, navigateLikeTheHost, routeFor, type FixturePage } from './support/host-fixture-pages';
import { serveHostPages } from './support/host-pages';

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
 * Changes the page like the host does and waits for the panel to show
 * `expected` (a title, or the idle state). How fast that happens is issue 3's
 * and issue 8's benchmark (bench/panel-latency.bench.ts), not this test's.
 */
async function changeAndExpect(page: Page, dock: DockPage, to: FixturePage, how: 'hash' | 'history' | 'render-only', expected: string | 'idle'): Promise<void> {
  await navigateLikeTheHost(page, to, how);
  if (expected === 'idle') await expect(dock.panel.getByTestId('idle')).toBeVisible();
  else await expect(dock.panel.getByTestId('context').getByRole('heading', { level: 2 })).toHaveText(expected);
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

    await changeAndExpect(page, dock, thread, 'hash', titleOf(thread));
    await expectContextShown(dock, thread);
    await changeAndExpect(page, dock, search, 'hash', titleOf(search));
    await expectContextShown(dock, search);
    await changeAndExpect(page, dock, inbox, 'hash', 'idle');
  });

  test('Outlook: a message opened with pushState, then closed', async ({ page, extensionContext }) => {
    const [inbox, message] = ['outlook/inbox-2026-11-22', 'outlook/reading-pane-2026-11-22'].map(fixturePage) as [FixturePage, FixturePage];
    await open(page, extensionContext, inbox);
    const dock = new DockPage(page, 'outlook');
    await expect(dock.panel.getByTestId('idle')).toBeVisible();

    await changeAndExpect(page, dock, message, 'history', titleOf(message));
    await expectContextShown(dock, message);
    await changeAndExpect(page, dock, inbox, 'history', 'idle');
  });

  test('Calendar: the event dialog opened, closed and opened again', async ({ page, extensionContext }) => {
    const [grid, dialog] = ['google-calendar/grid-2026-11-22', 'google-calendar/event-dialog-2026-11-22'].map(fixturePage) as [FixturePage, FixturePage];
    await open(page, extensionContext, grid);
    const dock = new DockPage(page, 'google-calendar');
    await expect(dock.panel.getByTestId('idle')).toBeVisible();

    await changeAndExpect(page, dock, dialog, 'render-only', titleOf(dialog));
    await expectContextShown(dock, dialog);
    await changeAndExpect(page, dock, grid, 'render-only', 'idle');
    await changeAndExpect(page, dock, dialog, 'render-only', titleOf(dialog));
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
