import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountFactsRow } from '@/lib/dashboard-data/account-facts';
import { decodeAccountFactsPage } from '@/lib/dashboard-data/decode-page';
import { fetchDashboardPages, WorkspaceReadError, type WorkspaceEndpoint } from '@/lib/dashboard-data/fetch-workspace';
import { namedRouteEntry } from '@/lib/dashboard-data/testing/named-route';
import { syntheticIds, syntheticOrganizationSql } from '../../bench/supabase-scale-data';
import { createSidecarDatabase } from '../support/database';
import { startCluster, type PgCluster } from '../support/postgres-cluster';
import { startSupabaseDouble, type SupabaseDouble } from '../support/supabase-double/server';

/**
 * The dashboard's read of a workspace (lib/dashboard-data/fetch-workspace.ts)
 * against PostgreSQL behind the Supabase double, as a CSM of a 300-account
 * organization: the facts read by ranges of their key must give every row
 * once, in key order, whether the server caps its answers or not, and every
 * other table all its rows.
 */
const ACCOUNTS = 300;
const ORGANIZATION = syntheticIds.organization;

let cluster: PgCluster;
let superuser: pg.Client;
let uncapped: SupabaseDouble;
/** A project whose "Max rows" is 40: every facts range below is cut, every other table paged. */
let capped: SupabaseDouble;

beforeAll(async () => {
  cluster = await startCluster();
  await createSidecarDatabase(cluster, 'dashboard_fetch', { seed: false });
  superuser = new pg.Client({ connectionString: cluster.url('dashboard_fetch') });
  await superuser.connect();
  await superuser.query(syntheticOrganizationSql(ACCOUNTS));
  uncapped = await startSupabaseDouble({ databaseUrl: cluster.url('dashboard_fetch') });
  capped = await startSupabaseDouble({ databaseUrl: cluster.url('dashboard_fetch'), maxRows: 40 });
});

afterAll(async () => {
  await superuser?.end();
  await uncapped?.close();
  await capped?.close();
  await cluster?.stop();
});

async function endpointAs(double: SupabaseDouble, email: string, fetchFn?: typeof fetch): Promise<WorkspaceEndpoint> {
  double.auth.requestEmailCode(email);
  const session = await double.auth.verifyEmailCode(email, double.auth.sentCodes.get(email)!.at(-1)!);
  return { url: double.url, anonKey: double.anonKey, accessToken: session.access_token, ...(fetchFn ? { fetch: fetchFn } : {}) };
}

/** Each page as `onPage` saw it, and the pages answered. */
async function readAll(endpoint: WorkspaceEndpoint, factsRangeRows?: number) {
  const seen: { table: string; page: number; offset: number; rows: unknown[] }[] = [];
  const pages = await fetchDashboardPages(endpoint, ORGANIZATION, '2000-01-01', {
    ...(factsRangeRows ? { factsRangeRows } : {}),
    onPage: (table, page, offset, text) => seen.push({ table, page, offset, rows: JSON.parse(text) as unknown[] }),
  });
  return { seen, pages };
}

const rowsOf = (pages: string[] | undefined) => (pages ?? []).flatMap((text) => JSON.parse(text) as unknown[]);

async function expectedFacts(): Promise<unknown[]> {
  const { rows } = await superuser.query<{ facts: unknown }>('select facts from public.dashboard_account_facts where organization_id = $1 order by account_id', [ORGANIZATION]);
  return rows.map((r) => ({ facts: r.facts }));
}

/** A table's pages as `onPage` handed them on: numbered 0, 1, … in that order, each offset the rows before it. */
function expectPagesInOrder(seen: { table: string; page: number; offset: number; rows: unknown[] }[], table: string) {
  const ofTable = seen.filter((s) => s.table === table);
  let rows = 0;
  ofTable.forEach((s, i) => {
    expect(s.page).toBe(i);
    expect(s.offset).toBe(rows);
    rows += s.rows.length;
  });
  return ofTable.length;
}

describe('the dashboard read of a workspace', () => {
  it('reads every account facts row once, in key order, by ranges of the key, and every other table whole', async () => {
    const { seen, pages } = await readAll(await endpointAs(uncapped, 'csm1@vendor.example'), 25);
    expect(rowsOf(pages.account_facts)).toEqual(await expectedFacts());
    // 300 accounts in ranges of about 25: about 12 pages, handed on in key order.
    expect(expectPagesInOrder(seen, 'account_facts')).toBe(12);
    expect(rowsOf(pages.accounts)).toHaveLength(ACCOUNTS);
    expect(rowsOf(pages.titles)).toHaveLength(2 * ACCOUNTS);
    const { rows: members } = await superuser.query<{ n: number }>('select count(*)::int as n from public.members where organization_id = $1', [ORGANIZATION]);
    expect(rowsOf(pages.members)).toHaveLength(members[0]!.n);
  });

  it("decodes the pages as prepareFacts reads the same accounts' named facts (account_facts), ids left out", async () => {
    const { pages } = await readAll(await endpointAs(uncapped, 'csm4@vendor.example'), 100);
    const decoded = (pages.account_facts ?? []).flatMap((text, i) => {
      const page = decodeAccountFactsPage(text, i);
      if (!page.ok) throw new Error(page.message);
      return page.rows;
    });
    const { rows } = await superuser.query<{ facts: unknown }>('select facts from public.account_facts where organization_id = $1 order by account_id', [ORGANIZATION]);
    expect(decoded).toHaveLength(ACCOUNTS);
    expect(decoded).toEqual(rows.map((r) => namedRouteEntry(AccountFactsRow.parse(r.facts))));
  });

  it('pages each range further where the server caps its answers, and still gives every row once in order', async () => {
    const { seen, pages } = await readAll(await endpointAs(capped, 'csm2@vendor.example'), 100);
    expect(rowsOf(pages.account_facts)).toEqual(await expectedFacts());
    // 3 ranges of about 100 accounts, each cut at 40 rows: 3 pages a range.
    expect(expectPagesInOrder(seen, 'account_facts')).toBe(9);
    const { rows: accountIds } = await superuser.query<{ id: string }>('select id from public.accounts where organization_id = $1 order by id', [ORGANIZATION]);
    expect(rowsOf(pages.accounts).map((a) => (a as { id: string }).id)).toEqual(accountIds.map((a) => a.id));
    expect(expectPagesInOrder(seen, 'accounts')).toBe(Math.ceil(ACCOUNTS / 40));
    expect(rowsOf(pages.stage_changes)).toHaveLength(2 * ACCOUNTS);
  });

  it('reads one page of facts for a small organization with the default range size', async () => {
    const { seen, pages } = await readAll(await endpointAs(uncapped, 'csm3@vendor.example'));
    expect(rowsOf(pages.account_facts)).toEqual(await expectedFacts());
    expect(expectPagesInOrder(seen, 'account_facts')).toBe(1);
  });

  it('gives someone of no organization nothing, as the policies say', async () => {
    const { pages } = await readAll(await endpointAs(uncapped, 'stranger@elsewhere.example'), 25);
    expect(rowsOf(pages.account_facts)).toEqual([]);
    expect(rowsOf(pages.accounts)).toEqual([]);
    expect(rowsOf(pages.organization)).toEqual([]);
  });

  it("stops with the server's refusal, and asks nothing more once one request failed", async () => {
    let asked = 0;
    let refusedAt = Infinity;
    const failing: typeof fetch = async (input, init) => {
      asked += 1;
      const url = String(input);
      if (url.includes('account_id=gte.') && refusedAt === Infinity) {
        refusedAt = asked;
        return new Response('{"message":"boom"}', { status: 503 });
      }
      return fetch(input, init);
    };
    const endpoint = await endpointAs(uncapped, 'csm4@vendor.example', failing);
    await expect(fetchDashboardPages(endpoint, ORGANIZATION, '2000-01-01', { factsRangeRows: 10, inFlight: 2 })).rejects.toThrow(WorkspaceReadError);
    // 30 ranges were due; after the refusal, only requests already in flight ended.
    expect(asked).toBeLessThanOrEqual(refusedAt + 1);
  });
});
