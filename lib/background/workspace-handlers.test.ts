import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askStore } from '../messaging/ask-store';
import { createRouterStats, type RouterStats } from '../messaging/router';
import type { SidecarDb } from '../store/db';
import { accountInput } from '../store/testing/inputs';
import { openTestDb } from '../store/testing/test-db';
import { writeWorkspaceLink } from '../store/workspace-link';
import { readWorkspaceSettings } from '../sync/workspace-settings';
import { createBackgroundListener } from './message-handlers';
import { countStored, storedById } from '../store/testing/stored';

const EXTENSION = 'chrome-extension://test-extension-id/';
const options = { id: 'test-extension-id', url: `${EXTENSION}options.html` };
const gmailContentScript = { id: 'test-extension-id', url: 'https://mail.google.com/mail/u/0/', tab: { id: 7 }, frameId: 0 };

let db: SidecarDb;
let stats: RouterStats;
let sender: object;

beforeEach(() => {
  fakeBrowser.reset();
  db = openTestDb();
  stats = createRouterStats();
  sender = options;
  // No sync after writes here: these tests have no workspace to reach.
  const listener = createBackgroundListener({ store: () => db, stats, afterWrite: () => undefined });
  fakeBrowser.runtime.onMessage.addListener((message, _ignored, respond) => listener(message, sender as never, respond));
});

/** A record written through the protocol, and its upload marked refused by the server, as push.ts does. */
async function refusedWrite() {
  const account = accountInput({ name: 'Refused Ltd' });
  expect(await askStore({ type: 'store.put', kind: 'accounts', record: account })).toMatchObject({ ok: true });
  const entry = (await db.outbox.toArray())[0]!;
  await db.outbox.put({ ...entry, state: 'failed', attempts: 1, last_error: 'You are no longer a member of this organization.', error_code: 'SCAUT' });
  return { account, entry };
}

describe('workspace messages', () => {
  it('refuses a workspace URL that is not https with a sentence, and keeps nothing', async () => {
    const answer = await askStore({ type: 'workspace.save', url: 'http://abcd.supabase.co', anon_key: 'k'.repeat(40) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('https://') } });
    expect(await readWorkspaceSettings()).toBeNull();
  });

  it('saves a workspace as its origin and answers whether the browser lets Sidecar reach it', async () => {
    const answer = await askStore({ type: 'workspace.save', url: ' https://abcd.supabase.co/some/path ', anon_key: 'k'.repeat(40) });
    expect(answer).toMatchObject({ ok: true, value: { settings: { url: 'https://abcd.supabase.co' }, source: 'saved' } });
    expect(await askStore({ type: 'workspace.get' })).toMatchObject({ ok: true, value: { settings: { url: 'https://abcd.supabase.co' } } });
  });

  it('does not answer the host page’s content script, which must never learn who is signed in', async () => {
    sender = gmailContentScript;
    await expect(askStore({ type: 'sync.state' })).rejects.toThrow();
    expect(stats.dropped['wrong-sender']).toBe(1);
  });

  it('shows solo mode with the writes waiting when no workspace is set up', async () => {
    await askStore({ type: 'store.put', kind: 'accounts', record: accountInput() });
    expect(await askStore({ type: 'sync.state' })).toMatchObject({ ok: true, value: { workspace_url: null, user: null, organization: null, waiting: 1, failed: [] } });
  });

  it('lists a refused write with the server’s message; Discard drops the upload and keeps the record here', async () => {
    const { account, entry } = await refusedWrite();
    expect(await askStore({ type: 'sync.state' })).toMatchObject({
      ok: true,
      value: { waiting: 1, failed: [{ entry_id: entry.id, label: 'Refused Ltd', message: 'You are no longer a member of this organization.', code: 'SCAUT' }] },
    });
    expect(await askStore({ type: 'sync.discard-failed', entry_id: entry.id })).toMatchObject({ ok: true, value: { waiting: 0, failed: [] } });
    expect(await storedById(db, 'accounts', account.id)).toMatchObject({ name: 'Refused Ltd' });
    expect(await askStore({ type: 'sync.discard-failed', entry_id: entry.id })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('Retry puts a refused write back in line', async () => {
    const { entry } = await refusedWrite();
    expect(await askStore({ type: 'sync.retry-failed', entry_id: entry.id })).toMatchObject({ ok: true, value: { waiting: 1, failed: [] } });
    expect(await db.outbox.get(entry.id)).toMatchObject({ state: 'pending', last_error: null });
  });

  it('sign-out first says how many writes would be lost, and clears the workspace’s data only when confirmed', async () => {
    await askStore({ type: 'store.put', kind: 'accounts', record: accountInput() });
    await askStore({ type: 'store.put', kind: 'accounts', record: accountInput({ name: 'Second' }) });
    await writeWorkspaceLink(db, { organization_id: crypto.randomUUID(), user_id: crypto.randomUUID(), email: 'dana@example.com', connected_at: new Date().toISOString(), solo_uploaded_at: null });
    expect(await askStore({ type: 'auth.sign-out', confirm: false })).toEqual({ ok: true, value: { signed_out: false, unsynced: 2 } });
    expect(await countStored(db, 'accounts')).toBe(2);
    expect(await askStore({ type: 'auth.sign-out', confirm: true })).toEqual({ ok: true, value: { signed_out: true, discarded: 2 } });
    expect(await countStored(db, 'accounts')).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('asks for a workspace before sending a code, and checks the address', async () => {
    expect(await askStore({ type: 'auth.send-code', email: 'dana@example.com' })).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    await askStore({ type: 'workspace.save', url: 'https://abcd.supabase.co', anon_key: 'k'.repeat(40) });
    expect(await askStore({ type: 'auth.send-code', email: 'not an address' })).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ path: 'email' }] } });
    expect(await askStore({ type: 'auth.verify-code', email: 'dana@example.com', code: 'abc' })).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ path: 'code' }] } });
  });
});
