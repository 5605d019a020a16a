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
   * How long to gather changes before reading. The clock starts at the first
   * relevant change and is not pushed back by later ones: Gmail and Outlook
   * mutate their pages almost continuously, and a classic debounce would
   * never fire. 40 ms keeps the panel well inside its 300 ms promise.
   */
  delayMs?: number;
}

/**
 * Watches a host page and reports its context as it changes: after in-app
 * navigation (history, hash, WXT's location event) and after DOM changes
 * that touch the adapter's `watchSelector`. Unrelated mutations cost one
 * `matches` per touched node and never a read.
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

  const readNow = (): void => {
    timer = undefined;
    if (signal?.aborted) return;
    let result: ReadResult;
    try {
      lastUrl = getUrl();
      result = adapter.read(root, lastUrl);
    } catch (error) {
      result = failure(adapter.id, 'read-error', undefined, error instanceof Error ? error.name : undefined);
    }
    const key = JSON.stringify(result);
    if (key === lastKey) return;
    lastKey = key;
    try {
      onContext(result);
    } catch {
      // The receiver's problem must not surface in the host page's console.
    }
  };
  const schedule = (): void => {
    if (!timer && !signal?.aborted) timer = setTimeout(readNow, delay);
  };
  const touches = (node: Node): boolean =>
    node.nodeType === 1 && ((node as Element).matches(selector) || (node as Element).querySelector(selector) !== null);

  const observer = new MutationObserver((records) => {
    // A read is already on its way and will see these changes too.
    if (timer) return;
    try {
      if (getUrl() !== lastUrl) return schedule();
      for (const record of records) {
        if ((record.target as Element).matches?.(selector)) return schedule();
        for (const node of record.addedNodes) if (touches(node)) return schedule();
        for (const node of record.removedNodes) if (touches(node)) return schedule();
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

  readNow();
}
