import { useState } from 'react';
import { browser } from 'wxt/browser';
import { askStore } from '@/lib/messaging/ask-store';
import { describeSync } from '../sync/describe-sync';
import { FailedWrites } from '../sync/FailedWrites';
import { useSyncState } from '../sync/use-sync-state';

/** The toolbar popup: who is signed in, the sync line, Sync now, failed writes, and the way to settings. */
export function PopupApp() {
  const { state, error, apply } = useSyncState();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const syncNow = async () => {
    setBusy(true);
    const answer = await askStore({ type: 'sync.now' }).finally(() => setBusy(false));
    if (answer.ok) apply(answer.value);
    else setProblem(answer.error.message);
  };
  const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());
  const openAdmin = () => void browser.tabs.create({ url: browser.runtime.getURL('/admin.html') }).then(() => window.close());
  const openDashboard = () => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') }).then(() => window.close());

  return (
    <main className="w-80 space-y-3 p-3 text-sm text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <h1 className="font-semibold">Sidecar</h1>
      {state && (
        <>
          <p data-testid="popup-who">{state.user ? `Signed in as ${state.user.email ?? state.user.id}` : state.workspace_url ? 'Not signed in' : 'No team workspace'}</p>
          {state.organization?.name && <p className="text-slate-600 dark:text-slate-300">{state.organization.name}</p>}
          <p data-testid="popup-sync">{describeSync(state).text}</p>
          {state.user && state.organization && (
            <button type="button" disabled={busy} onClick={() => void syncNow()} className="rounded bg-brand-600 px-3 py-1 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
              {busy ? 'Syncing…' : 'Sync now'}
            </button>
          )}
          <FailedWrites failed={state.failed} onChange={apply} />
        </>
      )}
      {(error ?? problem) && <p role="alert" className="text-red-700">{error ?? problem}</p>}
      <button type="button" onClick={openDashboard} className="block underline" data-testid="popup-dashboard">
        Open the pipeline dashboard
      </button>
      <button type="button" onClick={openOptions} className="underline">
        {state?.user ? 'Settings' : 'Set up or sign in'}
      </button>
      {state?.organization && (
        <button type="button" onClick={openAdmin} className="ml-3 underline">
          Organization admin
        </button>
      )}
    </main>
  );
}
