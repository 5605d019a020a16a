import type { Browser } from 'wxt/browser';
import { hostIdForUrl } from '../hosts/supported-hosts';

/**
 * Who sent a message, decided only from the fields the browser fills in
 * (`id`, `url`, `tab`, `frameId`), never from anything inside the message.
 *
 * - `extension`: one of Sidecar's own pages or its background (the panel
 *   frame, popup, dashboard, options, service worker).
 * - `host-content-script`: Sidecar's content script in the top frame of a tab
 *   on a supported host.
 * - `untrusted`: anything else. Dropped.
 */
export type SenderKind = 'extension' | 'host-content-script' | 'untrusted';

export interface SenderEnvironment {
  /** `browser.runtime.id` of this extension. */
  extensionId: string;
  /** `browser.runtime.getURL('/')`: the extension's own origin with a trailing slash. */
  extensionOrigin: string;
}

export function classifySender(sender: Browser.runtime.MessageSender, env: SenderEnvironment): SenderKind {
  if (sender.id !== env.extensionId) return 'untrusted';
  const url = sender.url ?? '';
  if (url.startsWith(env.extensionOrigin)) return 'extension';
  if (sender.tab && sender.frameId === 0 && hostIdForUrl(url) !== undefined) return 'host-content-script';
  return 'untrusted';
}
