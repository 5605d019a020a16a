import { describe, expect, it } from 'vitest';
import { evaluateOpportunity } from '../pipeline/evaluate';
import { AccountFacts, OpportunityFacts } from '../pipeline/facts';
import { prepareFacts } from '../pipeline/prepared-facts';
import { V1_RECORDS } from '../store/testing/snapshots/v1';
import { recordKinds } from '../schemas/record-kinds';
import { deriveAccountFacts, deriveOpportunityFacts, type FactsSource } from './derive-facts';

/** The v1 snapshot parsed with the current schemas: one record of every kind, one account. */
const records = Object.fromEntries(
  Object.entries(V1_RECORDS).map(([kind, list]) => [kind, list.map((r) => recordKinds[kind as keyof typeof recordKinds].schema.parse(r))]),
) as unknown as FactsSource & { opportunities: import('../schemas/opportunity').Opportunity[]; account_milestones: import('../schemas/account').AccountMilestone[] };
const opportunity = records.opportunities[0]!;

describe('deriving the facts of an opportunity from stored records', () => {
  it('produces exactly the facts contract of lib/pipeline, as the database view builds it', () => {
    const facts = deriveOpportunityFacts(opportunity, records);
    expect(OpportunityFacts.parse(facts)).toEqual(facts);
    expect(facts).toEqual({
      opportunity: {
        id: opportunity.id,
        account_id: opportunity.account_id,
        type: 'renewal',
        source: 'reason_for_purchase',
        declared_stage: 'align',
        status: 'open',
        amount: 125000,
        target_date: '2027-03-01',
        target_date_confirmed_on: null,
      },
      goals: [{ id: '60000000-0000-4000-8000-000000000001', confirmed_current_on: '2026-10-20' }],
      outcomes: [{ id: '0c000000-0000-4000-8000-000000000001', goal_id: '60000000-0000-4000-8000-000000000001' }],
      use_cases: [{ id: '0e000000-0000-4000-8000-000000000001', status: 'active' }],
      business_case: {
        id: 'bc000000-0000-4000-8000-000000000001',
        goal_answered: true,
        progress_answered: true,
        path_answered: false,
        success_answered: false,
        portable: false,
      },
      stakeholders: [{ id: '5a000000-0000-4000-8000-000000000001', roles: ['executive_sponsor', 'budget_owner'], position: 'sponsor', influence: 'high' }],
      intent_signals: [{ id: '15000000-0000-4000-8000-000000000001', kind: 'decision_timing_known', occurred_on: '2026-11-01', has_next_steps_with_owners: false }],
      insights: [{ id: '1a000000-0000-4000-8000-000000000001', shared_on: '2026-10-28' }],
      meetings: [{ id: '3e000000-0000-4000-8000-000000000001', kind: 'alignment_meeting', held_on: '2026-10-30' }],
      communication_steps: [{ id: 'c5000000-0000-4000-8000-000000000001', stakeholder_id: '5a000000-0000-4000-8000-000000000001', status: 'planned', planned_on: '2026-12-01' }],
      close_record: {
        id: 'c1000000-0000-4000-8000-000000000001',
        agreement_finalized_on: '2027-02-20',
        close_reason_count: 2,
        win_summary_sent_on: null,
        advocacy_ask: 'reference',
        next_cycle_goal_count: 1,
      },
    });
    // The rules accept it as it is.
    expect(evaluateOpportunity(prepareFacts(facts), { now: '2026-11-22' }).evidenceStage).toBe('align');
  });

  it("leaves out other accounts' records and other opportunities' business case, signals and close", () => {
    const otherAccount = '99000000-0000-4000-8000-000000000001';
    const otherOpportunity = '98000000-0000-4000-8000-000000000001';
    const mixed: FactsSource = {
      ...records,
      goals: [...records.goals, { ...records.goals[0]!, id: '61000000-0000-4000-8000-000000000001', account_id: otherAccount }],
      business_cases: [{ ...records.business_cases[0]!, opportunity_id: otherOpportunity }],
      intent_signals: [{ ...records.intent_signals[0]!, opportunity_id: otherOpportunity }],
      close_records: [],
    };
    const facts = deriveOpportunityFacts(opportunity, mixed);
    expect(facts.goals.map((g) => g.id)).toEqual(['60000000-0000-4000-8000-000000000001']);
    expect(facts.business_case).toBeNull();
    expect(facts.intent_signals).toEqual([]);
    expect(facts.close_record).toBeNull();
  });

  it('counts an answer as given only when it holds more than blanks, as the database view does', () => {
    const businessCase = { ...records.business_cases[0]!, goal_answer: '   ', progress_answer: '\n\t ', path_answer: '  x ', success_answer: null };
    const facts = deriveOpportunityFacts(opportunity, { ...records, business_cases: [businessCase] });
    expect(facts.business_case).toMatchObject({ goal_answered: false, progress_answered: false, path_answered: true, success_answered: false });
  });

  it("builds the account summary's input with milestones and every opportunity", () => {
    const facts = deriveAccountFacts(opportunity.account_id, records.opportunities, records.account_milestones, records);
    expect(AccountFacts.parse(facts)).toEqual(facts);
    expect(facts.account.milestones).toEqual([{ kind: 'first_value', reached_on: '2026-06-15' }]);
    expect(facts.opportunities).toHaveLength(1);
  });
});
