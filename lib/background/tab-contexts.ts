import { browser } from 'wxt/browser';
import { TabContext } from '../messaging/messages';

/**
 * The context last read in each tab, kept in `storage.session`: it survives
 * the service worker being stopped, is gone when the browser closes, and is
 * not readable by content scripts (session storage is limited to trusted
 * extension contexts by default). Each panel reads its own tab's entry.
 */
export const TAB_CONTEXT_PREFIX = 'tab-context:';

export function tabContextKey(tabId: number): string {
  return `${TAB_CONTEXT_PREFIX}${tabId}`;
}

export async function saveTabContext(tabId: number, entry: TabContext): Promise<boolean> {
  const previous = await readTabContext(tabId);
  // Messages can arrive out of order; an older read never replaces a newer one.
  if (previous && previous.readAt > entry.readAt) return false;
  await browser.storage.session.set({ [tabContextKey(tabId)]: entry });
  return true;
}

export async function readTabContext(tabId: number): Promise<TabContext | null> {
  const key = tabContextKey(tabId);
  const stored = await browser.storage.session.get(key);
  return parseTabContext(stored[key]);
}

export function parseTabContext(value: unknown): TabContext | null {
  const parsed = TabContext.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabContextKey(tabId));
}
