import { deriveAccountFacts, deriveOpportunityFacts, type FactsSource } from '../facts/derive-facts';
import type { AccountFacts, OpportunityFacts } from '../pipeline/facts';
import type { Account, AccountDomain, AccountMilestone } from '../schemas/account';
import type { Opportunity, OpportunityStageChange } from '../schemas/opportunity';
import type { Organization } from '../schemas/organization';
import type { SidecarDb } from './db';
import type { RecognitionInput } from '../recognition/input';
import { readCachedRecognitionRows, readRecognitionRows, readRecognitionVersion } from './recognition-cache';
import { ACCOUNT_KINDS, recordsOf, type AccountEntry } from './account-buckets';
import { RecordSession } from './record-session';
import { readAllRecords, readRecord } from './record-access';

/**
 * What the panel and the dashboard read, answered from the local store alone
 * (no server round trip per thread).
 */

/**
 * The recognition index's input: every account with its domains, every
 * stakeholder with an address, and the organization's own domains, each row
 * with the keys the index files it under. The database has no account
 * aliases yet, so `aliases` is empty.
 */
export type { RecognitionInput };

export async function readRecognitionInput(db: SidecarDb): Promise<RecognitionInput> {
  return (await readVersionedRecognitionInput(db)).input;
}

/**
 * The input with the cache version it was read at (one transaction), so a
 * caller can keep an index built from it until the version changes.
 */
export async function readVersionedRecognitionInput(db: SidecarDb): Promise<{ version: string | null; input: RecognitionInput }> {
  const withVersion = async (input: RecognitionInput | null) => input && { input, version: await readRecognitionVersion(db) };
  const read =
    (await db.transaction('r', db.meta, async () => withVersion(await readCachedRecognitionRows(db)))) ??
    // The first read on a new store, or after an import, builds the cache.
    (await db.transaction('rw', [...db.recordTables, db.meta], async () => withVersion(await readRecognitionRows(db))));
  return { version: read!.version, input: read!.input };
}

/** The version the cached input is at, without reading it (`null`: not built). */
export async function recognitionInputVersion(db: SidecarDb): Promise<string | null> {
  return db.transaction('r', db.meta, () => readRecognitionVersion(db));
}

/** Everything recorded about one account, each list in the order it was written. */
export interface AccountDetail extends FactsSource {
  account: Account;
  domains: AccountDomain[];
  milestones: AccountMilestone[];
  opportunities: Opportunity[];
  stage_changes: OpportunityStageChange[];
  /** The stage rules' input for this account: its summary and each opportunity's facts. */
  facts: AccountFacts;
}

/** Everything filed under an account besides its own record. */
const ACCOUNT_LISTS = ACCOUNT_KINDS.filter((kind) => kind !== 'accounts');

export async function readAccountDetail(db: SidecarDb, accountId: string): Promise<AccountDetail | null> {
  return db.transaction('r', db.recordTables, async () => {
    const session = new RecordSession(db);
    await session.prepare([], [accountId]);
    return detailOf(accountId, session.entry(accountId));
  });
}

function detailOf(accountId: string, entry: AccountEntry | undefined): AccountDetail | null {
  const account = recordsOf(entry, 'accounts')[0] as Account | undefined;
  if (!account) return null;
  const byKind = Object.fromEntries(ACCOUNT_LISTS.map((kind) => [kind, byCreation(recordsOf(entry, kind) as { created_at: string; id: string }[])]));
  const source = byKind as unknown as FactsSource;
  const opportunities = byKind.opportunities as Opportunity[];
  const milestones = byKind.account_milestones as AccountMilestone[];
  return {
    ...source,
    account,
    domains: byKind.account_domains as AccountDomain[],
    milestones,
    opportunities,
    stage_changes: byKind.opportunity_stage_changes as OpportunityStageChange[],
    facts: deriveAccountFacts(accountId, opportunities, milestones, source),
  };
}

/** The facts of one opportunity, as lib/pipeline evaluates them; `null` when there is no such opportunity. */
export async function readOpportunityFacts(db: SidecarDb, opportunityId: string): Promise<OpportunityFacts | null> {
  return db.transaction('r', db.recordTables, async () => {
    const session = new RecordSession(db);
    const opportunity = await readRecord(session, 'opportunities', opportunityId);
    if (!opportunity) return null;
    const detail = detailOf(opportunity.account_id, session.entry(opportunity.account_id));
    if (!detail) return null;
    return deriveOpportunityFacts(opportunity, detail);
  });
}

/** The dashboard's lists: accounts with their headline figures, and every opportunity with its facts. */
export interface DashboardLists {
  organization: Organization | null;
  accounts: (Pick<Account, 'id' | 'name' | 'owner_id' | 'arr' | 'renewal_on'> & { open_opportunities: number; stakeholders: number })[];
  opportunities: { opportunity: Opportunity; account_name: string; facts: OpportunityFacts }[];
}

export async function readDashboardLists(db: SidecarDb): Promise<DashboardLists> {
  return db.transaction('r', db.recordTables, async () => {
    const session = new RecordSession(db);
    const organizations = await readAllRecords(session, 'organizations');
    await session.loadAll();
    const entries = session.entries();
    const perAccount = new Map<string, FactsSource>();
    const accounts: Account[] = [];
    const opportunities: Opportunity[] = [];
    for (const [account, entry] of entries) {
      accounts.push(...(recordsOf(entry, 'accounts') as Account[]));
      opportunities.push(...(recordsOf(entry, 'opportunities') as Opportunity[]));
      const source = emptySource();
      for (const kind of FACT_KINDS) (source[kind] as unknown[]).push(...recordsOf(entry, kind));
      perAccount.set(account, source);
    }
    accounts.sort(byId);
    opportunities.sort(byId);
    const names = new Map(accounts.map((a) => [a.id, a.name]));
    const openCount = countBy(opportunities.filter((o) => o.status === 'open'), (o) => o.account_id);
    return {
      organization: organizations[0] ?? null,
      accounts: byName(accounts).map((a) => ({
        id: a.id,
        name: a.name,
        owner_id: a.owner_id,
        arr: a.arr,
        renewal_on: a.renewal_on,
        open_opportunities: openCount.get(a.id) ?? 0,
        stakeholders: perAccount.get(a.id)?.stakeholders.length ?? 0,
      })),
      opportunities: byCreation(opportunities).map((opportunity) => ({
        opportunity,
        account_name: names.get(opportunity.account_id) ?? '',
        facts: deriveOpportunityFacts(opportunity, perAccount.get(opportunity.account_id) ?? emptySource()),
      })),
    };
  });
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const FACT_KINDS = [
  'goals',
  'outcomes',
  'use_cases',
  'business_cases',
  'stakeholders',
  'intent_signals',
  'insights',
  'meetings',
  'communication_steps',
  'close_records',
] as const satisfies readonly (keyof FactsSource)[];

function emptySource(): FactsSource {
  return Object.fromEntries(FACT_KINDS.map((kind) => [kind, []])) as unknown as FactsSource;
}

function byCreation<T extends { created_at: string; id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
}

function byName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
