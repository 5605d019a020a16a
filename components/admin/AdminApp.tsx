import type { AdminOverview } from '@/lib/admin/admin-values';
import { Card } from '../options/Card';
import { ImportSection } from './ImportSection';
import { InvitationsSection } from './InvitationsSection';
import { MembersSection } from './MembersSection';
import { OwnDomainsSection } from './OwnDomainsSection';
import { SettingsSection } from './SettingsSection';
import { useAdminOverview } from './use-admin-overview';

/**
 * The organization admin page: members and roles, invitations, the
 * organization's own domains, team settings and the CSV import. Everyone in
 * the organization may open it; only an admin can change anything, which
 * the database enforces (a member who is not an admin sees the same content,
 * read-only).
 */
export function AdminApp() {
  const { state, reload } = useAdminOverview();
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-6 text-slate-900 dark:text-slate-100">
      <h1 className="text-xl font-semibold">Organization admin{state.status === 'ready' ? ` · ${state.overview.organization.name}` : ''}</h1>
      {state.status === 'loading' && (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          Loading the organization…
        </p>
      )}
      {state.status === 'error' && (
        <Card title="Cannot show the organization" testId="admin-error">
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {state.error.message}
          </p>
          <div className="flex gap-3 text-sm">
            <a className="underline" href="/options.html">
              Open Sidecar settings
            </a>
            <button type="button" className="underline" onClick={() => void reload()}>
              Try again
            </button>
          </div>
        </Card>
      )}
      {state.status === 'ready' && <Sections overview={state.overview} reload={reload} />}
    </main>
  );
}

function Sections({ overview, reload }: { overview: AdminOverview; reload: () => Promise<void> }) {
  const isAdmin = overview.me.role === 'admin';
  return (
    <>
      {!isAdmin && (
        <p role="note" data-testid="read-only-note" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:bg-amber-950">
          You are a {overview.me.role === 'manager' ? 'manager' : 'CSM'} in this organization, so this page is read-only for you. Ask an admin to change members, domains or settings, or to import records.
        </p>
      )}
      <MembersSection overview={overview} canEdit={isAdmin} onChanged={reload} />
      <InvitationsSection invitations={overview.invitations} canEdit={isAdmin} onChanged={reload} />
      <OwnDomainsSection domains={overview.domains} canEdit={isAdmin} onChanged={reload} />
      <SettingsSection organization={overview.organization} canEdit={isAdmin} onChanged={reload} />
      {isAdmin && <ImportSection />}
    </>
  );
}
