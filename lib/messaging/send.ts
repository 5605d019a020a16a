import { browser } from 'wxt/browser';
import { responses, type MessageOf, type MessageType, type ResponseOf } from './messages';

/**
 * Typed senders. Answers are validated too: a context that was updated or
 * reloaded mid-flight may answer in an older shape, and that must surface as
 * a clear error rather than as a wrongly typed value.
 */
export async function sendToBackground<T extends MessageType>(message: MessageOf<T>): Promise<ResponseOf<T>> {
  const answer: unknown = await browser.runtime.sendMessage(message);
  return parseAnswer(message.type, answer);
}

export async function sendToTab<T extends MessageType>(
  tabId: number,
  message: MessageOf<T>,
): Promise<ResponseOf<T>> {
  // frameId 0: only the top frame's content script docks the panel.
  const answer: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  return parseAnswer(message.type, answer);
}

function parseAnswer<T extends MessageType>(type: T, answer: unknown): ResponseOf<T> {
  const parsed = responses[type].safeParse(answer);
  if (!parsed.success) throw new Error(`No valid answer to ${type}`);
  return parsed.data as ResponseOf<T>;
}
