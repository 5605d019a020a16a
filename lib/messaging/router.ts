import type { Browser } from 'wxt/browser';
import { coreProtocol, receivers, type MessageOf, type MessageType, type Protocol, type Receiver, type ResponseOf } from './messages';
import { allowedSenders } from './routes';
import { classifySender, type SenderEnvironment, type SenderKind } from './sender';

/** A handler gets a validated message and the sender the browser reported. */
export type Handler<T extends MessageType> = (
  message: MessageOf<T>,
  sender: Browser.runtime.MessageSender,
) => Promise<ResponseOf<T>> | ResponseOf<T>;

export type Handlers<R extends Receiver> = {
  [T in MessageType as (typeof receivers)[T] extends R ? T : never]: Handler<T>;
};

/** Why a message was dropped; counted so tests and diagnostics can see it. */
export type DropReason = 'invalid' | 'wrong-receiver' | 'wrong-sender' | 'handler-failed';

export interface RouterStats {
  handled: number;
  dropped: Record<DropReason, number>;
}

type RawListener = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (response: unknown) => void,
) => boolean;

/**
 * Builds a `runtime.onMessage` listener for one receiver. It validates each
 * message against the protocol, checks the sender against the route table,
 * calls the handler and validates its answer. Anything that fails is dropped
 * and counted, never thrown: a hostile or stale sender gets no answer and
 * causes no effect.
 *
 * Uses the `sendResponse` + `return true` form because it works the same in
 * Chrome, Firefox and WXT's fake browser.
 *
 * `protocol`: the messages this receiver can parse. Content scripts know the
 * core messages only; the background passes `fullProtocol`.
 */
export function createMessageListener<R extends Receiver>(
  receiver: R,
  handlers: Handlers<R>,
  env: SenderEnvironment,
  stats: RouterStats = createRouterStats(),
  protocol: Protocol = coreProtocol,
): { listener: RawListener; stats: RouterStats } {
  const drop = (reason: DropReason) => {
    stats.dropped[reason] += 1;
    return false;
  };

  const listener: RawListener = (raw, sender, sendResponse) => {
    const parsed = protocol.message.safeParse(raw);
    if (!parsed.success) return drop('invalid');
    const message = parsed.data;
    if (receivers[message.type] !== receiver) return drop('wrong-receiver');
    const kind: SenderKind = classifySender(sender, env);
    if (!allowedSenders[message.type].includes(kind)) return drop('wrong-sender');

    const handler = (handlers as unknown as Record<string, Handler<MessageType> | undefined>)[message.type];
    const answerSchema = protocol.responses[message.type];
    if (!handler || !answerSchema) return drop('wrong-receiver');

    Promise.resolve()
      .then(() => handler(message as never, sender))
      .then((answer) => {
        const checked = answerSchema.safeParse(answer);
        if (!checked.success) throw new Error(`answer to ${message.type} does not match its schema`);
        stats.handled += 1;
        sendResponse(checked.data);
      })
      .catch(() => {
        stats.dropped['handler-failed'] += 1;
        sendResponse(undefined);
      });
    return true;
  };

  return { listener, stats };
}

export function createRouterStats(): RouterStats {
  return { handled: 0, dropped: { invalid: 0, 'wrong-receiver': 0, 'wrong-sender': 0, 'handler-failed': 0 } };
}
