import { useState } from 'react';
import { askStore } from '@/lib/messaging/ask-store';
import type { SyncStateView } from '@/lib/sync/sync-view';
import { describeSync } from '../sync/describe-sync';
import { Card, Problem, primaryButton, secondaryButton } from './Card';

/**
 * Who is signed in, to which organization, how the sync is doing; Sync now
 * and Sign out. Signing out asks first with the number of writes that have
 * not reached the workspace, since they leave this browser with the rest.
 */
export function SignedInCard({ state, onChange, onSignedOut }: { state: SyncStateView; onChange: (state: SyncStateView) => void; onSignedOut: () => void }) {
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const syncNow = async () => {
    setBusy(true);
    const answer = await askStore({ type: 'sync.now' }).finally(() => setBusy(false));
    if (answer.ok) onChange(answer.value);
    else setProblem(answer.error.message);
  };

  const signOut = async (confirm: boolean) => {
    const answer = await askStore({ type: 'auth.sign-out', confirm });
    if (!answer.ok) return setProblem(answer.error.message);
    if (answer.value.signed_out) {
      setUnsynced(null);
      onSignedOut();
    } else setUnsynced(answer.value.unsynced);
  };

  return (
    <Card title="Signed in" testId="signed-in">
      <p className="text-sm">
        <span data-testid="signed-in-email">{state.user?.email ?? state.user?.id}</span>
        {state.organization && (
          <>
            {' · '}
            <span data-testid="organization-name">{state.organization.name ?? 'your organization'}</span>
          </>
        )}
      </p>
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="sync-summary">
        {describeSync(state).text}
      </p>
      <div className="flex gap-2">
        <button type="button" className={primaryButton} disabled={busy} onClick={() => void syncNow()}>
          Sync now
        </button>
        <button type="button" className={secondaryButton} onClick={() => void signOut(false)}>
          Sign out
        </button>
      </div>
      {unsynced !== null && (
        <div role="alertdialog" aria-label="Confirm sign out" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:bg-amber-950">
          <p>
            {unsynced === 0
              ? 'Everything has reached the workspace. Signing out removes your team’s records from this browser.'
              : `${unsynced} change${unsynced === 1 ? ' has' : 's have'} not reached the workspace yet and will be lost. Signing out removes your team’s records from this browser.`}
          </p>
          <div className="flex gap-2">
            <button type="button" className={primaryButton} onClick={() => void signOut(true)}>
              Sign out{unsynced > 0 ? ` and lose ${unsynced}` : ''}
            </button>
            <button type="button" className={secondaryButton} onClick={() => setUnsynced(null)}>
              Stay signed in
            </button>
          </div>
        </div>
      )}
      <Problem text={problem} />
    </Card>
  );
}
