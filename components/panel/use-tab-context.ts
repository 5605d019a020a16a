import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { parseTabContext, tabContextKey } from '@/lib/background/tab-contexts';
import type { TabContext } from '@/lib/messaging/messages';
import { sendToBackground } from '@/lib/messaging/send';

export type TabContextState =
  | { status: 'loading' }
  | { status: 'ready'; context: TabContext | null }
  /** The background did not answer (extension reloaded under the page). */
  | { status: 'disconnected' };

/**
 * The context of the tab this panel sits in. The background tells the panel
 * its tab and the last read; after that the panel follows that tab's entry
 * in `storage.session`, which only the background writes. Nothing comes
 * from the host page.
 */
export function useTabContext(): TabContextState {
  const [state, setState] = useState<TabContextState>({ status: 'loading' });

  useEffect(() => {
    let key: string | undefined;
    let cancelled = false;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !key || !(key in changes)) return;
      setState({ status: 'ready', context: parseTabContext(changes[key]?.newValue) });
    };
    browser.storage.onChanged.addListener(onChanged);
    sendToBackground({ type: 'panel.get-context' })
      .then(({ tabId, context }) => {
        if (cancelled) return;
        key = tabContextKey(tabId);
        setState({ status: 'ready', context });
      })
      .catch(() => !cancelled && setState({ status: 'disconnected' }));
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  return state;
}
