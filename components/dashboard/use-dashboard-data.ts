import { useCallback, useEffect, useState } from 'react';
import { prepareDashboard, type PreparedDashboard } from '@/lib/dashboard';
import { decodeHandoff } from '@/lib/dashboard-data/decode';
import { takeHandoff } from '@/lib/dashboard-data/handoff';
import { DashboardLoaded } from '@/lib/dashboard-data/loaded';
import { askStore } from '@/lib/messaging/ask-store';

export type DashboardData =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; loaded: DashboardLoaded; prepared: PreparedDashboard };

/**
 * Asks the background for the data (`dashboard.load`), takes the handoff it left,
 * validates it and assesses every opportunity once (`prepareDashboard`); filter
 * changes then reuse the result. `reload` reads everything again.
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
        // Marks for the page benchmark (bench/dashboard-page.bench.ts) and the browser's profiler.
        performance.mark('dashboard:ask');
        const answer = await askStore({ type: 'dashboard.load' });
        performance.mark('dashboard:answered');
        if (!answer.ok) throw new Error(answer.error.message);
        const loaded = DashboardLoaded.safeParse(answer.value);
        if (!loaded.success) throw new Error('The background answered something the dashboard does not understand.');
        const handoff = await takeHandoff(loaded.data.handoff_id);
        performance.mark('dashboard:handoff-read');
        if (!handoff) throw new Error('The data was taken by another dashboard tab; reload to read it again.');
        const decoded = decodeHandoff(handoff.payload);
        if (!decoded.ok) throw new Error(decoded.message);
        performance.mark('dashboard:validated');
        const prepared = prepareDashboard(decoded.input);
        performance.mark('dashboard:prepared');
        if (!cancelled) setData({ state: 'ready', loaded: loaded.data, prepared });
      } catch (error) {
        if (!cancelled) setData({ state: 'error', message: error instanceof Error ? error.message : String(error) });
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
