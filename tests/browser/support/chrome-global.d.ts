// `worker.evaluate` callbacks run in the extension's service worker, where
// Chromium's `chrome` namespace exists. Typed with WXT's browser types.
import type { Browser } from 'wxt/browser';

declare global {
  const chrome: Browser;
}
