import { describe, expect, it } from 'vitest';
import { evaluateOpportunity, type EvaluateOptions } from './evaluate';
import { prepareFacts } from './prepared-facts';
import { plainEvaluation, type PlainEvaluation } from './explained';
import type { OpportunityFacts } from './facts';
import { PipelineSettings } from './settings';
import {
  bareFacts,
  businessCase,
  closeRecord,
  fullyEvidencedFacts,
  goal,
  insight,
  meeting,
  outcome,
  signal,
  stakeholder,
  step,
  useCase,
} from './testing/facts-factory';

const NOW = '2026-11-22T10:00:00Z';
const ids = (results: PlainEvaluation['missing']) => results.map((r) => r.id);
/** The evaluation spelled out per criterion, through the readers the panel uses (`explained.ts`). */
const explained = (facts: OpportunityFacts, options: EvaluateOptions) => plainEvaluation(evaluateOpportunity(prepareFacts(facts), options));

describe('one opportunity walked from Identify to a completed Net Revenue Close', () => {
  // Each step adds the evidence a CSM would log next; the facts accumulate.
  let facts: OpportunityFacts = bareFacts();
  const evaluate = () => explained(facts, { now: NOW });

  it('1. written down without a source: Identify, asking where it came from', () => {
    const result = evaluate();
    expect(result.evidenceStage).toBe('identify');
    expect(ids(result.missing)).toEqual(['opportunity_logged']);
    expect(result.missing[0]?.question).toMatch(/\?$/);
    expect(result).toMatchObject({ declaredAhead: false, unbacked: [] });
  });

  it('2. declared Intent on a hunch: every unmet criterion of Identify, Align and Advocate is unbacked', () => {
    facts = { ...facts, opportunity: { ...facts.opportunity, declared_stage: 'intent' } };
    const result = evaluate();
    expect(result.evidenceStage).toBe('identify');
    expect(result.declaredAhead).toBe(true);
    expect(ids(result.unbacked)).toEqual([
      'opportunity_logged',
      'goal_documented',
      'goal_current',
      'outcomes_recorded',
      'use_cases_recorded',
      'business_case_complete',
      'business_case_portable',
      'stakeholders_mapped',
      'sponsor_identified',
      'multi_threaded',
      'insight_shared',
      'alignment_meeting_held',
      'detractors_addressed',
      'communication_plan',
    ].filter((id) => id !== 'detractors_addressed')); // no detractor: nothing to address
    expect(result.unbacked.find((r) => r.id === 'use_cases_recorded')?.importance).toBe('recommended');
  });

  it('3. source noted: Align, required gaps before recommended ones', () => {
    facts = { ...facts, opportunity: { ...facts.opportunity, source: 'onboarding_gap' } };
    const result = evaluate();
    expect(result.evidenceStage).toBe('align');
    expect(ids(result.missing)).toEqual([
      'goal_documented',
      'goal_current',
      'outcomes_recorded',
      'business_case_complete',
      'use_cases_recorded',
      'business_case_portable',
    ]);
    expect(ids(result.unbacked)).not.toContain('opportunity_logged');
  });

  it('4. goal confirmed, progress and a full business case: Advocate', () => {
    const g = goal('2026-11-01');
    facts = { ...facts, goals: [g], outcomes: [outcome(g.id)], business_case: businessCase({ portable: false }), use_cases: [useCase('active')] };
    const result = evaluate();
    expect(result.evidenceStage).toBe('advocate');
    expect(ids(result.missing)).toEqual(['stakeholders_mapped', 'sponsor_identified', 'multi_threaded', 'insight_shared', 'alignment_meeting_held', 'communication_plan']);
    // Unbacked covers the stages between evidence and declaration only: Align is
    // behind the evidence stage, so its recommended gaps are not unbacked.
    expect(result.declaredAhead).toBe(true);
    expect(ids(result.unbacked)).toEqual(ids(result.missing));
  });

  it('5. a sponsor who is the only engaged stakeholder: still Advocate, single-threaded', () => {
    const sponsor = stakeholder('sponsor', ['executive_sponsor'], 'high');
    facts = { ...facts, stakeholders: [sponsor, stakeholder('needs_education', ['end_user']), stakeholder('detractor', ['security'], 'high')] };
    const result = evaluate();
    expect(result.evidenceStage).toBe('advocate');
    expect(ids(result.missing)).toEqual(['multi_threaded', 'insight_shared', 'alignment_meeting_held', 'detractors_addressed', 'communication_plan']);
    expect(ids(result.unbacked)).toEqual(['multi_threaded', 'insight_shared', 'alignment_meeting_held', 'detractors_addressed', 'communication_plan']);
  });

  it('6. a second engaged stakeholder and a recent insight: Intent, as declared', () => {
    const supporter = stakeholder('supporter', ['champion_user']);
    facts = { ...facts, stakeholders: [...facts.stakeholders, supporter], insights: [insight('2026-11-10')] };
    const result = evaluate();
    expect(result.evidenceStage).toBe('intent');
    expect(result).toMatchObject({ declaredAhead: false, unbacked: [] });
    expect(ids(result.missing).slice(0, 5)).toEqual([
      'decision_timing_known',
      'budget_owner_identified',
      'approval_path_mapped',
      'timeline_confirmed',
      'verbal_commitment_with_path',
    ]);
  });

  it('7. a yes without owned next steps, declared Net Revenue Close: stays Intent, and the yes is unbacked', () => {
    const yes = signal('verbal_commitment', '2026-11-15', false);
    facts = {
      ...facts,
      opportunity: { ...facts.opportunity, declared_stage: 'net_revenue_close', target_date: '2027-01-15', target_date_confirmed_on: '2026-11-15' },
      stakeholders: [...facts.stakeholders, stakeholder('supporter', ['budget_owner'])],
      intent_signals: [yes, signal('decision_timing_known', '2026-11-12'), signal('approval_path_mapped', '2026-11-12')],
    };
    const result = evaluate();
    expect(result.evidenceStage).toBe('intent');
    expect(ids(result.missing.filter((r) => r.importance === 'required'))).toEqual(['verbal_commitment_with_path']);
    const unbackedYes = result.unbacked.find((r) => r.id === 'verbal_commitment_with_path');
    expect(unbackedYes).toMatchObject({ met: false, evidence: [yes.id] });
    expect(result.declaredAhead).toBe(true);
  });

  it('8. the yes now has owners: Net Revenue Close, waiting on the agreement', () => {
    facts = { ...facts, intent_signals: [...facts.intent_signals, signal('verbal_commitment', '2026-11-20', true)] };
    const result = evaluate();
    expect(result.evidenceStage).toBe('net_revenue_close');
    expect(result).toMatchObject({ declaredAhead: false, unbacked: [] });
    expect(ids(result.missing)).toEqual(['agreement_finalized', 'close_reasons_documented', 'next_cycle_goals_set', 'win_summary_sent', 'advocacy_ask_made']);
  });

  it('9. won and signed, reasons noted, no next-cycle goals yet: still Net Revenue Close', () => {
    facts = {
      ...facts,
      opportunity: { ...facts.opportunity, status: 'won' },
      close_record: closeRecord({ next_cycle_goal_count: 0, advocacy_ask: null, win_summary_sent_on: null }),
    };
    const result = evaluate();
    expect(result.evidenceStage).toBe('net_revenue_close');
    expect(ids(result.missing)).toEqual(['next_cycle_goals_set', 'win_summary_sent', 'advocacy_ask_made']);
    expect(result).toMatchObject({ declaredAhead: false, unbacked: [] });
  });

  it('10. next-cycle goals set: complete, with the recommended follow-ups still listed', () => {
    facts = { ...facts, close_record: { ...facts.close_record!, next_cycle_goal_count: 2 } };
    const result = evaluate();
    expect(result.evidenceStage).toBe('complete');
    expect(ids(result.missing)).toEqual(['win_summary_sent', 'advocacy_ask_made']);
    expect(result.missing.every((r) => r.importance === 'recommended')).toBe(true);
    expect(result).toMatchObject({ declaredAhead: false, unbacked: [] });
  });
});

describe('evaluateOpportunity', () => {
  it('lets evidence go stale with time: the same facts 100 days later fall back to Align', () => {
    const facts = fullyEvidencedFacts();
    expect(explained(facts, { now: '2026-11-22' }).evidenceStage).toBe('complete');
    const later = explained(facts, { now: '2027-03-02' });
    expect(later.evidenceStage).toBe('align');
    expect(later.missing.map((r) => r.id)).toEqual(['goal_current']);
    expect(later.declaredAhead).toBe(true);
    expect(later.unbacked.map((r) => r.id)).toEqual(['goal_current', 'insight_shared']);
  });

  it('applies the team settings it is given', () => {
    const facts = fullyEvidencedFacts();
    const strict = PipelineSettings.parse({ freshness_days: { goal_current: 7 } });
    expect(explained(facts, { now: '2026-11-22', settings: strict }).evidenceStage).toBe('align');
  });

  it('counts the day written in an ISO timestamp, so a local evening is still that day', () => {
    const facts = bareFacts({ opportunity: { source: 'constraint' }, goals: [goal('2026-08-24')] });
    const onTheDay = explained(facts, { now: '2026-11-22T23:30:00-08:00' });
    expect(onTheDay.criteria.find((c) => c.id === 'goal_current')?.met).toBe(true);
    const epochNextUtcDay = Date.parse('2026-11-22T23:30:00-08:00');
    expect(explained(facts, { now: epochNextUtcDay }).criteria.find((c) => c.id === 'goal_current')?.met).toBe(false);
  });

  it.each(['yesterday', '', '22/11/2026', Number.NaN])('refuses a `now` of %j rather than guess the day', (now) => {
    expect(() => evaluateOpportunity(prepareFacts(bareFacts()), { now })).toThrow(/now must be/);
  });

  it('reports every criterion of the catalog, with the same words the catalog holds', () => {
    const result = explained(bareFacts(), { now: NOW });
    expect(result.criteria).toHaveLength(29);
    expect(result.criteria.find((c) => c.id === 'multi_threaded')).toMatchObject({ stage: 'advocate', importance: 'required', met: false });
  });

  it('a lost opportunity never completes, and its evaluation still says what was in place', () => {
    const facts = fullyEvidencedFacts();
    const lost = explained({ ...facts, opportunity: { ...facts.opportunity, status: 'lost' } }, { now: '2026-11-22' });
    expect(lost.evidenceStage).toBe('net_revenue_close');
    expect(lost.missing[0]).toMatchObject({ id: 'agreement_finalized', lacking: 'The opportunity was lost.' });
  });

  it('meets only what the facts back: an executive conversation, and no detractor to address', () => {
    const facts = bareFacts({ meetings: [meeting('executive_conversation', '2026-11-01')], communication_steps: [step(stakeholder('sponsor').id)] });
    const result = explained(facts, { now: NOW });
    expect(result.criteria.filter((c) => c.met).map((c) => c.id)).toEqual(['detractors_addressed', 'exec_conversation_scheduled']);
  });
});
