import { useCallback, useEffect, useState } from 'react';
import { prepareDashboard, type PreparedDashboard } from '@/lib/dashboard';
import { decodeHandoff } from '@/lib/dashboard-data/decode';
import { readHandoff, readLastHandoff, type Handoff } from '@/lib/dashboard-data/handoff';
import { DashboardLoaded } from '@/lib/dashboard-data/loaded';
import { askStore } from '@/lib/messaging/ask-store';

export type DashboardData =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | {
      state: 'ready';
      loaded: DashboardLoaded;
      prepared: PreparedDashboard;
      /** The figures of the last read kept in this browser, shown while the workspace is read again. */
      stale: boolean;
      /** Why the latest read failed, while earlier figures stay on screen. */
      refreshError: string | null;
    };

/**
 * Asks the background for the data (`dashboard.load`), reads the handoff it left,
 * validates it and assesses every opportunity once (`prepareDashboard`); filter
 * changes then reuse the result. When the page opens, the last read kept in
 * this browser (handoff.ts) is validated and painted first, labelled stale,
 * and only then is the new read asked for; it replaces the kept one when it comes. `reload` reads everything again.
 */
export function useDashboardData(): { data: DashboardData; reload: () => void; refreshing: boolean } {
  const [data, setData] = useState<DashboardData>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setRefreshing(true);
    void (async () => {
      try {
        // A later open paints the kept read first, then asks for a new one: the two
        // would otherwise share the machine's cores and both arrive later.
        if (generation === 0) {
          const kept = await showLastRead();
          if (kept && !cancelled) {
            setData(kept);
            await afterNextPaint();
          }
        }
        // Marks for the page benchmark (bench/dashboard-page.bench.ts) and the browser's profiler.
        performance.mark('dashboard:ask');
        const result = await askStore({ type: 'dashboard.load' });
        performance.mark('dashboard:answered');
        if (!result.ok) throw new Error(result.error.message);
        const loaded = DashboardLoaded.safeParse(result.value);
        if (!loaded.success) throw new Error('The background answered something the dashboard does not understand.');
        const handoff = await readHandoff(loaded.data.handoff_id);
        performance.mark('dashboard:handoff-read');
        if (!handoff) throw new Error('A newer read replaced this one; Refresh to read it again.');
        const prepared = prepare(handoff);
        performance.mark('dashboard:prepared');
        if (!cancelled) setData({ state: 'ready', loaded: loaded.data, prepared, stale: false, refreshError: null });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Figures already on screen stay there, with the reason they could not be renewed.
        if (!cancelled) setData((shown) => (shown.state === 'ready' ? { ...shown, refreshError: message } : { state: 'error', message }));
      } finally {
        if (!cancelled) setRefreshing(false);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, reload, refreshing };
}

/** Validates and assesses a handoff; a misfit throws with what did not fit. */
function prepare(handoff: Handoff): PreparedDashboard {
  const decoded = decodeHandoff(handoff.payload);
  if (!decoded.ok) throw new Error(decoded.message);
  performance.mark('dashboard:validated');
  return prepareDashboard(decoded.input);
}

/**
 * The last read kept in this browser, validated like fresh data, ready to show
 * as stale; `null` when there is none or it no longer fits (the new read will
 * show instead).
 */
async function showLastRead(): Promise<DashboardData | null> {
  try {
    const last = await readLastHandoff();
    if (!last) return null;
    performance.mark('dashboard:cache-read');
    const loaded = DashboardLoaded.safeParse({ ...(last.answer as object), handoff_id: last.id });
    if (!loaded.success) return null;
    const prepared = prepare(last);
    performance.mark('dashboard:cached-prepared');
    return { state: 'ready', loaded: loaded.data, prepared, stale: true, refreshError: null };
  } catch {
    return null;
  }
}

/**
 * Resolves once the browser has painted the next frame (a hidden page paints
 * nothing, and its frames never come: at once there), so the kept figures
 * reach the screen before the new read starts competing for the cores.
 */
function afterNextPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
