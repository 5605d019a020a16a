import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { STORE_VERSION_KEY, StoreVersion } from '@/lib/background/store-version';

/** The version in a storage value, or `null` when it is not one (anything may write extension storage). */
function versionOf(value: unknown): string | null {
  const parsed = StoreVersion.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * A value that changes after every write to the local store (see
 * lib/background/store-version.ts): hooks that read the store list it as a
 * dependency and read again when it changes. The background writes it to
 * `storage.session` and `storage.local`; either change is heard.
 */
export function useStoreVersion(): string {
  const [version, setVersion] = useState('');
  useEffect(() => {
    let cancelled = false;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if ((area !== 'session' && area !== 'local') || !(STORE_VERSION_KEY in changes)) return;
      const next = versionOf(changes[STORE_VERSION_KEY]?.newValue);
      if (next) setVersion(next);
    };
    browser.storage.onChanged.addListener(onChanged);
    // Firefox does not expose `storage.session` to an extension page framed in
    // a web page (the panel): it is undefined there, and reading it would throw
    // inside this effect and unmount the whole panel. There `storage.local`
    // carries the version.
    const session = browser.storage.session as typeof browser.storage.session | undefined;
    void (session ?? browser.storage.local)
      .get(STORE_VERSION_KEY)
      .then((stored) => {
        const initial = versionOf(stored[STORE_VERSION_KEY]);
        if (!cancelled && initial) setVersion((current) => current || initial);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return version;
}
