import { browser } from 'wxt/browser';
import type { MessageOf, ResponseOf } from './messages';
import { StoreAnswer, type DataMessageType } from './store-messages';

/**
 * Sends a data message from one of Sidecar's pages (panel, popup, dashboard,
 * options) to the background's store. The answer is a value or a typed
 * error; anything else (a background mid-update, no answer) throws.
 */
export async function askStore<T extends DataMessageType>(message: MessageOf<T>): Promise<ResponseOf<T>> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  const parsed = StoreAnswer.safeParse(answer);
  if (!parsed.success) throw new Error(`No valid answer to ${(message as { type: T }).type}`);
  return parsed.data as ResponseOf<T>;
}
