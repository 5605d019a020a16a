/**
 * Every version of the store's IndexedDB layout, oldest first. A version is
 * never edited once released: a change adds a new entry (and, when records
 * must be rewritten, an upgrade in db.ts). The migration tests open a
 * database written with each entry and check that the current version keeps
 * every record.
 *
 * Index strings are Dexie's: the primary key first, then indexed fields;
 * `[a+b]` is a compound index. `null` deletes a table of the version before.
 */
export type StoreLayout = Record<string, string | null>;

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
  {
    // The account-scoped kinds leave their tables for 256 large values
    // (account-buckets.ts): Chromium's IndexedDB costs ~300 µs per stored
    // value, so a store of 700,000 one-row values cannot be filled fast
    // (ARCHITECTURE.md, "Sync with the workspace"). `record_index` is derived
    // from the buckets (record-index.ts).
    version: 2,
    stores: {
      organizations: 'id',
      organization_domains: 'id, domain',
      members: 'id, user_id',
      account_buckets: 'bucket',
      record_index: 'bucket',
      accounts: null,
      account_domains: null,
      account_milestones: null,
      stakeholders: null,
      opportunities: null,
      opportunity_stage_changes: null,
      goals: null,
      outcomes: null,
      use_cases: null,
      business_cases: null,
      intent_signals: null,
      insights: null,
      meetings: null,
      communication_steps: null,
      close_records: null,
      outbox: 'id, &seq, record_id, state',
      meta: 'key',
    },
  },
];

export const CURRENT_STORE_VERSION = STORE_LAYOUTS[STORE_LAYOUTS.length - 1]!.version;
