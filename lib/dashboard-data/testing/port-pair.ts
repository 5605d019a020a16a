import type { Browser } from 'wxt/browser';

type Listener<A extends unknown[]> = (...args: A) => void;

function event<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return {
    addListener: (l: Listener<A>) => void listeners.add(l),
    removeListener: (l: Listener<A>) => void listeners.delete(l),
    hasListener: (l: Listener<A>) => listeners.has(l),
    hasListeners: () => listeners.size > 0,
    fire: (...args: A) => listeners.forEach((l) => l(...args)),
  };
}

export interface FakePort extends Browser.runtime.Port {
  /** Every message this end posted, as the other end received it. */
  readonly posted: unknown[];
  readonly disconnected: boolean;
}

/**
 * Two ends of a `runtime.Port`, as the browser links them: a message posted
 * at one end arrives later (a task, as in the browsers) at the other, JSON
 * copied as Chrome does; disconnecting one end fires `onDisconnect` at the
 * other only, and posting on a closed port throws, as in Chrome.
 */
export function portPair(name: string, sender: Browser.runtime.MessageSender): { page: FakePort; background: FakePort } {
  const make = (portSender?: Browser.runtime.MessageSender) => {
    const onMessage = event<[unknown, Browser.runtime.Port]>();
    const onDisconnect = event<[Browser.runtime.Port]>();
    const port = { name, sender: portSender, posted: [] as unknown[], disconnected: false, onMessage, onDisconnect } as unknown as FakePort & {
      onMessage: typeof onMessage;
      onDisconnect: typeof onDisconnect;
      disconnected: boolean;
    };
    return port;
  };
  // The background's end carries the page as its sender; the page's end none.
  const page = make();
  const background = make(sender);
  const link = (from: typeof page, to: typeof page) => {
    from.postMessage = (message: unknown) => {
      if (from.disconnected) throw new Error('Attempting to use a disconnected port object');
      const copy: unknown = JSON.parse(JSON.stringify(message));
      (from.posted as unknown[]).push(copy);
      setTimeout(() => {
        if (!to.disconnected) (to.onMessage as unknown as ReturnType<typeof event<[unknown, Browser.runtime.Port]>>).fire(copy, to);
      }, 0);
    };
    from.disconnect = () => {
      if (from.disconnected) return;
      (from as { disconnected: boolean }).disconnected = true;
      setTimeout(() => {
        if (to.disconnected) return;
        (to as { disconnected: boolean }).disconnected = true;
        (to.onDisconnect as unknown as ReturnType<typeof event<[Browser.runtime.Port]>>).fire(to);
      }, 0);
    };
  };
  link(page, background);
  link(background, page);
  return { page, background };
}
