import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountDock } from '../dock/dock';
import type { HostId } from '../hosts/supported-hosts';
import { currentSenderEnvironment } from '../messaging/environment';
import { createMessageListener } from '../messaging/router';

/**
 * What every host's content script does: dock the panel and obey the
 * background's dock commands. Everything is bound to `ctx`, so an extension
 * update or reload leaves nothing behind in the host page.
 *
 * Errors are caught here and never reach the host page's console as
 * uncaught exceptions: a broken Sidecar must not look like a broken Gmail.
 */
export async function startContentScript(ctx: ContentScriptContext, host: HostId): Promise<void> {
  try {
    const dock = await mountDock(ctx, host);
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
  } catch (error) {
    console.debug('[Sidecar] could not start on this page', error instanceof Error ? error.message : error);
  }
}
