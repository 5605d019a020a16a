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
    void browser.storage.session
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
