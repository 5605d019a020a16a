import type { SidecarDb } from '../store/db';
import { invalidateRecognition } from '../store/recognition-cache';

/**
 * What the background does when the browser reports the extension installed
 * or updated (`runtime.onInstalled`).
 *
 * The store's recognition cache keeps keys derived by code (the public
 * suffix list, the free-mail list, name folding: lib/recognition/row-keys.ts).
 * A new release may derive them differently, so an update drops the cache
 * and the next read derives every key again with the new code. A browser
 * update or a first install changes nothing Sidecar derived.
 */
export async function afterExtensionInstalled(details: { reason: string }, store: () => SidecarDb): Promise<void> {
  if (details.reason !== 'update') return;
  const db = store();
  await db.transaction('rw', db.meta, () => invalidateRecognition(db));
}
