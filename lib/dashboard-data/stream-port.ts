import { browser, type Browser } from 'wxt/browser';
import type { StreamRequest } from './stream-messages';

/** The port's name (stream-messages.ts says what travels on it). */
export const DASHBOARD_STREAM_PORT = 'dashboard.stream';

/** A stream asked for, its messages held until the page's decoder takes them. */
export interface OpenedStream {
  /** Gives the messages received so far, then each later one, and the port closing; once. */
  attach(onMessage: (message: unknown) => void, onDisconnect: () => void): void;
  post(request: StreamRequest): void;
  close(): void;
}

export type Connect = (info: { name: string }) => Browser.runtime.Port;

/**
 * Opens the dashboard stream and asks for the data at once. Kept apart from
 * the decoder (and free of the schemas) so the page can ask before the rest
 * of its script has loaded: the background reads the workspace while the
 * page gets ready (entrypoints/dashboard/main.tsx). Messages are only held
 * here; they are checked when attached (stream-client.ts).
 */
export function openDashboardStream(connect: Connect = (info) => browser.runtime.connect(info)): OpenedStream {
  const port = connect({ name: DASHBOARD_STREAM_PORT });
  let held: unknown[] = [];
  let closed = false;
  let attached: { onMessage: (message: unknown) => void; onDisconnect: () => void } | null = null;
  port.onMessage.addListener((message: unknown) => (attached ? attached.onMessage(message) : held.push(message)));
  port.onDisconnect.addListener(() => (attached ? attached.onDisconnect() : (closed = true)));
  port.postMessage({ type: 'start', direct: canReadDirect() } satisfies StreamRequest);
  return {
    attach(onMessage, onDisconnect) {
      if (attached) throw new Error('This stream is already being read.');
      attached = { onMessage, onDisconnect };
      const earlier = held;
      held = [];
      earlier.forEach((message) => onMessage(message));
      if (closed) onDisconnect();
    },
    post: (request) => port.postMessage(request),
    close: () => port.disconnect(),
  };
}

/**
 * Whether this page can read the workspace's pages itself (stream-messages.ts
 * `direct`): its requests go through Sidecar's service worker (Chromium).
 * Firefox's background is an event page, not a worker, and a page the worker
 * does not control reads over the port.
 */
export function canReadDirect(): boolean {
  return Boolean(globalThis.navigator?.serviceWorker?.controller);
}
