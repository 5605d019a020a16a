import { DockPage } from './support/dock';
import { expect, test } from './support/extension';
import { serveHostPages } from './support/host-pages';

test('the panel takes the host page\'s dark theme, and the system\'s when the page has none', async ({ page, extensionContext }) => {
  await serveHostPages(extensionContext, {
    'https://mail.google.com/mail/u/0/': 'shells/gmail-dark.html',
    'https://mail.google.com/mail/u/1/': 'shells/gmail.html',
  });
  const panelRoot = () => new DockPage(page, 'gmail').panel.locator('html');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  await expect(panelRoot()).toHaveClass(/\bdark\b/);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('https://mail.google.com/mail/u/1/#inbox');
  await expect(panelRoot()).toHaveClass(/\bdark\b/);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(panelRoot()).not.toHaveClass(/\bdark\b/);
});
