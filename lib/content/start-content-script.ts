import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountDock } from '../dock/dock';
import type { HostAdapter } from '../hosts/host-adapter';
import { watchHostContext } from '../hosts/watcher';
import { currentSenderEnvironment } from '../messaging/environment';
import { createMessageListener } from '../messaging/router';
import { sendToBackground } from '../messaging/send';

/**
 * What every host's content script does: dock the panel, obey the
 * background's dock commands, and report what the page shows whenever it
 * changes. Everything is bound to `ctx`, so an extension update or reload
 * leaves nothing behind in the host page.
 *
 * Errors are caught here and never reach the host page's console as
 * uncaught exceptions: a broken Sidecar must not look like a broken Gmail.
 */
export async function startContentScript(ctx: ContentScriptContext, adapter: HostAdapter): Promise<void> {
  try {
    const dock = await mountDock(ctx, adapter.id);
    const { listener } = createMessageListener(
      'content-script',
      {
        'dock.toggle': async () => ({ open: await dock.toggle() }),
        'dock.set-open': async ({ open }) => ({ open: await dock.setOpen(open) }),
      },
      currentSenderEnvironment(),
    );
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

    watchHostContext({
      adapter,
      ctx,
      onContext: (result) => {
        // Only the headers the adapter read travel, never page HTML.
        void sendToBackground({ type: 'host.context', result, readAt: Date.now() }).catch(() => undefined);
      },
    });
  } catch (error) {
    console.debug('[Sidecar] could not start on this page', error instanceof Error ? error.message : error);
  }
}
