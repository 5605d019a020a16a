import { browser } from 'wxt/browser';
import { z } from 'zod/mini';

/**
 * A value that changes after every write to the local store. Open panels
 * watch it (`storage.onChanged`) and read again, so a record saved by one
 * panel, by another tab's panel or by the sync shows everywhere at once
 * without polling. Writers outside the message handlers (the sync) call
 * `announceStoreChange` after they commit.
 *
 * It is written twice. `storage.session` is where Chrome's pages see it.
 * Firefox gives an extension page framed in a web page (the panel) no
 * `storage.session`, and such a frame did not receive runtime messages
 * either (probed with Firefox ESR 153: its `runtime.onMessage` heard neither
 * a broadcast of the background nor another page's message), but it does
 * see `storage.local` and its `onChanged` (tests/firefox/context.firefox.test.ts
 * shows a panel refreshing through it): so the version goes there
 * too. One small write per store write (the sync: once per run).
 */
export const STORE_VERSION_KEY = 'store-version';

/** A version as it must look when read back: pages check it like any value crossing from storage. */
export const StoreVersion = z.guid();

export async function announceStoreChange(): Promise<void> {
  const version = crypto.randomUUID();
  await Promise.all([browser.storage.session.set({ [STORE_VERSION_KEY]: version }), browser.storage.local.set({ [STORE_VERSION_KEY]: version })]);
}
