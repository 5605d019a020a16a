import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type PgCluster } from '../support/postgres-cluster';
import { runSql, SUPABASE_PRELUDE, runSqlFile } from '../support/database';
import { startSupabaseDouble, type SupabaseDouble } from '../support/supabase-double/server';

/**
 * Contract tests: the real supabase-js, talking to the test double, must see
 * what it would see from a Supabase project. The schema here is the
 * contract's own (a table with row-level security and two functions), so the
 * double is pinned to supabase-js independently of Sidecar's migrations.
 */
const CONTRACT_SCHEMA = `
  create table public.contract_notes (
    id uuid primary key default gen_random_uuid(),
    owner uuid not null default auth.uid(),
    body text not null,
    rank int not null default 0
  );
  alter table public.contract_notes enable row level security;
  create policy "Owners read their own notes" on public.contract_notes for select to authenticated using (owner = (select auth.uid()));
  revoke all on public.contract_notes from anon;
  create function public.contract_add_note(p_body text, p_rank int default 0) returns public.contract_notes
  language plpgsql security definer set search_path = '' as $$
  declare stored public.contract_notes;
  begin
    if char_length(p_body) > 20 then
      raise exception using errcode = 'P0001', message = 'sidecar.too_long: a note is at most 20 characters', detail = 'body', hint = 'Shorten it.';
    end if;
    insert into public.contract_notes (owner, body, rank) values (auth.uid(), p_body, p_rank) returning * into stored;
    return stored;
  end $$;
  revoke execute on function public.contract_add_note(text, int) from public, anon;
  grant execute on function public.contract_add_note(text, int) to authenticated;
  create function public.contract_whoami() returns jsonb language sql stable as $$ select auth.jwt() $$;
`;

let cluster: PgCluster;
let double: SupabaseDouble;

function client(): SupabaseClient {
  return createClient(double.url, double.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, flowType: 'pkce', storage: memoryStorage() },
  });
}

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

async function signIn(email: string): Promise<SupabaseClient> {
  const supabase = client();
  const { error } = await supabase.auth.signInWithOtp({ email });
  expect(error).toBeNull();
  const code = double.auth.sentCodes.get(email)?.at(-1);
  const { data, error: verifyError } = await supabase.auth.verifyOtp({ email, token: code ?? '', type: 'email' });
  expect(verifyError).toBeNull();
  expect(data.session?.access_token).toBeTruthy();
  return supabase;
}

beforeAll(async () => {
  cluster = await startCluster();
  await runSql(cluster, 'postgres', 'create database contract');
  await runSqlFile(cluster, 'contract', SUPABASE_PRELUDE);
  await runSql(cluster, 'contract', CONTRACT_SCHEMA);
  double = await startSupabaseDouble({ databaseUrl: cluster.url('contract'), googleEmail: 'google.user@vendor.example' });
}, 30_000);

afterAll(async () => {
  await double?.close();
  await cluster?.stop();
});

describe('the Supabase test double, as supabase-js sees it', () => {
  it('signs in with an email code, and the user is a real auth.users row', async () => {
    const supabase = await signIn('csm.one@vendor.example');
    const { data } = await supabase.auth.getUser();
    expect(data.user?.email).toBe('csm.one@vendor.example');
    expect(await runSql(cluster, 'contract', `select count(*) from auth.users where email = 'csm.one@vendor.example'`)).toBe('1');
  });

  it('refuses a wrong code with the error auth-js knows', async () => {
    const supabase = client();
    await supabase.auth.signInWithOtp({ email: 'csm.two@vendor.example' });
    const { error } = await supabase.auth.verifyOtp({ email: 'csm.two@vendor.example', token: '000000x', type: 'email' });
    expect(error?.code).toBe('otp_expired');
    expect(error?.status).toBe(403);
  });

  it('runs RPCs as the signed-in user, so row-level security and auth.uid() hold', async () => {
    const alice = await signIn('alice@vendor.example');
    const bob = await signIn('bob@vendor.example');
    const { data: stored, error } = await alice.rpc('contract_add_note', { p_body: 'renewal call', p_rank: 2 });
    expect(error).toBeNull();
    expect(stored).toMatchObject({ body: 'renewal call', rank: 2 });
    const { data: aliceUser } = await alice.auth.getUser();
    expect((stored as { owner: string }).owner).toBe(aliceUser.user?.id);

    const { data: mine } = await alice.from('contract_notes').select('body, rank');
    expect(mine).toEqual([{ body: 'renewal call', rank: 2 }]);
    const { data: theirs } = await bob.from('contract_notes').select('*');
    expect(theirs).toEqual([]);
  });

  it('answers a raised error with PostgREST status and body', async () => {
    const alice = await signIn('alice@vendor.example');
    const { error, status } = await alice.rpc('contract_add_note', { p_body: 'x'.repeat(21) });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'P0001', message: 'sidecar.too_long: a note is at most 20 characters', details: 'body', hint: 'Shorten it.' });
    expect(await runSql(cluster, 'contract', `select count(*) from public.contract_notes where body like 'xxxx%'`)).toBe('0');
  });

  it('refuses anon where the grants say so, with 401', async () => {
    const anon = client();
    const { error, status } = await anon.rpc('contract_add_note', { p_body: 'sneaky' });
    expect(status).toBe(401);
    expect(error?.code).toBe('42501');
    const read = await anon.from('contract_notes').select('*');
    expect(read.status).toBe(401);
  });

  it('applies filters, order, range, count and single as PostgREST does', async () => {
    const carol = await signIn('carol@vendor.example');
    for (const [body, rank] of [['a', 1], ['b', 2], ['c', 3], ['d', 4]] as const) await carol.rpc('contract_add_note', { p_body: body, p_rank: rank });
    const ranged = await carol.from('contract_notes').select('body', { count: 'exact' }).gte('rank', 2).order('rank', { ascending: false }).range(0, 1);
    expect(ranged.data).toEqual([{ body: 'd' }, { body: 'c' }]);
    expect(ranged.count).toBe(3);
    const listed = await carol.from('contract_notes').select('body').in('body', ['a', 'c']).order('body');
    expect(listed.data).toEqual([{ body: 'a' }, { body: 'c' }]);
    const single = await carol.from('contract_notes').select('rank').eq('body', 'b').single();
    expect(single.data).toEqual({ rank: 2 });
    const none = await carol.from('contract_notes').select('rank').eq('body', 'zzz').single();
    expect(none.error?.code).toBe('PGRST116');
    expect(none.status).toBe(406);
  });

  it('refreshes a session once per refresh token, and the new token carries the same user', async () => {
    const dave = await signIn('dave@vendor.example');
    const before = (await dave.auth.getSession()).data.session!;
    const { data, error } = await dave.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(before.refresh_token);
    const claims = (await dave.rpc('contract_whoami')).data as { sub: string; role: string };
    expect(claims).toMatchObject({ sub: before.user.id, role: 'authenticated' });
    const replay = client();
    const reused = await replay.auth.refreshSession({ refresh_token: before.refresh_token });
    expect(reused.error?.code).toBe('refresh_token_not_found');
  });

  it('rejects an expired access token with PostgREST 401', async () => {
    const expiring = await startSupabaseDouble({ databaseUrl: cluster.url('contract'), accessTokenSeconds: -10 });
    try {
      const supabase = createClient(expiring.url, expiring.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
      await supabase.auth.signInWithOtp({ email: 'erin@vendor.example' });
      await supabase.auth.verifyOtp({ email: 'erin@vendor.example', token: expiring.auth.sentCodes.get('erin@vendor.example')?.at(-1) ?? '', type: 'email' });
      const response = await fetch(`${expiring.url}/rest/v1/rpc/contract_whoami`, {
        method: 'POST',
        headers: { apikey: expiring.anonKey, Authorization: `Bearer ${(await supabase.auth.getSession()).data.session?.access_token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'PGRST303', message: 'JWT expired' });
    } finally {
      await expiring.close();
    }
  });

  it('signs in with Google through an authorization code and PKCE', async () => {
    const supabase = client();
    const { data, error } = await supabase.auth.signInWithOAuth({
      provider: 'google',
      options: { redirectTo: 'https://extension-id.chromiumapp.org/auth', skipBrowserRedirect: true },
    });
    expect(error).toBeNull();
    const redirect = await fetch(data.url!, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const code = new URL(redirect.headers.get('location')!).searchParams.get('code');
    const exchanged = await supabase.auth.exchangeCodeForSession(code!);
    expect(exchanged.error).toBeNull();
    expect(exchanged.data.user?.email).toBe('google.user@vendor.example');
  });
});
