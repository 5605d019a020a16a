import { useCallback, useEffect, useState } from 'react';
import { askStore } from '@/lib/messaging/ask-store';
import type { SyncStateView } from '@/lib/sync/sync-view';
import { useStoreVersion } from '../panel/use-store-version';

/** How often the "2 min ago" wording is refreshed while nothing else changes. */
const REFRESH_MS = 30_000;

/**
 * The workspace and sync state, read from the background on mount, after
 * every store change (each sync run announces one) and every half minute.
 * `apply` takes the state a message answered with (sign-in, sync now…).
 */
export function useSyncState(): { state: SyncStateView | null; error: string | null; apply: (state: SyncStateView) => void; refresh: () => void } {
  const version = useStoreVersion();
  const [state, setState] = useState<SyncStateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    let cancelled = false;
    askStore({ type: 'sync.state' })
      .then((answer) => {
        if (cancelled) return;
        if (answer.ok) {
          setState(answer.value);
          setError(null);
        } else setError(answer.error.message);
      })
      .catch((reason: unknown) => !cancelled && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      cancelled = true;
    };
  }, [version, tick]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { state, error, apply: setState, refresh };
}
