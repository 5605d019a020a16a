import type { z } from 'zod';
import { RECORD_KINDS, type RecordKind } from '../messaging/record-kinds';
import { Account, AccountDomain, AccountMilestone } from './account';
import { BusinessCase, Goal, Outcome, UseCase } from './alignment';
import { CloseRecord, IntentSignal } from './decision';
import { CommunicationStep, Insight, Meeting } from './engagement';
import { Opportunity, OpportunityStageChange } from './opportunity';
import { Member, Organization, OrganizationDomain } from './organization';
import { Stakeholder } from './stakeholder';

export { RECORD_KINDS, type RecordKind };

/**
 * What the store must know about each kind of record, in one table:
 * - `schema`: the record, validated before it is stored or imported;
 * - `references`: fields naming another record (the database's foreign keys).
 *   A write naming a record that does not exist is refused, and deleting a
 *   record deletes what references it, as `on delete cascade` does;
 * - `unique`: field sets no two records may share (the database's unique
 *   constraints; a set with a `null` field never clashes);
 * - `writable`: whether the panel may write it. Members come from the
 *   workspace; the stage history is appended by the store itself.
 */
export interface RecordKindSpec {
  schema: z.ZodObject;
  references: Readonly<Record<string, RecordKind>>;
  unique: readonly (readonly string[])[];
  writable: boolean;
}

export const recordKinds = {
  organizations: { schema: Organization, references: {}, unique: [], writable: true },
  organization_domains: { schema: OrganizationDomain, references: {}, unique: [['domain']], writable: true },
  members: { schema: Member, references: {}, unique: [['user_id']], writable: false },
  accounts: { schema: Account, references: {}, unique: [], writable: true },
  account_domains: { schema: AccountDomain, references: { account_id: 'accounts' }, unique: [['domain']], writable: true },
  account_milestones: {
    schema: AccountMilestone,
    references: { account_id: 'accounts' },
    unique: [['account_id', 'kind']],
    writable: true,
  },
  stakeholders: { schema: Stakeholder, references: { account_id: 'accounts' }, unique: [['account_id', 'email']], writable: true },
  opportunities: { schema: Opportunity, references: { account_id: 'accounts' }, unique: [], writable: true },
  opportunity_stage_changes: {
    schema: OpportunityStageChange,
    references: { account_id: 'accounts', opportunity_id: 'opportunities' },
    unique: [],
    writable: false,
  },
  goals: { schema: Goal, references: { account_id: 'accounts' }, unique: [], writable: true },
  outcomes: { schema: Outcome, references: { account_id: 'accounts', goal_id: 'goals' }, unique: [], writable: true },
  use_cases: { schema: UseCase, references: { account_id: 'accounts' }, unique: [], writable: true },
  business_cases: {
    schema: BusinessCase,
    references: { account_id: 'accounts', opportunity_id: 'opportunities' },
    unique: [['opportunity_id']],
    writable: true,
  },
  intent_signals: {
    schema: IntentSignal,
    references: { account_id: 'accounts', opportunity_id: 'opportunities' },
    unique: [],
    writable: true,
  },
  insights: { schema: Insight, references: { account_id: 'accounts', opportunity_id: 'opportunities' }, unique: [], writable: true },
  meetings: { schema: Meeting, references: { account_id: 'accounts', opportunity_id: 'opportunities' }, unique: [], writable: true },
  communication_steps: {
    schema: CommunicationStep,
    references: { account_id: 'accounts', opportunity_id: 'opportunities', stakeholder_id: 'stakeholders' },
    unique: [],
    writable: true,
  },
  close_records: {
    schema: CloseRecord,
    references: { account_id: 'accounts', opportunity_id: 'opportunities' },
    unique: [['opportunity_id']],
    writable: true,
  },
} as const satisfies Record<RecordKind, RecordKindSpec>;

/** The stored shape of each kind. */
export type RecordOf<K extends RecordKind> = z.infer<(typeof recordKinds)[K]['schema']>;
/** What a writer may pass: defaults (nulls, `[]`, `false`) may be left out. */
export type RecordInputOf<K extends RecordKind> = z.input<(typeof recordKinds)[K]['schema']>;
export type AnyRecord = RecordOf<RecordKind>;

export function specOf(kind: RecordKind): RecordKindSpec {
  return recordKinds[kind];
}

/** The kinds that reference `kind`, with the referencing field: what a deletion of `kind` cascades to. */
export function dependentsOf(kind: RecordKind): { kind: RecordKind; field: string }[] {
  return RECORD_KINDS.flatMap((other) =>
    Object.entries(specOf(other).references)
      .filter(([, target]) => target === kind)
      .map(([field]) => ({ kind: other, field })),
  );
}
