import { IDBFactory } from 'fake-indexeddb';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIdentity } from '@/lib/store/identity';
import { putRecord } from '@/lib/store/records';
import { accountInput, domainInput, goalInput, stakeholderInput } from '@/lib/store/testing/inputs';
import { openTestDb } from '@/lib/store/testing/test-db';
import { connectWorkspace } from '@/lib/sync/connect';
import { SyncEngine } from '@/lib/sync/engine';
import { supabaseRemote } from '@/lib/sync/remote';
import { createSidecarDatabase } from '../support/database';
import { startCluster, type PgCluster } from '../support/postgres-cluster';
import { SEED_CSMS, SEED_ORGANIZATION, signInWithCode } from '../support/sync-workspace';
import { startSupabaseDouble, type SupabaseDouble } from '../support/supabase-double/server';
import { allStored, storedById } from '../../lib/store/testing/stored';

/** Acceptance 4 of issue 7: solo records are uploaded once on connecting, and not again. */
let cluster: PgCluster;
let double: SupabaseDouble;
let pool: pg.Pool;

beforeAll(async () => {
  cluster = await startCluster();
  await createSidecarDatabase(cluster, 'solo_team', { seed: true });
  double = await startSupabaseDouble({ databaseUrl: cluster.url('solo_team') });
  pool = new pg.Pool({ connectionString: cluster.url('solo_team'), max: 2 });
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await double?.close();
  await cluster?.stop();
});

describe('solo to team', () => {
  it('uploads what was logged alone once, as the member, and not again on a second connect', async () => {
    const db = openTestDb(new IDBFactory());
    const account = accountInput({ name: 'Solo Harbour Ltd' });
    expect((await putRecord(db, 'accounts', account)).ok).toBe(true);
    expect((await putRecord(db, 'account_domains', domainInput(account.id, 'solo-harbour.example'))).ok).toBe(true);
    const stakeholder = stakeholderInput(account.id, { email: 'ana@solo-harbour.example' });
    expect((await putRecord(db, 'stakeholders', stakeholder)).ok).toBe(true);
    expect((await putRecord(db, 'stakeholders', { ...stakeholder, title: 'COO' })).ok).toBe(true);
    const goal = goalInput(account.id);
    expect((await putRecord(db, 'goals', goal)).ok).toBe(true);
    const localAuthor = (await readIdentity(db))!.author_id;

    const client = await signInWithCode(double, double.url, SEED_CSMS.marcus.email);
    const membership = { organization_id: SEED_ORGANIZATION, user_id: SEED_CSMS.marcus.userId, email: SEED_CSMS.marcus.email };
    expect(await connectWorkspace(db, membership)).toEqual({ queued: 4 });
    const local = await storedById(db, 'stakeholders', stakeholder.id);
    expect(local).toMatchObject({ organization_id: SEED_ORGANIZATION, created_by: SEED_CSMS.marcus.userId, title: 'COO' });
    expect(local?.created_by).not.toBe(localAuthor);

    const engine = new SyncEngine({ db, remote: supabaseRemote(client) });
    expect(await engine.run()).toMatchObject({ ran: true, ok: true, sent: 4, failed: 0 });
    expect(await db.outbox.count()).toBe(0);

    const rows = async () =>
      (
        await pool.query<{ kind: string; id: string; organization_id: string; created_by: string }>(
          `select 'accounts' as kind, id::text, organization_id::text, created_by::text from public.accounts where id = $1
           union all select 'account_domains', domain, organization_id::text, created_by::text from public.account_domains where account_id = $1
           union all select 'stakeholders', id::text, organization_id::text, created_by::text from public.stakeholders where account_id = $1
           union all select 'goals', id::text, organization_id::text, created_by::text from public.goals where account_id = $1 order by 1`,
          [account.id],
        )
      ).rows;
    const uploaded = await rows();
    expect(uploaded.map((row) => row.kind)).toEqual(['account_domains', 'accounts', 'goals', 'stakeholders']);
    expect(uploaded.every((row) => row.organization_id === SEED_ORGANIZATION && row.created_by === SEED_CSMS.marcus.userId)).toBe(true);
    // The pull replaced the local domain's stand-in with the server's row.
    expect((await allStored(db, 'account_domains')).filter((row) => row.account_id === account.id).map((row) => row.domain)).toEqual(['solo-harbour.example']);

    const saveCallsBefore = double.requests.filter((request) => request.includes('/rpc/save_')).length;
    expect(await connectWorkspace(db, membership)).toEqual({ queued: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await engine.run({ force: true })).toMatchObject({ ran: true, ok: true, sent: 0 });
    expect(double.requests.filter((request) => request.includes('/rpc/save_')).length).toBe(saveCallsBefore);
    expect(await rows()).toEqual(uploaded);
  });
});
