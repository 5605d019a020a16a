import { browser } from 'wxt/browser';
import { backgroundStore, type SidecarDb } from '../store/db';
import { readWorkspaceLink } from '../store/workspace-link';
import { connectWorkspace } from '../sync/connect';
import { SyncEngine, type RunReport } from '../sync/engine';
import { supabaseRemote } from '../sync/remote';
import { workspaceClient } from '../sync/session';
import { readStatus } from '../sync/sync-state';
import { readWorkspaceSettings } from '../sync/workspace-settings';
import { announceStoreChange } from './store-version';

/** The periodic pull, and the wake-up after a failed run's backoff. */
export const PULL_ALARM = 'sidecar.sync.pull';
export const RETRY_ALARM = 'sidecar.sync.retry';
const PULL_EVERY_MINUTES = 15;

export type SyncWake = { ran: false; reason: 'no-workspace' | 'signed-out' | 'no-organization' | 'offline' } | RunReport;

/**
 * One wake of the sync in the service worker: settings, session and store
 * are read from storage each time (the worker keeps none of them), the
 * store is linked to the member's organization on first sign-in, then the
 * engine runs. A failed run leaves its `next_attempt_at` in the store and an
 * alarm to wake the worker then.
 */
export async function wakeSync({ force = false, db = backgroundStore() }: { force?: boolean; db?: SidecarDb } = {}): Promise<SyncWake> {
  const settings = await readWorkspaceSettings();
  if (!settings) return { ran: false, reason: 'no-workspace' };
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { ran: false, reason: 'offline' };
  const client = workspaceClient(settings);
  const { data } = await client.auth.getSession();
  const user = data.session?.user;
  if (!user) return { ran: false, reason: 'signed-out' };
  if (!(await readWorkspaceLink(db))) {
    const { data: memberships } = await client.from('members').select('organization_id').eq('user_id', user.id).limit(1);
    const organizationId = (memberships as { organization_id: string }[] | null)?.[0]?.organization_id;
    if (!organizationId) return { ran: false, reason: 'no-organization' };
    await connectWorkspace(db, { organization_id: organizationId, user_id: user.id, email: user.email ?? null });
  }
  const report = await new SyncEngine({ db, remote: supabaseRemote(client) }).run({ force });
  // Pulled records, cleared outbox entries and the status line all changed: open panels read again.
  if (report.ran) await announceStoreChange();
  const status = await readStatus(db);
  if (status.next_attempt_at) await browser.alarms.create(RETRY_ALARM, { when: Math.max(Date.parse(status.next_attempt_at), Date.now() + 30_000) });
  return report;
}

/** Writes that come in a burst (a form saving several records) go up together. */
const AFTER_WRITE_DELAY_MS = 1_500;
let afterWriteTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Sends a CSM's write soon after it is stored, so teammates see it within
 * seconds rather than at the next periodic pull. Respects the backoff (a
 * cut network is not hammered). If the worker stops before the timer fires,
 * the outbox waits in the store for the next alarm or start.
 */
export function syncSoonAfterWrite(): void {
  clearTimeout(afterWriteTimer);
  afterWriteTimer = setTimeout(() => void wakeSync().catch(() => undefined), AFTER_WRITE_DELAY_MS);
}

/** Registers the alarms and their listener; call synchronously at the worker's start. */
export function startSyncAlarms(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PULL_ALARM || alarm.name === RETRY_ALARM) void wakeSync().catch(() => undefined);
  });
  void browser.alarms.get(PULL_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(PULL_ALARM, { periodInMinutes: PULL_EVERY_MINUTES, delayInMinutes: 1 });
  });
  // Back online: deliver what waited.
  globalThis.addEventListener?.('online', () => void wakeSync({ force: true }).catch(() => undefined));
  void wakeSync().catch(() => undefined);
}
