import { browser } from 'wxt/browser';
import { AdminAnswer, type AdminMessage, type AdminMessageType, type AdminResult } from '../messaging/admin-messages';
import { adminValues, type AdminValues } from './admin-values';

type AdminMessageOf<T extends AdminMessageType> = Extract<AdminMessage, { type: T }>;

/**
 * Sends an admin message from the admin page to the background and checks
 * the whole answer: the envelope, then the value against its schema. A
 * missing or misshapen answer becomes an `unreachable` error with a sentence,
 * so the page always has something to show.
 */
export async function askAdmin<T extends AdminMessageType>(message: AdminMessageOf<T>): Promise<AdminResult<AdminValues[T]>> {
  const type = (message as { type: T }).type;
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(message);
  } catch {
    return unreachable('Sidecar’s background did not answer. Reload the page and try again.');
  }
  const answer = AdminAnswer.safeParse(raw);
  if (!answer.success) return unreachable('Sidecar’s background gave no usable answer. Reload the page and try again.');
  if (!answer.data.ok) return answer.data;
  const value = adminValues[type].safeParse(answer.data.value);
  if (!value.success) return unreachable(`The answer to ${type} was not in the expected shape. Reload the page and try again.`);
  return { ok: true, value: value.data as AdminValues[T] };
}

function unreachable(message: string) {
  return { ok: false as const, error: { code: 'unreachable' as const, message, field: null, server_code: null } };
}
