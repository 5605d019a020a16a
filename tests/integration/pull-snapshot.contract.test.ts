import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSnapshotPart } from '@/lib/sync/snapshot-wire';
import { createSidecarDatabase, runSql } from '../support/database';
import { startCluster, type PgCluster } from '../support/postgres-cluster';
import { SEED_CSMS, SEED_ORGANIZATION, signInWithCode } from '../support/sync-workspace';
import { startSupabaseDouble, type SupabaseDouble } from '../support/supabase-double/server';

/**
 * `pull_snapshot` returns `json` (not a table): PostgREST answers such a
 * function with the value itself as the body. The double must do the same
 * for what supabase-js sends, `POST /rest/v1/rpc/pull_snapshot` with the
 * named arguments, and answer a refusal as PostgREST does.
 */
let cluster: PgCluster;
let double: SupabaseDouble;

beforeAll(async () => {
  cluster = await startCluster();
  await createSidecarDatabase(cluster, 'snapshot_contract', { seed: true });
  double = await startSupabaseDouble({ databaseUrl: cluster.url('snapshot_contract') });
}, 60_000);

afterAll(async () => {
  await double?.close();
  await cluster?.stop();
});

describe('pull_snapshot through supabase-js and the double', () => {
  it('answers the part as its JSON body, which decodes to every account of the organization', async () => {
    const supabase = await signInWithCode(double, double.url, SEED_CSMS.marcus.email);
    const { data, error } = await supabase.rpc('pull_snapshot', { organization_id: SEED_ORGANIZATION, first_bucket: 0, last_bucket: 255 });
    expect(error).toBeNull();
    const part = decodeSnapshotPart(data, SEED_ORGANIZATION);
    if (!part.ok) throw new Error(part.message);
    const accounts = await runSql(cluster, 'snapshot_contract', `select count(*) from public.accounts where organization_id = '${SEED_ORGANIZATION}'`);
    expect(part.records.accounts).toHaveLength(Number(accounts.trim()));
    expect(part.records.organizations?.map((o) => o.id)).toEqual([SEED_ORGANIZATION]);
    expect(part.rejected).toEqual([]);
    expect(part.cursor).toMatch(/^\d+:9223372036854775807$/);
  });

  it('answers a refusal with the database’s code and message, as PostgREST does', async () => {
    const supabase = await signInWithCode(double, double.url, SEED_CSMS.elena.email);
    const { data, error, status } = await supabase.rpc('pull_snapshot', { organization_id: SEED_ORGANIZATION, first_bucket: 9, last_bucket: 8 });
    expect(data).toBeNull();
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'SCRNG', message: 'last_bucket must be a bucket between first_bucket and 255.' });
  });
});
