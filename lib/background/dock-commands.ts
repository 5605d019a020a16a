import { browser } from 'wxt/browser';
import { TOGGLE_PANEL_COMMAND } from '../dock/shortcut';
import { sendToTab } from '../messaging/send';

/**
 * The keyboard shortcut (commands API) toggles the panel of the active tab.
 * A tab that is not a supported host has no content script to answer, and
 * that is not an error worth reporting.
 */
export async function handleCommand(command: string): Promise<void> {
  if (command !== TOGGLE_PANEL_COMMAND) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await sendToTab(tab.id, { type: 'dock.toggle' }).catch(() => undefined);
}
