import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { STORE_VERSION_KEY } from '@/lib/background/store-version';

/**
 * A value that changes after every write to the local store (see
 * lib/background/store-version.ts): hooks that read the store list it as a
 * dependency and read again when it changes.
 */
export function useStoreVersion(): string {
  const [version, setVersion] = useState('');
  useEffect(() => {
    let cancelled = false;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && STORE_VERSION_KEY in changes) setVersion(String(changes[STORE_VERSION_KEY]?.newValue ?? ''));
    };
    browser.storage.onChanged.addListener(onChanged);
    // Firefox does not expose `storage.session` to an extension page framed in
    // a web page (the panel): it is undefined there, and reading it would throw
    // inside this effect and unmount the whole panel. Without it the panel
    // still reads on mount; it just does not hear of other writes.
    const session = browser.storage.session as typeof browser.storage.session | undefined;
    if (!session) return () => browser.storage.onChanged.removeListener(onChanged);
    void session
      .get(STORE_VERSION_KEY)
      .then((stored) => !cancelled && setVersion((current) => current || String(stored[STORE_VERSION_KEY] ?? '')))
      .catch(() => undefined);
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return version;
}
