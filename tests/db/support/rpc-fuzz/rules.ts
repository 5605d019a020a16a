/**
 * The write functions of supabase/API.md and their documented field rules,
 * as data: what the RPC fuzz test builds payloads from and checks stored
 * rows against. When API.md changes, this table changes with it.
 */

/** What a uuid field must name, for a CSM of organization A (the fixture of tests/db/test-helpers.sql). */
export type Ref = 'organization' | 'account' | 'opportunity' | 'goal' | 'stakeholder' | 'member-user' | 'member' | 'record';

export type Rule =
  | { t: 'uuid'; ref: Ref }
  | { t: 'text'; max: number }
  | { t: 'email' }
  | { t: 'https'; max: number }
  | { t: 'date' }
  | { t: 'number'; min: number; max: number }
  | { t: 'integer'; min: number; max: number }
  | { t: 'bool' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'enumList'; values: readonly string[]; max: number }
  | { t: 'textList'; max: number; maxLength: number }
  | { t: 'uuidList'; ref: Ref; max: number }
  | { t: 'domainList'; max: number };

export interface Field {
  rule: Rule;
  required?: boolean;
  /** Absent or null is stored as this documented default, not as null (`'keep'`: the current value stays). */
  default?: unknown;
  /** The column it is stored in, when not its own name. */
  column?: string;
}

export interface WriteFunction {
  name: string;
  /** The table whose row the call returns (read back by id). */
  table: string;
  /** Who calls it normally: organization A's CSM, or its admin for onboarding. */
  actor: 'csm_a' | 'admin_a';
  fields: Record<string, Field>;
}

const HOSTS = ['gmail', 'outlook', 'google-calendar'] as const;
const MILESTONES = ['purchase_welcome', 'kickoff', 'onboarding_complete', 'first_value', 'value_block', 'insight_shared', 'alignment_meeting', 'renew_grow'];
const ROLES = ['executive_sponsor', 'budget_owner', 'approver', 'influencer', 'steering_committee', 'champion_user', 'end_user', 'procurement', 'legal', 'security', 'finance'];
const MEMBER_ROLES = ['csm', 'manager', 'admin'];
const INTENT_KINDS = [
  'decision_timing_known', 'budget_owner_identified', 'approval_path_mapped', 'timeline_confirmed', 'verbal_commitment',
  'procurement_engaged', 'legal_review', 'security_review', 'exec_conversation_scheduled', 'commercial_partner_engaged',
  'renewal_planning_discussed', 'stakeholder_introduced_procurement', 'budget_reallocated', 'risk_raised', 'other',
];
export const DELETABLE_KINDS = [
  'accounts', 'account_domains', 'account_milestones', 'stakeholders', 'opportunities', 'goals', 'outcomes', 'use_cases',
  'business_cases', 'intent_signals', 'insights', 'meetings', 'communication_steps', 'close_records',
];

const id: Field = { rule: { t: 'uuid', ref: 'record' }, required: true };
const account: Field = { rule: { t: 'uuid', ref: 'account' }, required: true };
const text = (max: number, required = false): Field => ({ rule: { t: 'text', max }, required });
const date = (required = false): Field => ({ rule: { t: 'date' }, required });
const enumOf = (values: readonly string[], required = false, fallback?: string): Field => ({ rule: { t: 'enum', values }, required, default: fallback });
const money: Field = { rule: { t: 'number', min: 0, max: 999999999999 } };
const flag = (fallback?: boolean): Field => ({ rule: { t: 'bool' }, default: fallback });
const opportunity = (required: boolean): Field => ({ rule: { t: 'uuid', ref: 'opportunity' }, required });

/** The fields every evidence kind accepts besides its own. */
const evidence = (own: Record<string, Field>): Record<string, Field> => ({
  id,
  account_id: account,
  source_host: enumOf(HOSTS),
  source_ref: text(500),
  source_url: { rule: { t: 'https', max: 2000 } },
  stakeholder_ids: { rule: { t: 'uuidList', ref: 'stakeholder', max: 50 }, default: [] },
  ...own,
});

export const WRITE_FUNCTIONS: WriteFunction[] = [
  {
    name: 'save_account', table: 'accounts', actor: 'csm_a',
    fields: {
      id, organization_id: { rule: { t: 'uuid', ref: 'organization' }, required: true }, name: text(200, true),
      owner_id: { rule: { t: 'uuid', ref: 'member-user' } }, arr: money, renewal_on: date(), notes: text(5000),
      domains: { rule: { t: 'domainList', max: 20 }, default: 'keep' },
    },
  },
  { name: 'save_account_milestone', table: 'account_milestones', actor: 'csm_a', fields: { id, account_id: account, kind: enumOf(MILESTONES, true), reached_on: date(true) } },
  {
    name: 'save_stakeholder', table: 'stakeholders', actor: 'csm_a',
    fields: {
      id, account_id: account, name: text(200, true), email: { rule: { t: 'email' } }, title: text(200),
      roles: { rule: { t: 'enumList', values: ROLES, max: 11 }, default: [] },
      position: enumOf(['sponsor', 'supporter', 'needs_education', 'detractor', 'unknown'], false, 'unknown'),
      influence: enumOf(['high', 'medium', 'low']), belief_needed: text(2000), notes: text(5000),
    },
  },
  {
    name: 'save_opportunity', table: 'opportunities', actor: 'csm_a',
    fields: {
      id, account_id: account, title: text(200, true),
      type: enumOf(['renewal', 'expansion', 'upsell', 'cross_sell', 'new_team', 'new_use_case'], true),
      source: enumOf(['reason_for_purchase', 'onboarding_gap', 'constraint', 'future_need']),
      declared_stage: enumOf(['identify', 'align', 'advocate', 'intent', 'net_revenue_close'], false, 'identify'),
      status: enumOf(['open', 'won', 'lost'], false, 'open'), amount: money, target_date: date(), target_date_confirmed_on: date(), notes: text(5000),
    },
  },
  { name: 'save_goal', table: 'goals', actor: 'csm_a', fields: evidence({ statement: text(1000, true), confirmed_current_on: date() }) },
  { name: 'save_outcome', table: 'outcomes', actor: 'csm_a', fields: evidence({ goal_id: { rule: { t: 'uuid', ref: 'goal' }, required: true }, summary: text(2000, true), remaining: text(2000) }) },
  { name: 'save_use_case', table: 'use_cases', actor: 'csm_a', fields: evidence({ name: text(200, true), status: enumOf(['active', 'discussed_not_active', 'adjacent_team'], true), description: text(2000) }) },
  {
    name: 'save_business_case', table: 'business_cases', actor: 'csm_a',
    fields: evidence({
      opportunity_id: opportunity(true), goal_answer: text(4000), goal_still_current: flag(), progress_answer: text(4000),
      path_answer: text(4000), success_answer: text(4000), portable: flag(false),
    }),
  },
  {
    name: 'save_intent_signal', table: 'intent_signals', actor: 'csm_a',
    fields: evidence({
      opportunity_id: opportunity(true), kind: enumOf(INTENT_KINDS, true), occurred_on: date(true), summary: text(2000),
      next_steps: text(2000), has_next_steps_with_owners: flag(false),
    }),
  },
  {
    name: 'save_insight', table: 'insights', actor: 'csm_a',
    fields: evidence({
      opportunity_id: opportunity(false),
      kind: enumOf(['adoption_progress', 'operational_improvement', 'business_outcome', 'risk_reduced', 'new_opportunity'], true),
      summary: text(2000, true), proof: text(2000), shared_on: date(), travels_unedited: flag(false),
    }),
  },
  { name: 'save_meeting', table: 'meetings', actor: 'csm_a', fields: evidence({ opportunity_id: opportunity(false), kind: enumOf(['alignment_meeting', 'executive_conversation'], true), held_on: date(true), summary: text(2000) }) },
  {
    name: 'save_communication_step', table: 'communication_steps', actor: 'csm_a',
    fields: evidence({
      opportunity_id: opportunity(false), stakeholder_id: { rule: { t: 'uuid', ref: 'stakeholder' }, required: true }, purpose: text(1000, true),
      status: enumOf(['planned', 'done', 'cancelled'], false, 'planned'), planned_on: date(),
    }),
  },
  {
    name: 'save_close_record', table: 'close_records', actor: 'csm_a',
    fields: evidence({
      opportunity_id: opportunity(true), outcome: enumOf(['won', 'lost'], true), amount: money, terms_summary: text(4000),
      agreement_finalized_on: date(), close_reasons: { rule: { t: 'textList', max: 20, maxLength: 500 }, default: [] },
      win_summary_sent_on: date(), advocacy_ask: enumOf(['quote', 'reference', 'case_study', 'review', 'referral', 'intro_to_team', 'internal_story']),
      advocacy_answer: text(2000), next_cycle_goals: { rule: { t: 'textList', max: 20, maxLength: 500 }, default: [] },
    }),
  },
  { name: 'delete_record', table: '(kind)', actor: 'csm_a', fields: { kind: enumOf(DELETABLE_KINDS, true), id } },
  { name: 'create_organization', table: 'organizations', actor: 'admin_a', fields: { id, name: text(200, true) } },
  {
    name: 'update_organization_settings', table: 'organizations', actor: 'admin_a',
    fields: {
      organization_id: { rule: { t: 'uuid', ref: 'organization' }, required: true, column: 'id' }, name: { ...text(200), default: 'keep' },
      goal_current_days: { rule: { t: 'integer', min: 1, max: 3650 }, default: 'keep' }, insight_shared_days: { rule: { t: 'integer', min: 1, max: 3650 }, default: 'keep' },
    },
  },
  { name: 'set_organization_domains', table: 'organization_domains', actor: 'admin_a', fields: { organization_id: { rule: { t: 'uuid', ref: 'organization' }, required: true }, domains: { rule: { t: 'domainList', max: 50 }, default: [] } } },
  { name: 'invite_member', table: 'invitations', actor: 'admin_a', fields: { id, organization_id: { rule: { t: 'uuid', ref: 'organization' }, required: true }, email: { rule: { t: 'email' }, required: true }, role: enumOf(MEMBER_ROLES, false, 'csm') } },
  { name: 'set_member_role', table: 'members', actor: 'admin_a', fields: { member_id: { rule: { t: 'uuid', ref: 'member' }, required: true, column: 'id' }, role: enumOf(MEMBER_ROLES, true) } },
  { name: 'remove_member', table: 'members', actor: 'admin_a', fields: { member_id: { rule: { t: 'uuid', ref: 'member' }, required: true } } },
];
