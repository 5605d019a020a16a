import { readFileSync } from 'node:fs';
import { DockPage } from './support/dock';
import { expect, test } from './support/extension';
import { allFixturePages, routeFor } from './support/host-fixture-pages';
import { serveHostPages } from './support/host-pages';
import { panelFrame, storeContents } from './support/panel-store';

/**
 * Email bodies are never read, stored or sent. Every host fixture hides a
 * marker (`SIDECAR-BODY-MARKER-…`) in its message bodies, compose editor or
 * event description. After Sidecar has read every fixture, the marker must
 * be in no request, no extension storage, no store record and no log.
 */
const MARKER = 'SIDECAR-BODY-MARKER';

test('no message body reaches a request, storage or a log', async ({ page, extensionContext, background }) => {
  test.setTimeout(60_000);
  const fixtures = allFixturePages();
  // The premise: every page Sidecar reads here has a body with the marker.
  for (const fixture of fixtures) expect(readFileSync(fixture.fixture.htmlPath, 'utf8'), fixture.fixture.name).toContain(MARKER);
  await serveHostPages(extensionContext, Object.assign({}, ...fixtures.map(routeFor)));

  const seen: string[] = [];
  const watch = (where: string, text: string | null | undefined) => {
    if (text?.includes(MARKER)) seen.push(`${where}: ${text.slice(0, 200)}`);
  };
  extensionContext.on('request', (request) => {
    // The fixture pages themselves carry the marker; what matters is what is sent.
    watch(`request ${request.method()} ${request.url()}`, `${request.url()} ${request.postData() ?? ''}`);
  });
  page.on('console', (message) => watch('page console', message.text()));
  background.on('console', (message) => watch('background console', message.text()));

  for (const fixture of fixtures) {
    await page.goto(fixture.golden.url);
    const dock = new DockPage(page, fixture.fixture.host);
    await expect(dock.frameElement).toBeVisible();
    // Let the watcher read and report before moving on.
    await expect(dock.panel.locator('[data-testid="context"], [data-testid="idle"], [data-testid="cannot-read"]').first()).toBeVisible();
  }

  const storage = await background.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]));
  watch('extension storage', storage);
  const panel = await panelFrame(page, fixtures.at(-1)!.fixture.host);
  watch('local store', JSON.stringify(await storeContents(panel)));

  expect(seen).toEqual([]);
  // The test sees what it claims to: the contexts it read were stored.
  expect(storage).toContain('tab-context:');
});
