import { browser } from 'wxt/browser';
import type { SenderEnvironment } from './sender';

/** This extension's identity, as the sender checks need it. */
export function currentSenderEnvironment(): SenderEnvironment {
  return { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
}
