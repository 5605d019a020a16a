import { backgroundWorker, expect, launchWithExtension } from './support/extension';
import { GOOGLE_EMAIL, signInOnOptionsPage, workspaceTest as test } from './support/workspace-server';

/**
 * In Chromium the dashboard page reads the workspace's pages itself, through
 * Sidecar's service worker (lib/background/workspace-proxy.ts): the worker
 * adds the session's token, the page never holds it, and nothing but
 * Sidecar's own pages can read through it.
 */
async function openBrowser(profile: string, workspaceOrigin: string) {
  const context = await launchWithExtension(profile, { headless: true });
  // A web page of another origin, to try the worker's path from outside.
  await context.route('https://web.example/**', (route) => route.fulfill({ body: '<!doctype html><title>web</title>', contentType: 'text/html' }));
  await context.route(`${workspaceOrigin}/**`, (route) => route.continue());
  const worker = await backgroundWorker(context);
  return { context, extensionId: new URL(worker.url()).host };
}

test('the dashboard reads the workspace through Sidecar’s worker; a web page cannot', async ({ server, profile }) => {
  test.setTimeout(60_000);
  const { context, extensionId } = await openBrowser(profile, server.double.url);
  try {
    const upstream: { url: string; authorization: string | null }[] = [];
    await context.route(`${server.double.url}/rest/v1/**`, (route) => {
      upstream.push({ url: route.request().url(), authorization: route.request().headers().authorization ?? null });
      return route.continue();
    });
    const options = await context.newPage();
    await signInOnOptionsPage(options, extensionId, server.double.url, server.double, GOOGLE_EMAIL);
    const page = await context.newPage();
    const pageAsked: { url: string; authorization: string | undefined }[] = [];
    page.on('request', (request) => void pageAsked.push({ url: request.url(), authorization: request.headers().authorization }));
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await expect(page.getByTestId('dashboard-organization')).toHaveText('Brightpath Software', { timeout: 15_000 });
    // The page asked its own origin's grant path for every table, with no token; it never asked the workspace itself.
    const viaWorker = pageAsked.filter(({ url }) => url.startsWith(`chrome-extension://${extensionId}/workspace-read/`));
    expect(viaWorker.some(({ url }) => url.includes('/rest/v1/dashboard_account_facts?'))).toBe(true);
    expect(viaWorker.some(({ url }) => url.includes('/rest/v1/organizations?'))).toBe(true);
    expect(viaWorker.filter(({ authorization }) => authorization !== undefined)).toEqual([]);
    expect(pageAsked.filter(({ url }) => url.startsWith(server.double.url))).toEqual([]);
    // The worker asked the workspace with the session's token.
    const facts = upstream.filter((request) => request.url.includes('/rest/v1/dashboard_account_facts?'));
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((request) => request.authorization?.startsWith('Bearer '))).toBe(true);

    // The grant the dashboard holds, tried from a web page: its requests never reach the worker.
    const grant = viaWorker[0]!.url.replace(/rest\/v1\/.*$/, '');
    const web = await context.newPage();
    await web.goto('https://web.example/');
    const fromWeb = await web.evaluate((url) => fetch(`${url}rest/v1/accounts?select=id`).then((r) => `answered ${r.status}`, () => 'refused'), grant);
    expect(fromWeb).toBe('refused');
    // From a Sidecar page the worker controls, a made-up grant is not one the worker gave.
    const madeUp = await page.evaluate(() => fetch('/workspace-read/33333333-3333-4333-8333-333333333333/rest/v1/accounts?select=id').then((r) => r.status));
    expect(madeUp).toBe(410);
  } finally {
    await context.close();
  }
});

test('a read that fails part-way shows its reason', async ({ server, profile }) => {
  test.setTimeout(60_000);
  const { context, extensionId } = await openBrowser(profile, server.double.url);
  try {
    const options = await context.newPage();
    await signInOnOptionsPage(options, extensionId, server.double.url, server.double, GOOGLE_EMAIL);
    // The facts come; one of the later tables cannot be reached.
    await context.route(`${server.double.url}/rest/v1/opportunity_stage_changes?**`, (route) => route.abort('connectionrefused'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
    await expect(page.getByTestId('dashboard-error')).toContainText('The workspace could not be reached', { timeout: 15_000 });
    // Read by the page itself, through the worker: the failure crossed the worker as its sentence.
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  } finally {
    await context.close();
  }
});
