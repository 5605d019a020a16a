import { browser } from 'wxt/browser';

/**
 * A value in `storage.session` that changes after every write to the local
 * store. Open panels watch it (`storage.onChanged`) and read again, so a
 * record saved by one panel, by another tab's panel or by the sync shows
 * everywhere at once without polling. Writers outside the message handlers
 * (the sync) call `announceStoreChange` after they commit.
 */
export const STORE_VERSION_KEY = 'store-version';

export async function announceStoreChange(): Promise<void> {
  await browser.storage.session.set({ [STORE_VERSION_KEY]: crypto.randomUUID() });
}
