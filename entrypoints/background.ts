// First: configures zod before any schema is built (see the module).
import '@/lib/zod-jitless';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleCommand } from '@/lib/background/dock-commands';
import { afterExtensionInstalled } from '@/lib/background/extension-update';
import { serveDashboardStream } from '@/lib/background/dashboard-stream';
import { createBackgroundListener } from '@/lib/background/message-handlers';
import { startSyncAlarms } from '@/lib/background/sync-runner';
import { answerWorkspaceRead, routeOnlyWorkspaceReads, type ReadRequestEvent, type RoutableInstallEvent } from '@/lib/background/workspace-proxy';
import { forgetTab } from '@/lib/background/tab-contexts';
import { currentSenderEnvironment } from '@/lib/messaging/environment';
import { backgroundStore } from '@/lib/store/db';

/**
 * The service worker (an event page in Firefox). The browser may stop it at
 * any moment, so listeners are registered synchronously at start and every
 * handler reads what it needs from storage rather than from memory.
 */
export default defineBackground(() => {
  browser.runtime.onMessage.addListener(createBackgroundListener());
  // The dashboard's data comes over a port, page by page (lib/dashboard-data/stream-messages.ts).
  browser.runtime.onConnect.addListener((port) => void serveDashboardStream(port, backgroundStore, currentSenderEnvironment()));
  // Chromium: the dashboard page reads the workspace's pages through this worker
  // (lib/background/workspace-proxy.ts). Firefox's background is no worker and gets no such events.
  const WorkerScope = (globalThis as { ServiceWorkerGlobalScope?: abstract new () => unknown }).ServiceWorkerGlobalScope;
  if (WorkerScope && globalThis instanceof WorkerScope) {
    const base = browser.runtime.getURL('/');
    self.addEventListener('install', (event) => routeOnlyWorkspaceReads(event as unknown as RoutableInstallEvent));
    self.addEventListener('fetch', (event) => void answerWorkspaceRead(event as unknown as ReadRequestEvent, base));
  }
  browser.commands.onCommand.addListener((command) => void handleCommand(command));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onInstalled.addListener((details) => void afterExtensionInstalled(details, backgroundStore));
  startSyncAlarms();
});
