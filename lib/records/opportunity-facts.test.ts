import { describe, expect, it } from 'vitest';
import { deriveOpportunityFacts } from './opportunity-facts';
import type { PipelineRecords } from './rows';

const ACCOUNT = '00000000-0000-4000-8000-0000000000a1';
const OTHER_ACCOUNT = '00000000-0000-4000-8000-0000000000a2';
const OPP = '00000000-0000-4000-8000-0000000000b1';
const OTHER_OPP = '00000000-0000-4000-8000-0000000000b2';

function opportunity(id: string, accountId: string) {
  return {
    id, account_id: accountId, type: 'renewal' as const, source: null, declared_stage: 'align' as const, status: 'open' as const,
    amount: 1200, target_date: null, target_date_confirmed_on: null,
  };
}

function records(patch: Partial<PipelineRecords>): PipelineRecords {
  return {
    opportunities: [opportunity(OPP, ACCOUNT), opportunity(OTHER_OPP, OTHER_ACCOUNT)],
    goals: [], outcomes: [], use_cases: [], business_cases: [], stakeholders: [], intent_signals: [],
    insights: [], meetings: [], communication_steps: [], close_records: [],
    ...patch,
  };
}

const factsOf = (set: PipelineRecords, id: string) => deriveOpportunityFacts(set).find((f) => f.opportunity.id === id)!;

describe('deriveOpportunityFacts', () => {
  it('gives each opportunity its own account’s goals and nobody else’s', () => {
    const set = records({ goals: [{ id: '00000000-0000-4000-8000-0000000000c1', account_id: OTHER_ACCOUNT, confirmed_current_on: '2026-11-01' }] });
    expect(factsOf(set, OPP).goals).toEqual([]);
    expect(factsOf(set, OTHER_OPP).goals).toHaveLength(1);
  });

  it('keeps intent signals with their opportunity, not the whole account', () => {
    const sibling = opportunity('00000000-0000-4000-8000-0000000000b3', ACCOUNT);
    const signal = { id: '00000000-0000-4000-8000-0000000000d1', account_id: ACCOUNT, opportunity_id: sibling.id, kind: 'timeline_confirmed' as const, occurred_on: '2026-11-02', has_next_steps_with_owners: false };
    const set = records({ opportunities: [opportunity(OPP, ACCOUNT), sibling], intent_signals: [signal] });
    expect(factsOf(set, OPP).intent_signals).toEqual([]);
    expect(factsOf(set, sibling.id).intent_signals.map((s) => s.id)).toEqual([signal.id]);
  });

  it('counts a business case answer only when it has more than ASCII whitespace', () => {
    const bc = { id: '00000000-0000-4000-8000-0000000000e1', account_id: ACCOUNT, opportunity_id: OPP, goal_answer: ' \t\n', progress_answer: null, path_answer: 'Through field service', success_answer: '', portable: false };
    expect(factsOf(records({ business_cases: [bc] }), OPP).business_case).toEqual({
      id: bc.id, goal_answered: false, progress_answered: false, path_answered: true, success_answered: false, portable: false,
    });
  });

  it('reduces a close record to what the rules count', () => {
    const close = {
      id: '00000000-0000-4000-8000-0000000000f1', account_id: ACCOUNT, opportunity_id: OPP, agreement_finalized_on: '2026-11-10',
      close_reasons: ['Kept improving', 'Team relies on it'], win_summary_sent_on: null, advocacy_ask: 'reference' as const, next_cycle_goals: [],
    };
    expect(factsOf(records({ close_records: [close] }), OPP).close_record).toEqual({
      id: close.id, agreement_finalized_on: '2026-11-10', close_reason_count: 2, win_summary_sent_on: null, advocacy_ask: 'reference', next_cycle_goal_count: 0,
    });
    expect(factsOf(records({ close_records: [close] }), OTHER_OPP).close_record).toBeNull();
  });
});
