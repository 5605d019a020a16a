import { currentSenderEnvironment } from '../messaging/environment';
import { createMessageListener } from '../messaging/router';
import { sendToTab } from '../messaging/send';

/**
 * The background's answers to the protocol. Each handler trusts only what the
 * router checked: the message shape and the browser-reported sender.
 */
export function createBackgroundListener() {
  const { listener } = createMessageListener(
    'background',
    {
      // The panel frame lives inside the tab whose dock it controls, so the
      // tab comes from the sender, never from the message.
      'panel.set-open': async ({ open }, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('panel.set-open needs a tab');
        return sendToTab(tabId, { type: 'dock.set-open', open });
      },
    },
    currentSenderEnvironment(),
  );
  return listener;
}
