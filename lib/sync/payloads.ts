import type { RecordKind } from '../messaging/record-kinds';
import type { OutboxEntry } from '../schemas/outbox';
import type { RecordOf } from '../schemas/record-kinds';
import type { SidecarDb } from '../store/db';
import { readRecord } from '../store/record-access';
import { RecordSession } from '../store/record-session';

/**
 * From an outbox entry to the write RPC of supabase/API.md that uploads it.
 * A local record is its database row plus stamps the RPCs refuse (each
 * `save_*` rejects unknown fields with `SCPAY`), so each kind keeps only the
 * fields its function reads, as listed in its `expect_fields` call.
 */
export type RpcCall = { fn: string; args: Record<string, unknown> };

/** What an entry turns into: a call, nothing left to send (`obsolete`), or an entry the server can never take. */
export type PlannedUpload =
  | { kind: 'call'; call: RpcCall }
  | { kind: 'obsolete'; reason: string }
  | { kind: 'unsendable'; message: string };

const EVIDENCE = ['id', 'account_id', 'source_host', 'source_ref', 'source_url', 'stakeholder_ids'];

/** The fields each `save_<kind>` accepts (supabase/migrations, `expect_fields`). */
const SAVE_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  accounts: ['id', 'organization_id', 'name', 'owner_id', 'arr', 'renewal_on', 'notes'],
  account_milestones: ['id', 'account_id', 'kind', 'reached_on'],
  stakeholders: ['id', 'account_id', 'name', 'email', 'title', 'roles', 'position', 'influence', 'belief_needed', 'notes'],
  opportunities: ['id', 'account_id', 'title', 'type', 'source', 'declared_stage', 'status', 'amount', 'target_date', 'target_date_confirmed_on', 'notes'],
  goals: [...EVIDENCE, 'statement', 'confirmed_current_on'],
  outcomes: [...EVIDENCE, 'goal_id', 'summary', 'remaining'],
  use_cases: [...EVIDENCE, 'name', 'status', 'description'],
  business_cases: [...EVIDENCE, 'opportunity_id', 'goal_answer', 'goal_still_current', 'progress_answer', 'path_answer', 'success_answer', 'portable'],
  intent_signals: [...EVIDENCE, 'opportunity_id', 'kind', 'occurred_on', 'summary', 'next_steps', 'has_next_steps_with_owners'],
  insights: [...EVIDENCE, 'opportunity_id', 'kind', 'summary', 'proof', 'shared_on', 'travels_unedited'],
  meetings: [...EVIDENCE, 'opportunity_id', 'kind', 'held_on', 'summary'],
  communication_steps: [...EVIDENCE, 'opportunity_id', 'stakeholder_id', 'purpose', 'status', 'planned_on'],
  close_records: [
    ...EVIDENCE,
    'opportunity_id',
    'outcome',
    'amount',
    'terms_summary',
    'agreement_finalized_on',
    'close_reasons',
    'win_summary_sent_on',
    'advocacy_ask',
    'advocacy_answer',
    'next_cycle_goals',
  ],
};

/** The RPC name of a kind's save function: `stakeholders` → `save_stakeholder`. */
const SAVE_FUNCTION: Partial<Record<RecordKind, string>> = {
  accounts: 'save_account',
  account_milestones: 'save_account_milestone',
  stakeholders: 'save_stakeholder',
  opportunities: 'save_opportunity',
  goals: 'save_goal',
  outcomes: 'save_outcome',
  use_cases: 'save_use_case',
  business_cases: 'save_business_case',
  intent_signals: 'save_intent_signal',
  insights: 'save_insight',
  meetings: 'save_meeting',
  communication_steps: 'save_communication_step',
  close_records: 'save_close_record',
};

/** Kinds `delete_record` takes (API.md): everything a CSM writes except the organization's own rows. */
const DELETABLE: ReadonlySet<RecordKind> = new Set([...(Object.keys(SAVE_FUNCTION) as RecordKind[]), 'account_domains']);

/**
 * Plans the upload of one entry. Account domains and organization domains
 * have no save function of their own: the server keeps them as a whole set
 * (`save_account`'s `domains`, `set_organization_domains`), so an added
 * domain sends the set as the store holds it now, with each account
 * domain's local id (`domain_ids`), which the server keeps for a new row.
 * A removed domain goes through `delete_record` with its id; a row the
 * server made under another id (before `domain_ids`, or when our id was
 * taken) replaces the local one when pulled (lib/sync/apply.ts replaces a
 * local row that clashes on a unique field); a domain the server never had
 * is simply absent there, which `delete_record` answers with `false`.
 */
export async function planUpload(db: SidecarDb, entry: OutboxEntry, organizationId: string): Promise<PlannedUpload> {
  const kind = entry.record_kind;
  if (kind === 'account_domains' && entry.op === 'upsert') return planAccountDomains(db, entry);
  if (kind === 'organization_domains') {
    const domains = (await db.table<RecordOf<'organization_domains'>>('organization_domains').toArray()).map((row) => row.domain).sort();
    return { kind: 'call', call: { fn: 'set_organization_domains', args: { payload: { organization_id: organizationId, domains } } } };
  }
  if (kind === 'organizations') {
    if (entry.op === 'delete') return { kind: 'unsendable', message: 'An organization is deleted by its admin in the workspace, not from the panel.' };
    const row = entry.payload ?? {};
    return {
      kind: 'call',
      call: { fn: 'update_organization_settings', args: { payload: pick(row, ['name', 'goal_current_days', 'insight_shared_days', 'stall_threshold_days'], { organization_id: organizationId }) } },
    };
  }
  if (entry.op === 'delete') {
    if (!DELETABLE.has(kind)) return { kind: 'unsendable', message: `${kind} cannot be deleted from the panel.` };
    return { kind: 'call', call: { fn: 'delete_record', args: { payload: { kind, id: entry.record_id } } } };
  }
  const fn = SAVE_FUNCTION[kind];
  const fields = SAVE_FIELDS[kind];
  if (!fn || !fields || !entry.payload) return { kind: 'unsendable', message: `${kind} are written by the workspace, not uploaded.` };
  const payload = pick(entry.payload, fields, kind === 'accounts' ? { organization_id: organizationId } : {});
  return { kind: 'call', call: { fn, args: { payload } } };
}

async function planAccountDomains(db: SidecarDb, entry: OutboxEntry): Promise<PlannedUpload> {
  const accountId = entry.payload?.account_id;
  if (typeof accountId !== 'string') return { kind: 'unsendable', message: 'This domain names no account.' };
  const session = new RecordSession(db);
  const account = await readRecord(session, 'accounts', accountId);
  if (!account) return { kind: 'obsolete', reason: 'the account was deleted locally; its deletion is queued' };
  const rows = session.ofAccount('account_domains', accountId);
  const domains = rows.map((row) => row.domain).sort();
  // The server keeps a new domain under our id, so a teammate's later
  // removal reaches this store as a tombstone of the row it holds.
  const domain_ids = Object.fromEntries(rows.map((row) => [row.domain, row.id]));
  const organizationId = account.organization_id;
  const payload = { ...pick(account as Record<string, unknown>, SAVE_FIELDS.accounts!, {}), organization_id: organizationId, domains, domain_ids };
  return { kind: 'call', call: { fn: 'save_account', args: { payload } } };
}

/** Drops absent fields too: API.md stores absent and `null` alike. */
function pick(row: Record<string, unknown>, fields: readonly string[], extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (row[field] !== undefined) out[field] = row[field];
  return { ...out, ...extra };
}
