import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { backgroundWorker, expect, launchWithExtension, test } from './support/extension';
import { HOST_SHELLS, serveHostPages, shellPages } from './support/host-pages';
import { askFromPanel, panelFrame, storeContents } from './support/panel-store';

const GMAIL = HOST_SHELLS.gmail.url;

base('a record written from the panel survives a service-worker stop and a browser restart', async () => {
  base.setTimeout(30_000);
  // This test restarts the browser, so it owns its profile rather than
  // sharing the worker's browser. Headless: a new window on the shared X
  // display would take the keyboard focus the shortcut tests rely on.
  const profile = await mkdtemp(join(tmpdir(), 'sidecar-restart-'));
  const account = { id: crypto.randomUUID(), name: 'Acme Corp', arr: 120000 };
  try {
    let context = await launchWithExtension(profile, { headless: true });
    await serveHostPages(context, shellPages());
    let page = await context.newPage();
    await page.goto(GMAIL);
    let panel = await panelFrame(page, 'gmail');
    expect(await askFromPanel(panel, { type: 'store.put', kind: 'accounts', record: account })).toMatchObject({ ok: true, value: { id: account.id } });

    // Stop the service worker, as the browser does when it is idle, and
    // wait until Chromium reports it stopped.
    const worker = await backgroundWorker(context);
    const cdp = await context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL === worker.url() && v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    // The next message wakes a fresh worker, which reads the store from disk.
    expect(await askFromPanel(panel, { type: 'store.get', kind: 'accounts', id: account.id })).toMatchObject({ ok: true, value: account });

    await context.close();
    context = await launchWithExtension(profile, { headless: true });
    await serveHostPages(context, shellPages());
    page = await context.newPage();
    await page.goto(GMAIL);
    panel = await panelFrame(page, 'gmail');
    expect(await askFromPanel(panel, { type: 'store.get', kind: 'accounts', id: account.id })).toMatchObject({ ok: true, value: account });
    const contents = await storeContents(panel);
    expect(contents.outbox).toMatchObject([{ record_kind: 'accounts', record_id: account.id, op: 'upsert', state: 'pending' }]);
    await context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test.describe("the host page's own scripts", () => {
  test.beforeEach(async ({ extensionContext }) => {
    await serveHostPages(extensionContext, shellPages());
  });

  test('cannot write to the store, by runtime messages or by window messages', async ({ page, extensionId }) => {
    await page.goto(GMAIL);
    const panel = await panelFrame(page, 'gmail');
    const before = await storeContents(panel);
    const forged = { type: 'store.put', kind: 'accounts', record: { id: crypto.randomUUID(), name: 'Planted by the page' } };

    // page.evaluate runs in the host page's main world, where the host's scripts run.
    const attempts = await page.evaluate(
      async ({ message, id }) => {
        const tried: string[] = [];
        const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
        if (runtime?.sendMessage) {
          try {
            await runtime.sendMessage(id, message);
            tried.push('runtime.sendMessage answered');
          } catch (error) {
            tried.push(`runtime.sendMessage refused: ${String(error).slice(0, 80)}`);
          }
        } else {
          tried.push('no runtime.sendMessage in the page');
        }
        window.postMessage(message, '*');
        window.postMessage({ sidecar: true, ...message }, '*');
        const frame = document.querySelector<HTMLIFrameElement>('iframe[data-sidecar-panel="gmail"]');
        frame?.contentWindow?.postMessage(message, '*');
        frame?.contentWindow?.postMessage({ type: 'panel.get-context' }, '*');
        tried.push('posted window messages');
        await new Promise((resolve) => setTimeout(resolve, 300));
        return tried;
      },
      { message: forged, id: extensionId },
    );
    expect(attempts).toContain('posted window messages');
    expect(attempts.some((a) => a === 'runtime.sendMessage answered')).toBe(false);

    const after = await storeContents(panel);
    expect(after).toEqual(before);
    expect(after.records.accounts?.some((a) => a.id === forged.record.id)).toBe(false);
    // The same message from the panel does write: the refusal above is about the sender.
    expect(await askFromPanel(panel, forged)).toMatchObject({ ok: true });
  });
});
