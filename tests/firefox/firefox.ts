import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { STRICT_CSP } from '../browser/support/host-pages';

export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv3');
const FIREFOX = process.env.SIDECAR_FIREFOX ?? '/usr/bin/firefox-esr';
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi by
 * puppeteer-core (Playwright needs its own patched Firefox, which cannot be
 * downloaded here). The Firefox build is installed as a temporary add-on.
 */
export async function launchFirefoxWithExtension(): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Keep Firefox off the network: this machine refuses outside traffic.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return browser;
}

/**
 * One Firefox with the extension for the calling test file: launched before
 * its tests, closed after them. Call at the top of the file.
 */
export function firefoxForThisFile(): { newPage(): Promise<Page> } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchFirefoxWithExtension();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    newPage: () => {
      if (!browser) throw new Error('Firefox has not started: firefoxForThisFile() must be called at the top of the test file');
      return browser.newPage();
    },
  };
}

/**
 * Serves fixture files at the hosts' real addresses with the strict CSP, by
 * request interception; everything else is refused.
 */
export async function serveFixtures(page: Page, pages: Record<string, string>): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    void (async () => {
      const url = new URL(request.url());
      if (url.pathname === '/__fixture__/host.css') {
        return request.respond({ status: 200, contentType: 'text/css', body: await readFile(resolve(FIXTURES, 'shells/host.css'), 'utf8') });
      }
      const file = pages[`${url.origin}${url.pathname}${url.search}`];
      if (!file) return request.respond({ status: 404, contentType: 'text/plain', body: 'not in the fixtures' });
      return request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': STRICT_CSP },
        body: await readFile(resolve(FIXTURES, file), 'utf8'),
      });
    })().catch(() => request.abort().catch(() => undefined));
  });
}
