import { buildSync } from 'esbuild';
import type { Frame, Page } from '@playwright/test';
import type { HostId } from '../../../lib/hosts/supported-hosts';
import type { PanelExpectation } from './panel-expectation';

export type { PanelExpectation } from './panel-expectation';

/** The name under which the bundle below puts `expectationOfPage` in the host page. */
export const EXPECTATION_GLOBAL = '__sidecarExpectedPanel';

let bundle: string | undefined;

/**
 * The adapters as one script for the host page's main world, built once per
 * worker from the same source the content scripts are built from. A test
 * uses it to learn what the content script reads from the page as it is now,
 * so it can wait for exactly that panel state instead of sleeping.
 */
function adapterBundle(): string {
  bundle ??= buildSync({
    stdin: {
      contents: `import { expectationOfPage } from './panel-expectation'; globalThis.${EXPECTATION_GLOBAL} = expectationOfPage;`,
      resolveDir: import.meta.dirname,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return bundle;
}

/** Puts the adapters in the page (again after every full navigation). DevTools evaluation is not bound by the page's CSP. */
export async function installAdapters(page: Page): Promise<void> {
  await page.evaluate(adapterBundle());
}

/** What the panel must show for the page as it is now (`installAdapters` first). */
export async function expectedPanel(page: Page, host: HostId): Promise<PanelExpectation> {
  return page.evaluate(
    ({ host, name }) => (window as unknown as Record<string, (host: string) => PanelExpectation>)[name]!(host),
    { host, name: EXPECTATION_GLOBAL },
  );
}

/** Waits, without sleeping, until the panel frame shows `expected`; throws with what it shows instead. */
export async function waitForPanel(frame: Frame, expected: PanelExpectation, timeout: number): Promise<void> {
  try {
    await frame.waitForFunction(panelShows, expected, { timeout, polling: 'raf' });
  } catch {
    const shown = await frame.evaluate(describePanel).catch((error: Error) => `(panel unreadable: ${error.message})`);
    throw new Error(`the panel should show ${JSON.stringify(expected)} but shows ${shown}`);
  }
}

/** Runs in the panel frame. */
function panelShows(expected: PanelExpectation): boolean {
  if (expected.state === 'idle') return document.querySelector('[data-testid="idle"]') !== null;
  if (expected.state === 'cannot-read') return document.querySelector('[data-testid="cannot-read"]')?.textContent === 'Sidecar cannot read this view.';
  const article = document.querySelector('[data-testid="context"]');
  if (article?.querySelector('h2')?.textContent !== expected.heading) return false;
  const shown = [...new Set([...article.querySelectorAll('[data-participant]')].map((row) => row.getAttribute('data-participant')))].sort();
  return JSON.stringify(shown) === JSON.stringify(expected.emails);
}

/** Runs in the panel frame: a short account of what is on screen, for the failure message. */
function describePanel(): string {
  const main = document.querySelector('main');
  const testIds = [...(main?.querySelectorAll('[data-testid]') ?? [])].map((el) => el.getAttribute('data-testid'));
  const rows = [...(main?.querySelectorAll('[data-participant]') ?? [])].map((el) => el.getAttribute('data-participant'));
  return JSON.stringify({ testIds, heading: main?.querySelector('h2')?.textContent, rows, text: main?.textContent?.slice(0, 160) });
}
