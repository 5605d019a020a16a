import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HostAdapter } from './host-adapter';
import { failure, type ReadResult } from './host-context';

export interface WatchOptions {
  adapter: HostAdapter;
  /** The document to watch and read; the page's own by default. */
  root?: Document;
  /** The current address; `location.href` by default. */
  getUrl?: () => string;
  /** The content script's context: its signal ends the watch, and it reports WXT's `wxt:locationchange`. */
  ctx?: Pick<ContentScriptContext, 'signal' | 'addEventListener'>;
  /** Ends the watch when there is no `ctx` (tests, other pages). */
  signal?: AbortSignal;
  /** Called with the first read, then only when the result differs from the last one. */
  onContext: (result: ReadResult) => void;
  /**
   * The shortest time between two reads. A relevant DOM change after a quiet
   * spell is read at once; changes that follow within this time are gathered
   * into one read when it ends. The clock is not pushed back by later
   * changes: Gmail and Outlook mutate their pages almost continuously, and a
   * classic debounce would never fire.
   */
  delayMs?: number;
}

/**
 * Watches a host page and reports its context as it changes: after in-app
 * navigation (history, hash, WXT's location event) and after DOM changes
 * that touch the adapter's `watchSelector`. Unrelated mutations cost one
 * `matches` per touched node and never a read.
 *
 * Why a relevant DOM change is read in the observer's callback rather than
 * on a timer: the callback runs right after the host's script that changed
 * the page, before the browser styles and lays out the new view. A timer
 * (like the host's own `hashchange` event) waits for that rendering, which
 * on a long Gmail thread took longer than everything else between the click
 * and the account in the panel. The read touches attributes and
 * `textContent` only, so it never forces that layout itself. Address
 * changes and typing are still read on the timer: hosts change the address
 * before they render the view it names.
 *
 * A read that fails at once is not reported until the timer's read
 * confirms it, so a view caught half-built does not flash a failure.
 *
 * Nothing escapes into the host page: a throwing reader becomes a
 * `read-error` failure, a throwing `onContext` is swallowed, and everything
 * (observer, listeners, timer) ends with the signal.
 */
export function watchHostContext(options: WatchOptions): void {
  const { adapter, ctx, onContext } = options;
  const root = options.root ?? document;
  const getUrl = options.getUrl ?? (() => location.href);
  const signal = ctx?.signal ?? options.signal;
  const delay = options.delayMs ?? 40;
  const selector = adapter.watchSelector;
  if (signal?.aborted) return;

  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastKey: string | undefined;
  let lastUrl = '';
  // When the last read ran: an immediate read waits for the timer within `delay` of it.
  let lastReadAt = Number.NEGATIVE_INFINITY;

  /** Reads the page; reports the result if it differs from the last, unless it is an unconfirmed failure. */
  const read = (confirmFailure: boolean): void => {
    if (signal?.aborted) return;
    lastReadAt = Date.now();
    let result: ReadResult;
    try {
      lastUrl = getUrl();
      result = adapter.read(root, lastUrl);
    } catch (error) {
      result = failure(adapter.id, 'read-error', undefined, error instanceof Error ? error.name : undefined);
    }
    if (!result.ok && !confirmFailure) return schedule();
    const key = JSON.stringify(result);
    if (key === lastKey) return;
    lastKey = key;
    try {
      onContext(result);
    } catch {
      // The receiver's problem must not surface in the host page's console.
    }
  };
  const readOnTimer = (): void => {
    timer = undefined;
    read(true);
  };
  const schedule = (): void => {
    if (!timer && !signal?.aborted) timer = setTimeout(readOnTimer, delay);
  };
  /** A relevant DOM change: read it now, before the host renders it, unless a read ran moments ago. */
  const changed = (): void => {
    if (Date.now() - lastReadAt < delay) return schedule();
    read(false);
  };
  const touches = (node: Node): boolean =>
    node.nodeType === 1 && ((node as Element).matches(selector) || (node as Element).querySelector(selector) !== null);

  const observer = new MutationObserver((records) => {
    // A read is already on its way and will see these changes too. A timer
    // set by an address change alone does not wait for the DOM it announces.
    if (timer && Date.now() - lastReadAt < delay) return;
    try {
      if (getUrl() !== lastUrl) return changed();
      for (const record of records) {
        if ((record.target as Element).matches?.(selector)) return changed();
        for (const node of record.addedNodes) if (touches(node)) return changed();
        for (const node of record.removedNodes) if (touches(node)) return changed();
      }
    } catch {
      schedule();
    }
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: [...adapter.watchAttributes] });

  const view = root.defaultView;
  const listen = { signal } as AddEventListenerOptions;
  view?.addEventListener('popstate', schedule, listen);
  view?.addEventListener('hashchange', schedule, listen);
  if (ctx && view) ctx.addEventListener(view, 'wxt:locationchange', schedule);
  // Typing a subject changes an input's value, which is not a DOM mutation.
  root.addEventListener('input', (event) => (event.target as Element).matches?.(selector) && schedule(), listen);
  signal?.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });

  read(true);
}
