/**
 * The kinds of record the local store keeps: each is the name of its table in
 * the team's Supabase project (supabase/migrations), so one word means the
 * same thing in the store, the outbox, the sync and the database.
 *
 * Plain names only, no schemas: content scripts import the message protocol,
 * which names these kinds, and must not carry the record schemas
 * (lib/schemas holds those, for the background and the extension pages).
 *
 * `deleted_records` (the server's tombstones) is not a local kind: a local
 * deletion is an outbox entry with `op: 'delete'`, and the sync applies the
 * server's tombstones by deleting local rows.
 */
export const RECORD_KINDS = [
  'organizations',
  'organization_domains',
  'members',
  'accounts',
  'account_domains',
  'account_milestones',
  'stakeholders',
  'opportunities',
  'opportunity_stage_changes',
  'goals',
  'outcomes',
  'use_cases',
  'business_cases',
  'intent_signals',
  'insights',
  'meetings',
  'communication_steps',
  'close_records',
] as const;

export type RecordKind = (typeof RECORD_KINDS)[number];

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}
