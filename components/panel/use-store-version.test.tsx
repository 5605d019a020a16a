import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announceStoreChange, STORE_VERSION_KEY } from '@/lib/background/store-version';
import { useStoreVersion } from './use-store-version';

/** Firefox: an extension page framed in a web page has no `storage.session`. */
function withoutSessionStorage() {
  const original = Object.getOwnPropertyDescriptor(fakeBrowser.storage, 'session');
  Object.defineProperty(fakeBrowser.storage, 'session', { value: undefined, configurable: true });
  return () => original && Object.defineProperty(fakeBrowser.storage, 'session', original);
}

let restore: (() => unknown) | undefined;
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe('the panel hears of store changes', () => {
  it('in a Firefox panel (no storage.session), through storage.local, so it reads again without a reload', async () => {
    restore = withoutSessionStorage();
    const { result } = renderHook(() => useStoreVersion());
    // What reaches the framed panel of the background's announcement: the
    // storage.local half (announceStoreChange writes both, see below).
    const version = crypto.randomUUID();
    await fakeBrowser.storage.local.set({ [STORE_VERSION_KEY]: version });
    await waitFor(() => expect(result.current).toBe(version));
  });

  it('in Chrome, through storage.session, with the same version', async () => {
    const { result } = renderHook(() => useStoreVersion());
    await announceStoreChange();
    const [session, local] = await Promise.all([fakeBrowser.storage.session.get(STORE_VERSION_KEY), fakeBrowser.storage.local.get(STORE_VERSION_KEY)]);
    expect(session[STORE_VERSION_KEY]).toBe(local[STORE_VERSION_KEY]);
    await waitFor(() => expect(result.current).toBe(session[STORE_VERSION_KEY]));
  });

  it('ignores a value that is not a version (anything may write extension storage)', async () => {
    const { result } = renderHook(() => useStoreVersion());
    await fakeBrowser.storage.local.set({ [STORE_VERSION_KEY]: { planted: true } });
    await fakeBrowser.storage.session.set({ [STORE_VERSION_KEY]: 'not-a-uuid' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current).toBe('');
  });
});
