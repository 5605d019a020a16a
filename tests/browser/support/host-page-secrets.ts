import type { BrowserContext, Frame, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { backgroundWorker } from './extension';
import { storeContents } from './panel-store';

/** A JSON Web Token: what a Supabase access token looks like. */
const JWT = /eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;

/** The session's secrets as the background keeps them in `storage.local`: every JWT and refresh token in it. */
export async function sessionSecrets(context: BrowserContext): Promise<string[]> {
  const worker = await backgroundWorker(context);
  const dump = JSON.stringify(await worker.evaluate(() => chrome.storage.local.get(null)));
  const refresh = [...dump.matchAll(/refresh_token\\*"\s*:\s*\\*"([^"\\]+)/g)].map((m) => m[1]!);
  return [...new Set([...(dump.match(JWT) ?? []), ...refresh])];
}

/** Everything a script of the host page can read: its storages, cookies and every IndexedDB record. */
export async function whatTheHostPageCanRead(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const databases: Record<string, unknown> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        databases[`${info.name}/${store}`] = await new Promise((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
      }
      db.close();
    }
    return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie, databases });
  });
}

/**
 * What a hostile host page script tries: the protocol's own messages posted
 * at the panel frame, and `chrome.runtime.sendMessage` with Sidecar's id.
 * Answers what the page got back (nothing, when all is well).
 */
export async function hostPageAttacks(page: Page, extensionId: string): Promise<unknown[]> {
  return page.evaluate(async (id) => {
    const got: unknown[] = [];
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-sidecar-panel]');
    const messages = [
      { type: 'auth.sign-out', confirm: true },
      { type: 'sync.discard-failed', entry_id: 'x' },
      { type: 'store.import', document: {} },
      { type: 'panel.set-open', open: false },
      { type: 'sync.state' },
      { type: 'store.export' },
    ];
    window.addEventListener('message', (event) => {
      if (event.source === frame?.contentWindow) got.push({ postMessageReply: event.data });
    });
    for (const message of messages) frame?.contentWindow?.postMessage(message, '*');
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome?.runtime;
    for (const message of messages) {
      try {
        const answer = await Promise.race([
          new Promise((resolve) => runtime?.sendMessage?.(id, message, resolve) ?? resolve(undefined)),
          new Promise((resolve) => setTimeout(() => resolve(undefined), 300)),
        ]);
        if (answer !== undefined) got.push({ runtimeAnswer: answer });
      } catch {
        // No channel from a web page to Sidecar: the call throws, which is the point.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return got;
  }, extensionId);
}

/**
 * Tokens live only in extension storage, and the host page can neither read
 * them nor ask for anything: its storages, cookies and IndexedDB hold no
 * token, the panel page's own web storage holds none either, and messages
 * it aims at the panel frame or the extension change nothing.
 */
export async function expectSessionOutOfHostReach(context: BrowserContext, page: Page, panel: Frame, extensionId: string): Promise<void> {
  const secrets = await sessionSecrets(context);
  expect(secrets.length, 'a signed-in session keeps its tokens in storage.local').toBeGreaterThan(0);

  const readable = [await whatTheHostPageCanRead(page), JSON.stringify(await context.cookies())];
  readable.push(
    await panel.evaluate(() => {
      try {
        return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } });
      } catch (error) {
        // Framed in another site's page, Chromium denies the panel web storage altogether.
        return `web storage unavailable: ${(error as Error).name}`;
      }
    }),
  );
  for (const text of readable) {
    for (const secret of secrets) expect(text.includes(secret)).toBe(false);
    expect(text.match(JWT)).toBeNull();
  }

  const before = await storeContents(panel);
  expect(await hostPageAttacks(page, extensionId)).toEqual([]);
  expect(await storeContents(panel)).toEqual(before);
  expect(await sessionSecrets(context)).toEqual(secrets);
}
