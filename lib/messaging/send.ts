import { browser } from 'wxt/browser';
import { coreResponses, type CoreMessageType, type MessageOf, type ResponseOf } from './messages';

/**
 * Typed senders of the core messages (data messages: ask-store.ts). Answers are validated too: a context that was updated or
 * reloaded mid-flight may answer in an older shape, and that must surface as
 * a clear error rather than as a wrongly typed value.
 */
export async function sendToBackground<T extends CoreMessageType>(message: MessageOf<T>): Promise<ResponseOf<T>> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  return parseAnswer((message as { type: T }).type, answer);
}

export async function sendToTab<T extends CoreMessageType>(
  tabId: number,
  message: MessageOf<T>,
): Promise<ResponseOf<T>> {
  // frameId 0: only the top frame's content script docks the panel.
  const answer: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  return parseAnswer((message as { type: T }).type, answer);
}

function parseAnswer<T extends CoreMessageType>(type: T, answer: unknown): ResponseOf<T> {
  const parsed = coreResponses[type].safeParse(answer);
  if (!parsed.success) throw new Error(`No valid answer to ${type}`);
  return parsed.data as ResponseOf<T>;
}
