import { useLayoutEffect, useMemo, useState } from 'react';
import { computeDashboard, type DashboardFiltersInput } from '@/lib/dashboard';
import type { OpenedStream } from '@/lib/dashboard-data/stream-port';
import { AccountDetail } from './AccountDetail';
import { AccountLists } from './AccountLists';
import { DashboardHeader } from './DashboardHeader';
import { Filters } from './Filters';
import { PipelineViews } from './PipelineViews';
import { SnapshotButton } from './SnapshotButton';
import { TimeViews } from './TimeViews';
import { useDashboardData } from './use-dashboard-data';

/**
 * The managers' dashboard: the organization's pipeline (or, in solo mode, this
 * browser's), every view computed by lib/dashboard from the same facts the
 * panel evaluates, narrowed by the filters, each account opening its detail.
 * `early`: the data stream the page asked for as it started, if it did.
 */
export function DashboardApp(props: { early?: Promise<OpenedStream | null> }) {
  const { data, reload, refreshing } = useDashboardData(props.early);
  const [filters, setFilters] = useState<DashboardFiltersInput>({});
  const [openAccount, setOpenAccount] = useState<string | null>(null);
  const prepared = data.state === 'ready' ? data.prepared : null;
  const dashboard = useMemo(() => {
    if (!prepared) return null;
    const views = computeDashboard(prepared, filters);
    performance.mark('dashboard:views-computed');
    return views;
  }, [prepared, filters]);
  useFirstPaintMarks(data.state === 'ready');

  return (
    <div className="mx-auto max-w-6xl space-y-4 p-4 text-slate-900 dark:text-slate-100">
      <DashboardHeader data={data} refreshing={refreshing} onRefresh={reload} />
      {data.state === 'loading' && (
        <p role="status" className="text-sm" data-testid="dashboard-loading">
          Reading the pipeline…
        </p>
      )}
      {data.state === 'error' && (
        <div role="alert" data-testid="dashboard-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p>{data.message}</p>
          <button type="button" onClick={reload} className="mt-2 underline">
            Try again
          </button>
        </div>
      )}
      {data.state === 'ready' && data.refreshError && (
        <div role="alert" data-testid="dashboard-refresh-error" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <p>The figures below could not be renewed: {data.refreshError}</p>
          <button type="button" onClick={reload} className="mt-2 underline">
            Try again
          </button>
        </div>
      )}
      {data.state === 'ready' && dashboard && (
        <main className="space-y-4">
          {data.prepared.accounts.length === 0 ? (
            <p data-testid="dashboard-empty" className="rounded border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
              No account yet. {data.loaded.source === 'solo' ? 'Accounts you add in the panel beside your inbox appear here.' : 'An admin can import the accounts from a CSV file.'}
            </p>
          ) : null}
          <Filters value={filters} members={data.loaded.members} onChange={setFilters} />
          <PipelineViews dashboard={dashboard} members={data.loaded.members} onOpenAccount={setOpenAccount} />
          <AccountLists dashboard={dashboard} members={data.loaded.members} onOpenAccount={setOpenAccount} />
          <TimeViews
            dashboard={dashboard}
            members={data.loaded.members}
            onOpenAccount={setOpenAccount}
            snapshotControl={data.loaded.source === 'workspace' && data.loaded.user?.role && data.loaded.user.role !== 'csm' ? <SnapshotButton onTaken={reload} /> : null}
          />
          {openAccount && <AccountDetail accountId={openAccount} prepared={data.prepared} members={data.loaded.members} onClose={() => setOpenAccount(null)} />}
        </main>
      )}
    </div>
  );
}

/**
 * Marks for the page benchmark (bench/dashboard-page.bench.ts): when the
 * figures were first committed to the DOM, and the frame after (painted).
 */
function useFirstPaintMarks(ready: boolean) {
  useLayoutEffect(() => {
    if (!ready || performance.getEntriesByName('dashboard:rendered').length > 0) return;
    performance.mark('dashboard:rendered');
    requestAnimationFrame(() => setTimeout(() => performance.mark('dashboard:painted'), 0));
  }, [ready]);
}
