import { FailedWrites } from '../sync/FailedWrites';
import { useSyncState } from '../sync/use-sync-state';
import { CreateOrganization } from './CreateOrganization';
import { SignedInCard } from './SignedInCard';
import { SignInForm } from './SignInForm';
import { WorkspaceForm } from './WorkspaceForm';
import { YourData } from './YourData';

/** The options page: workspace, sign-in or the signed-in card, failed writes, and the data in this browser. */
export function OptionsApp() {
  const { state, error, apply, refresh } = useSyncState();
  return (
    <main className="mx-auto max-w-xl space-y-4 p-6 text-slate-900 dark:text-slate-100">
      <h1 className="text-xl font-semibold">Sidecar settings</h1>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <WorkspaceForm onSaved={refresh} />
      {state?.workspace_url && !state.user && <SignInForm onSignedIn={apply} />}
      {state?.user && !state.organization && <CreateOrganization onCreated={apply} />}
      {state?.user && <SignedInCard state={state} onChange={apply} onSignedOut={refresh} />}
      {state?.organization && (
        <p className="text-sm">
          <a href="/admin.html" className="underline" data-testid="admin-link">
            Organization admin: members, invitations, domains, settings and CSV import
          </a>
        </p>
      )}
      {state && <FailedWrites failed={state.failed} onChange={apply} />}
      <YourData />
    </main>
  );
}
