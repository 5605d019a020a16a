import { useEffect, useState } from 'react';
import type { StoreResult } from '@/lib/messaging/store-messages';

export type QueryState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/**
 * Runs `ask` whenever one of `deps` changes (the store version among them)
 * and keeps the last answer on screen while the next one is on its way, so
 * a re-read after a write never flashes a loading state. A stale answer
 * (deps changed meanwhile) is dropped.
 */
export function useStoreQuery<T>(ask: (() => Promise<StoreResult<T>>) | null, deps: readonly unknown[]): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  useEffect(() => {
    if (!ask) return;
    let current = true;
    ask()
      .then((answer) => {
        if (!current) return;
        setState(answer.ok ? { status: 'ready', value: answer.value } : { status: 'error', message: answer.error.message });
      })
      .catch(() => current && setState({ status: 'error', message: 'Sidecar’s background did not answer. Reload this page to reconnect.' }));
    return () => {
      current = false;
    };
    // `ask` is a new closure each render; what it depends on is in `deps`.
  }, deps);
  return state;
}
