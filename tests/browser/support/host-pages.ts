import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import type { HostId } from '../../../lib/hosts/supported-hosts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

/**
 * The Content-Security-Policy the host fixtures are served with: as strict as
 * what Gmail and Outlook send (no inline script, frames only from self,
 * Trusted Types required). The dock must work under it, because extension
 * frames and content scripts are not governed by the page's policy.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "require-trusted-types-for 'script'",
].join('; ');

/** One address per host, served from a saved page. */
export const HOST_SHELLS: Record<HostId, { url: string; file: string; primaryAction: string }> = {
  gmail: { url: 'https://mail.google.com/mail/u/0/#inbox', file: 'shells/gmail.html', primaryAction: 'Compose' },
  outlook: { url: 'https://outlook.office.com/mail/', file: 'shells/outlook.html', primaryAction: 'New mail' },
  'google-calendar': {
    url: 'https://calendar.google.com/calendar/u/0/r/week',
    file: 'shells/google-calendar.html',
    primaryAction: 'Create',
  },
};

const ORIGINS = ['https://mail.google.com', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.live.com', 'https://calendar.google.com'];

/**
 * Serves fixtures at the hosts' real addresses so the content scripts' real
 * match patterns run. `pages` maps a full URL (without hash) to a fixture
 * file; `/__fixture__/host.css` is shared. Everything else is refused, so a
 * test never reaches the network.
 */
export async function serveHostPages(context: BrowserContext, pages: Record<string, string>): Promise<void> {
  // Registered first, so the host routes below take precedence: images and
  // icons the saved pages point at elsewhere fail at once instead of waiting
  // on a network this machine does not have.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  for (const origin of ORIGINS) {
    await context.route(`${origin}/**`, async (route) => {
      const url = new URL(route.request().url());
      const stylesheet = /^\/__fixture__\/([a-z-]+\.css)$/.exec(url.pathname)?.[1];
      if (stylesheet) return route.fulfill({ path: resolve(FIXTURES, 'shells', stylesheet), contentType: 'text/css' });
      const file = pages[`${url.origin}${url.pathname}${url.search}`];
      if (!file) return route.fulfill({ status: 404, body: 'not in the fixtures' });
      return route.fulfill({
        path: resolve(FIXTURES, file),
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': STRICT_CSP },
      });
    });
  }
}

export function shellPages(): Record<string, string> {
  const pages: Record<string, string> = {};
  for (const shell of Object.values(HOST_SHELLS)) {
    const url = new URL(shell.url);
    pages[`${url.origin}${url.pathname}${url.search}`] = shell.file;
  }
  return pages;
}
