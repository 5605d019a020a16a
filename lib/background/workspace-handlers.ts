import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { Handler } from '../messaging/router';
import type { StoreResult } from '../messaging/store-messages';
import type { SidecarDb } from '../store/db';
import { storeError, toStoreIssues } from '../store/issues';
import { readWorkspaceLink } from '../store/workspace-link';
import { clearWorkspaceData, unsyncedCount } from '../sync/connect';
import { workspaceClient } from '../sync/session';
import { readSyncView, type SyncStateView, type WorkspaceView } from '../sync/sync-view';
import { originPattern, readWorkspaceSettings, saveWorkspaceSettings, WorkspaceSettings, workspaceSettingsSource } from '../sync/workspace-settings';
import { clearHandoffs } from '../dashboard-data/handoff';
import { signInWithGoogle } from './google-sign-in';
import { announceStoreChange } from './store-version';
import { wakeSync } from './sync-runner';

type WorkspaceType =
  | 'workspace.get'
  | 'workspace.save'
  | 'auth.send-code'
  | 'auth.verify-code'
  | 'auth.google'
  | 'auth.sign-out'
  | 'org.create'
  | 'sync.state'
  | 'sync.now'
  | 'sync.discard-failed'
  | 'sync.retry-failed';

const Email = z.email({ message: 'Enter an email address, such as dana@example.com' });
const Code = z.string().trim().regex(/^\d{6,10}$/, 'Enter the code from the email (6 digits or more)');
const OrganizationName = z.string().trim().min(1, 'Name the organization').max(200, 'At most 200 characters');

/**
 * The background's answers to the workspace messages. The session lives
 * here only (lib/sync/session.ts); pages learn who is signed in and how the
 * sync is doing, through `SyncStateView`.
 */
export function workspaceHandlers(store: () => SidecarDb): { [T in WorkspaceType]: Handler<T> } {
  const view = async (): Promise<StoreResult<SyncStateView>> => ok(await currentView(store()));
  const syncThenView = async () => {
    await wakeSync({ force: true, db: store() }).catch(() => undefined);
    return view();
  };

  return {
    'workspace.get': async () => ok(await workspaceView()),

    'workspace.save': async ({ url, anon_key }) => {
      const parsed = WorkspaceSettings.safeParse({ url: url.trim(), anon_key });
      if (!parsed.success) return storeError('invalid', parsed.error.issues[0]?.message ?? 'Check the workspace settings', toStoreIssues(parsed.error));
      const current = await readWorkspaceSettings();
      if (current && current.url !== parsed.data.url && (await readWorkspaceLink(store()))) {
        return storeError('invalid', 'Sign out before switching to another workspace: this browser holds the current one’s data.');
      }
      await saveWorkspaceSettings(parsed.data);
      return ok(await workspaceView());
    },

    'auth.send-code': async ({ email }) => {
      const settings = await readWorkspaceSettings();
      if (!settings) return notSetUp();
      const address = Email.safeParse(email.trim());
      if (!address.success) return storeError('invalid', address.error.issues[0]!.message, toStoreIssues(address.error, 'email'));
      const { error } = await workspaceClient(settings).auth.signInWithOtp({ email: address.data });
      return error ? storeError('workspace', error.message) : ok({ sent_to: address.data });
    },

    'auth.verify-code': async ({ email, code }) => {
      const settings = await readWorkspaceSettings();
      if (!settings) return notSetUp();
      const token = Code.safeParse(code);
      if (!token.success) return storeError('invalid', token.error.issues[0]!.message, toStoreIssues(token.error, 'code'));
      const { error } = await workspaceClient(settings).auth.verifyOtp({ email: email.trim(), token: token.data, type: 'email' });
      if (error) return storeError('workspace', error.message);
      return syncThenView();
    },

    'auth.google': async () => {
      const settings = await readWorkspaceSettings();
      if (!settings) return notSetUp();
      const failure = await signInWithGoogle(workspaceClient(settings));
      return failure ? storeError('workspace', failure) : syncThenView();
    },

    'auth.sign-out': async ({ confirm }) => {
      const db = store();
      const unsynced = await unsyncedCount(db);
      if (!confirm) return ok({ signed_out: false as const, unsynced });
      const settings = await readWorkspaceSettings();
      // Signing out locally needs no network: the data leaves this browser either way.
      if (settings) await workspaceClient(settings).auth.signOut({ scope: 'local' }).catch(() => undefined);
      await clearWorkspaceData(db);
      await clearHandoffs().catch(() => undefined);
      await announceStoreChange();
      return ok({ signed_out: true as const, discarded: unsynced });
    },

    'org.create': async ({ name }) => {
      const settings = await readWorkspaceSettings();
      if (!settings) return notSetUp();
      const parsed = OrganizationName.safeParse(name);
      if (!parsed.success) return storeError('invalid', parsed.error.issues[0]!.message, toStoreIssues(parsed.error, 'name'));
      const client = workspaceClient(settings);
      const { data } = await client.auth.getSession();
      if (!data.session) return storeError('not-signed-in', 'Sign in before creating an organization.');
      const { error } = await client.rpc('create_organization', { payload: { id: crypto.randomUUID(), name: parsed.data } });
      if (error) return storeError('workspace', error.message);
      return syncThenView();
    },

    'sync.state': () => view(),
    'sync.now': () => syncThenView(),

    'sync.discard-failed': async ({ entry_id }) => {
      const db = store();
      const entry = await db.outbox.get(entry_id);
      if (!entry || entry.state !== 'failed') return storeError('invalid', 'That write is no longer waiting.');
      await db.outbox.delete(entry_id);
      await announceStoreChange();
      return view();
    },

    'sync.retry-failed': async ({ entry_id }) => {
      const db = store();
      const entry = await db.outbox.get(entry_id);
      if (!entry || entry.state !== 'failed') return storeError('invalid', 'That write is no longer waiting.');
      await db.outbox.put({ ...entry, state: 'pending', attempts: 0, last_error: null, error_code: null });
      return syncThenView();
    },
  };
}

async function currentView(db: SidecarDb): Promise<SyncStateView> {
  const settings = await readWorkspaceSettings();
  let user: SyncStateView['user'] = null;
  if (settings) {
    const { data } = await workspaceClient(settings)
      .auth.getSession()
      .catch(() => ({ data: { session: null } }));
    const sessionUser = data.session?.user;
    if (sessionUser) user = { id: sessionUser.id, email: sessionUser.email ?? null };
  }
  return readSyncView(db, settings?.url ?? null, user, typeof navigator === 'undefined' || navigator.onLine);
}

async function workspaceView(): Promise<WorkspaceView> {
  const settings = await readWorkspaceSettings();
  if (!settings) return { settings: null, source: null, permitted: false };
  const source = await workspaceSettingsSource();
  // A browser without the permissions API (or one that throws on the pattern) counts as not permitted.
  const permitted = await Promise.resolve()
    .then(() => browser.permissions.contains({ origins: [originPattern(settings)] }))
    .catch(() => false);
  return { settings, source, permitted };
}

function notSetUp() {
  return storeError('not-signed-in', 'Set up the workspace first: its URL and key are on the options page.');
}

function ok<T>(value: T): StoreResult<T> {
  return { ok: true, value };
}
