import type { Browser } from 'wxt/browser';
import { hostIdForUrl } from '../hosts/supported-hosts';
import { currentSenderEnvironment } from '../messaging/environment';
import { fullProtocol } from '../messaging/full-protocol';
import { createMessageListener, type Handler, type Handlers, type RouterStats } from '../messaging/router';
import { sendToTab } from '../messaging/send';
import { backgroundStore, type SidecarDb } from '../store/db';
import { adminHandlers } from './admin-handlers';
import { dashboardHandlers } from './dashboard-handlers';
import { panelRecognitionHandlers } from './panel-recognition';
import { storeHandlers } from './store-handlers';
import { syncSoonAfterWrite } from './sync-runner';
import { workspaceHandlers } from './workspace-handlers';
import { readTabContext, saveTabContext } from './tab-contexts';

export interface BackgroundListenerOptions {
  /** Opens the local store; tests pass one on fake-indexeddb. */
  store?: () => SidecarDb;
  /** Counts handled and dropped messages; tests read it. */
  stats?: RouterStats;
  /** Called after each successful write from a page; the sync by default, nothing in tests that pass it. */
  afterWrite?: () => void;
}

/**
 * The background's answers to the protocol. Each handler trusts only what the
 * router checked: the message shape and the browser-reported sender.
 */
export function backgroundHandlers(options: BackgroundListenerOptions = {}): Handlers<'background'> {
  const core: { [T in 'panel.set-open' | 'host.context' | 'panel.get-context']: Handler<T> } = {
    // The panel frame lives inside the tab whose dock it controls, so the
    // tab comes from the sender, never from the message.
    'panel.set-open': async ({ open }, sender) => sendToTab(requireTab(sender), { type: 'dock.set-open', open }),

    'host.context': async ({ result, readAt }, sender) => {
      const tabId = requireTab(sender);
      // A content script speaks only for the host it runs on.
      const host = result.ok ? result.context.host : result.failure.host;
      if (hostIdForUrl(sender.url) !== host) return { accepted: false };
      return { accepted: await saveTabContext(tabId, { result, readAt }) };
    },

    'panel.get-context': async (_message, sender) => {
      const tabId = requireTab(sender);
      return { tabId, context: await readTabContext(tabId) };
    },
  };
  return {
    ...core,
    ...storeHandlers(options.store ?? backgroundStore, options.afterWrite ?? syncSoonAfterWrite),
    ...panelRecognitionHandlers(options.store ?? backgroundStore),
    ...workspaceHandlers(options.store ?? backgroundStore),
    ...adminHandlers(options.store ?? backgroundStore),
    ...dashboardHandlers(options.store ?? backgroundStore),
  };
}

/** The background's `runtime.onMessage` listener: the full protocol routed to `backgroundHandlers`. */
export function createBackgroundListener(options: BackgroundListenerOptions = {}) {
  const { listener } = createMessageListener('background', backgroundHandlers(options), currentSenderEnvironment(), options.stats, fullProtocol);
  return listener;
}

function requireTab(sender: Browser.runtime.MessageSender): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('this message must come from inside a tab');
  return tabId;
}
