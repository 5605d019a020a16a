import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRecord, putRecord } from '@/lib/store/records';
import { accountInput, domainInput, stakeholderInput } from '@/lib/store/testing/inputs';
import { openTestDb } from '@/lib/store/testing/test-db';
import { writeWorkspaceLink } from '@/lib/store/workspace-link';
import { SyncEngine } from '@/lib/sync/engine';
import { pullChanges } from '@/lib/sync/pull';
import { pushOutbox } from '@/lib/sync/push';
import { supabaseRemote, type SyncRemote } from '@/lib/sync/remote';
import { readSyncView } from '@/lib/sync/sync-view';
import { createSidecarDatabase } from '../support/database';
import { startCluster, type PgCluster } from '../support/postgres-cluster';
import { SEED_CSMS, SEED_ORGANIZATION, signInWithCode } from '../support/sync-workspace';
import { startSupabaseDouble, type SupabaseDouble } from '../support/supabase-double/server';
import { allStored, storedById } from '../../lib/store/testing/stored';

/** What one CSM's teammate deletes stays deleted, in the workspace and in every store. */
let cluster: PgCluster;
let double: SupabaseDouble;

beforeAll(async () => {
  cluster = await startCluster();
  await createSidecarDatabase(cluster, 'teammate_deletes', { seed: true });
  double = await startSupabaseDouble({ databaseUrl: cluster.url('teammate_deletes') });
}, 60_000);

afterAll(async () => {
  await double?.close();
  await cluster?.stop();
});

async function csm(who: keyof typeof SEED_CSMS) {
  const { email, userId } = SEED_CSMS[who];
  const db = openTestDb(new IDBFactory());
  await writeWorkspaceLink(db, { organization_id: SEED_ORGANIZATION, user_id: userId, email, connected_at: new Date().toISOString(), solo_uploaded_at: null });
  const remote: SyncRemote = supabaseRemote(await signInWithCode(double, double.url, email));
  const engine = new SyncEngine({ db, remote });
  const sync = async () => engine.run({ force: true });
  expect(await sync()).toMatchObject({ ran: true, ok: true });
  return { db, remote, sync, userId };
}

describe('a teammate deletes a record', () => {
  it("a queued edit does not bring it back: the edit fails with the teammate's delete as its reason, and can be discarded", async () => {
    const marcus = await csm('marcus');
    const elena = await csm('elena');
    const account = accountInput({ name: 'Northwind Ferries' });
    const person = stakeholderInput(account.id, { name: 'Ines Duarte', email: 'ines@northwind-ferries.example' });
    expect((await putRecord(marcus.db, 'accounts', account)).ok).toBe(true);
    expect((await putRecord(marcus.db, 'stakeholders', person)).ok).toBe(true);
    expect(await marcus.sync()).toMatchObject({ ok: true, sent: 2 });
    expect(await elena.sync()).toMatchObject({ ok: true });
    const elenasCopy = await storedById(elena.db, 'stakeholders', person.id);
    expect(elenasCopy?.name).toBe('Ines Duarte');

    // Elena edits, offline; meanwhile Marcus deletes the stakeholder.
    expect((await putRecord(elena.db, 'stakeholders', { ...elenasCopy!, title: 'Head of Operations' })).ok).toBe(true);
    expect((await deleteRecord(marcus.db, 'stakeholders', person.id)).ok).toBe(true);
    expect(await marcus.sync()).toMatchObject({ ok: true, sent: 1 });

    expect(await elena.sync()).toMatchObject({ ran: true, ok: true, sent: 0, failed: 1 });
    const view = await readSyncView(elena.db, double.url, { id: elena.userId, email: SEED_CSMS.elena.email }, true);
    expect(view.failed).toEqual([expect.objectContaining({ record_id: person.id, code: 'SCCNF', message: expect.stringContaining('deleted by a teammate') })]);
    expect(await storedById(elena.db, 'stakeholders', person.id)).toBeUndefined();
    expect(await marcus.sync()).toMatchObject({ ok: true });
    expect(await storedById(marcus.db, 'stakeholders', person.id)).toBeUndefined();

    // Discarding the failed edit leaves nothing waiting, and the record stays gone.
    await elena.db.outbox.delete(view.failed[0]!.entry_id);
    expect(await elena.sync()).toMatchObject({ ok: true, sent: 0, failed: 0 });
    expect(await elena.db.outbox.count()).toBe(0);
    expect(await storedById(elena.db, 'stakeholders', person.id)).toBeUndefined();
  });

  it('a domain their manager removed before this store pulled its own upload leaves this store too', async () => {
    const marcus = await csm('marcus');
    const manager = supabaseRemote(await signInWithCode(double, double.url, 'priya.natarajan@brightpath-software.example'));
    const account = accountInput({ name: 'Lakeside Mills' });
    const domain = domainInput(account.id, 'lakeside-mills.example');
    expect((await putRecord(marcus.db, 'accounts', account)).ok).toBe(true);
    expect((await putRecord(marcus.db, 'account_domains', domain)).ok).toBe(true);
    // Marcus uploads, but his pull comes only after the manager's removal.
    expect(await pushOutbox(marcus.db, marcus.remote, { organizationId: SEED_ORGANIZATION })).toMatchObject({ done: true, sent: 2 });
    // The manager saves the account with its domain set emptied (the set
    // replaces the account's domains; each removed one leaves a tombstone).
    const cleared = await manager.call('save_account', { payload: { id: account.id, organization_id: SEED_ORGANIZATION, name: 'Lakeside Mills', domains: [] } });
    expect(cleared.ok).toBe(true);

    expect(await pullChanges(marcus.db, marcus.remote, { organizationId: SEED_ORGANIZATION })).toMatchObject({ done: true });
    expect((await allStored(marcus.db, 'account_domains')).filter((row) => row.account_id === account.id)).toEqual([]);
    expect(await storedById(marcus.db, 'accounts', account.id)).toMatchObject({ name: 'Lakeside Mills' });
  });
});
