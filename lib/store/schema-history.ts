import type { RecordKind } from '../messaging/record-kinds';

/**
 * Every version of the store's IndexedDB layout, oldest first. A version is
 * never edited once released: a change adds a new entry (and, when records
 * must be rewritten, an upgrade in db.ts). The migration tests open a
 * database written with each entry and check that the current version keeps
 * every record.
 *
 * Index strings are Dexie's: the primary key first, then indexed fields;
 * `[a+b]` is a compound index.
 */
export type StoreLayout = Record<RecordKind | 'outbox' | 'meta', string>;

export const STORE_LAYOUTS: readonly { version: number; stores: StoreLayout }[] = [
  {
    version: 1,
    stores: {
      organizations: 'id',
      organization_domains: 'id, domain',
      members: 'id, user_id',
      accounts: 'id',
      account_domains: 'id, account_id, domain',
      account_milestones: 'id, account_id',
      stakeholders: 'id, account_id, email',
      opportunities: 'id, account_id',
      opportunity_stage_changes: 'id, account_id, opportunity_id',
      goals: 'id, account_id',
      outcomes: 'id, account_id, goal_id',
      use_cases: 'id, account_id',
      business_cases: 'id, account_id, opportunity_id',
      intent_signals: 'id, account_id, opportunity_id',
      insights: 'id, account_id, opportunity_id',
      meetings: 'id, account_id, opportunity_id',
      communication_steps: 'id, account_id, opportunity_id, stakeholder_id',
      close_records: 'id, account_id, opportunity_id',
      outbox: 'id, &seq, record_id, state',
      meta: 'key',
    },
  },
];

export const CURRENT_STORE_VERSION = STORE_LAYOUTS[STORE_LAYOUTS.length - 1]!.version;
