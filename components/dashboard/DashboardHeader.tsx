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
        {loaded && props.data.state === 'ready' && (
          <p data-testid="dashboard-freshness" className="text-slate-600 dark:text-slate-300">
            <Freshness fetchedAt={loaded.fetched_at} stale={props.data.stale} refreshing={props.refreshing} refreshError={props.data.refreshError} />
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

/**
 * When the figures were read. Figures kept from an earlier read say so, with
 * their time, while the workspace is read again; a failed read is named
 * beside the figures it could not renew.
 */
function Freshness(props: { fetchedAt: string; stale: boolean; refreshing: boolean; refreshError: string | null }) {
  const at = new Date(props.fetchedAt);
  const sameDay = at.toDateString() === new Date().toDateString();
  const time = <time dateTime={props.fetchedAt}>{at.toLocaleString('en-US', sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' })}</time>;
  const status = props.refreshError ? ' · could not refresh' : props.refreshing ? ' · refreshing' : '';
  if (props.stale) return <>Figures from {time}{status}</>;
  return <>Figures as of {time}{status}</>;
}
