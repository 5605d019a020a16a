import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';

export const CHROME_BUILD = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
const CHROMIUM = process.env.SIDECAR_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches Debian's Chromium with the built extension, headless, in a fresh
 * profile. The flags are those known to work on these machines (see
 * shared/platform-notes.md); the background-networking ones stop Chromium
 * from calling home, which this network refuses.
 */
/**
 * `headless`: forced for tests that need no window, so they never open one on
 * the shared X display while the shortcut tests hold its keyboard focus.
 */
export async function launchWithExtension(userDataDir: string, options: { headless?: boolean; args?: string[] } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? process.env.SIDECAR_HEADFUL !== '1',
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
}

export async function backgroundWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

interface WorkerFixtures {
  extensionContext: BrowserContext;
  extensionId: string;
}

interface TestFixtures {
  page: Page;
  background: Worker;
}

/**
 * One browser per worker (starting Chromium is the slow part); each test gets
 * a new page and a cleared `storage.local`, so tests stay independent.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  extensionContext: [
    async ({}, use) => {
      const profile = await mkdtemp(join(tmpdir(), 'sidecar-chromium-'));
      const context = await launchWithExtension(profile);
      await use(context);
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ extensionContext }, use) => {
      const worker = await backgroundWorker(extensionContext);
      await use(new URL(worker.url()).host);
    },
    { scope: 'worker' },
  ],
  background: async ({ extensionContext }, use) => {
    const worker = await backgroundWorker(extensionContext);
    await worker.evaluate(() => chrome.storage.local.clear());
    await use(worker);
  },
  page: async ({ extensionContext, background: _background }, use) => {
    const page = await extensionContext.newPage();
    await use(page);
    await extensionContext.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  },
});

export { expect } from '@playwright/test';
