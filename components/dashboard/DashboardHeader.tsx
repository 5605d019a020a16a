import type { DashboardData } from './use-dashboard-data';

/** Whose pipeline this is, how fresh the figures are, Refresh, and the admin pages for admins. */
export function DashboardHeader(props: { data: DashboardData; refreshing: boolean; onRefresh: () => void }) {
  const loaded = props.data.state === 'ready' ? props.data.loaded : null;
  const whose = loaded ? (loaded.source === 'workspace' ? (loaded.organization?.name ?? 'Your organization') : 'Your own pipeline (this browser only)') : null;
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 dark:border-slate-800">
      <div>
        <h1 className="text-xl font-semibold">Pipeline dashboard</h1>
        {whose && (
          <p className="text-sm" data-testid="dashboard-organization">
            {whose}
          </p>
        )}
        {loaded?.user?.email && <p className="text-xs text-slate-600 dark:text-slate-300">Signed in as {loaded.user.email}</p>}
      </div>
      <div className="flex items-center gap-3 text-sm">
        {loaded && (
          <p data-testid="dashboard-freshness" className="text-slate-600 dark:text-slate-300">
            Figures as of <time dateTime={loaded.fetched_at}>{new Date(loaded.fetched_at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}</time>
          </p>
        )}
        <button type="button" onClick={props.onRefresh} disabled={props.refreshing} className="rounded bg-brand-600 px-3 py-1 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {props.refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        {loaded?.user?.role === 'admin' && (
          <a href="/admin.html" className="underline">
            Admin
          </a>
        )}
      </div>
    </header>
  );
}
