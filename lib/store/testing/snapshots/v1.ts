/**
 * What version 1 of the store wrote: one record of every kind, an outbox
 * entry and the identity, frozen as literal JSON. Never regenerate this from
 * the current schemas: the migration test proves that records written by v1
 * survive every later version unchanged (or as its upgrade says).
 */
const meta = (id: string) => ({
  id,
  organization_id: null,
  created_by: '0b0e4a6e-0000-4000-8000-000000000001',
  created_at: '2026-11-01T09:00:00.000Z',
  updated_at: '2026-11-02T09:30:00.000Z',
});
const source = {
  source_host: 'gmail',
  source_ref: 'thread-f:1812345678901234567',
  source_url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ',
  stakeholder_ids: ['5a000000-0000-4000-8000-000000000001'],
};
const ACCOUNT = 'ac000000-0000-4000-8000-000000000001';
const OPPORTUNITY = '0f000000-0000-4000-8000-000000000001';

export const V1_RECORDS = {
  organizations: [{ ...meta('00000000-0000-4000-8000-0000000000a1'), name: 'Brightpath Software', goal_current_days: 60, insight_shared_days: 120 }],
  organization_domains: [{ ...meta('00000000-0000-4000-8000-0000000000a2'), domain: 'brightpath.example' }],
  members: [
    { ...meta('00000000-0000-4000-8000-0000000000a3'), user_id: '0b0e4a6e-0000-4000-8000-000000000009', email: 'sam@brightpath.example', display_name: 'Sam', role: 'csm' },
  ],
  accounts: [{ ...meta(ACCOUNT), name: 'Acme Corp', owner_id: null, arr: 125000.5, renewal_on: '2027-03-31', notes: 'Two teams live.' }],
  account_domains: [{ ...meta('ad000000-0000-4000-8000-000000000001'), account_id: ACCOUNT, domain: 'acme.example' }],
  account_milestones: [{ ...meta('a1000000-0000-4000-8000-000000000001'), account_id: ACCOUNT, kind: 'first_value', reached_on: '2026-06-15' }],
  stakeholders: [
    {
      ...meta('5a000000-0000-4000-8000-000000000001'),
      account_id: ACCOUNT,
      name: 'Dana Reyes',
      email: 'dana@acme.example',
      title: 'VP Operations',
      roles: ['executive_sponsor', 'budget_owner'],
      position: 'sponsor',
      influence: 'high',
      belief_needed: 'That the second team gains as much as the first.',
      notes: null,
    },
  ],
  opportunities: [
    {
      ...meta(OPPORTUNITY),
      account_id: ACCOUNT,
      title: 'Renewal 2027',
      type: 'renewal',
      source: 'reason_for_purchase',
      declared_stage: 'align',
      status: 'open',
      amount: 125000,
      target_date: '2027-03-01',
      target_date_confirmed_on: null,
      notes: null,
      stage_entered_at: '2026-11-02T09:30:00.000Z',
    },
  ],
  opportunity_stage_changes: [
    { ...meta('5c000000-0000-4000-8000-000000000001'), account_id: ACCOUNT, opportunity_id: OPPORTUNITY, stage: 'align', status: 'open', changed_at: '2026-11-02T09:30:00.000Z' },
  ],
  goals: [{ ...meta('60000000-0000-4000-8000-000000000001'), account_id: ACCOUNT, statement: 'Halve onboarding time', confirmed_current_on: '2026-10-20', ...source }],
  outcomes: [
    {
      ...meta('0c000000-0000-4000-8000-000000000001'),
      account_id: ACCOUNT,
      goal_id: '60000000-0000-4000-8000-000000000001',
      summary: 'Onboarding down from 30 to 18 days',
      remaining: 'Second team',
      ...source,
    },
  ],
  use_cases: [{ ...meta('0e000000-0000-4000-8000-000000000001'), account_id: ACCOUNT, name: 'Ticket triage', status: 'active', description: null, ...source }],
  business_cases: [
    {
      ...meta('bc000000-0000-4000-8000-000000000001'),
      account_id: ACCOUNT,
      opportunity_id: OPPORTUNITY,
      goal_answer: 'Halve onboarding',
      goal_still_current: true,
      progress_answer: '18 days now',
      path_answer: null,
      success_answer: null,
      portable: false,
      ...source,
    },
  ],
  intent_signals: [
    {
      ...meta('15000000-0000-4000-8000-000000000001'),
      account_id: ACCOUNT,
      opportunity_id: OPPORTUNITY,
      kind: 'decision_timing_known',
      occurred_on: '2026-11-01',
      summary: 'Budget set in January',
      next_steps: null,
      has_next_steps_with_owners: false,
      ...source,
    },
  ],
  insights: [
    {
      ...meta('1a000000-0000-4000-8000-000000000001'),
      account_id: ACCOUNT,
      opportunity_id: null,
      kind: 'business_outcome',
      summary: 'Onboarding 40% faster',
      proof: 'Time-to-first-ticket report',
      shared_on: '2026-10-28',
      travels_unedited: true,
      ...source,
    },
  ],
  meetings: [
    { ...meta('3e000000-0000-4000-8000-000000000001'), account_id: ACCOUNT, opportunity_id: OPPORTUNITY, kind: 'alignment_meeting', held_on: '2026-10-30', summary: null, ...source },
  ],
  communication_steps: [
    {
      ...meta('c5000000-0000-4000-8000-000000000001'),
      account_id: ACCOUNT,
      opportunity_id: OPPORTUNITY,
      stakeholder_id: '5a000000-0000-4000-8000-000000000001',
      purpose: 'Preview the renewal plan',
      status: 'planned',
      planned_on: '2026-12-01',
      ...source,
    },
  ],
  close_records: [
    {
      ...meta('c1000000-0000-4000-8000-000000000001'),
      account_id: ACCOUNT,
      opportunity_id: OPPORTUNITY,
      outcome: 'won',
      amount: 130000,
      terms_summary: 'Two years',
      agreement_finalized_on: '2027-02-20',
      close_reasons: ['Onboarding gains', 'Second team'],
      win_summary_sent_on: null,
      advocacy_ask: 'reference',
      advocacy_answer: null,
      next_cycle_goals: ['Third team live'],
      ...source,
    },
  ],
};

export const V1_OUTBOX = [
  {
    id: '0b000000-0000-4000-8000-000000000001',
    seq: 1,
    record_kind: 'accounts',
    record_id: ACCOUNT,
    op: 'upsert',
    payload: V1_RECORDS.accounts[0],
    state: 'failed',
    attempts: 2,
    last_error: 'network unreachable',
    created_at: '2026-11-02T09:30:00.000Z',
  },
];

export const V1_META = [{ key: 'identity', value: { author_id: '0b0e4a6e-0000-4000-8000-000000000001', display_name: 'Sam' } }];
