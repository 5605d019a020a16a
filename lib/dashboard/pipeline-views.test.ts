import { describe, expect, it } from 'vitest';
import { businessCase, goal, outcome } from '../pipeline/testing/facts-factory';
import { computeDashboard } from './index';
import { account, CSM_B, dashboardInput, opportunity } from './testing/dashboard-factory';

// Three open opportunities and one won:
// - a1: source not noted, declared align  → evidence identify, declared ahead (unbacked), 10,000
// - a2: source noted, declared identify   → evidence align, 20,000
// - a3 (CSM B): source noted, declared intent → evidence align, declared ahead, no amount
// - a1 won expansion: not in the open pipeline.
const a1 = account(1);
const a2 = account(2, { renewal_on: '2027-06-15' });
const a3 = account(3, { owner_id: CSM_B });
const input = dashboardInput({
  accounts: [a1, a2, a3],
  opportunities: [
    opportunity(a1, { opportunity: { declared_stage: 'align', amount: 10_000 } }),
    opportunity(a2, { opportunity: { source: 'future_need', amount: 20_000, type: 'expansion' } }),
    opportunity(a3, { opportunity: { source: 'onboarding_gap', declared_stage: 'intent', amount: null } }),
    opportunity(a1, { opportunity: { status: 'won', source: 'future_need', amount: 99_000, type: 'expansion' } }),
  ],
});

describe('pipeline by stage', () => {
  it('counts open opportunities by declared and by evidence stage, with the unbacked share', () => {
    const rows = computeDashboard(input).pipeline_by_stage;
    const byStage = Object.fromEntries(rows.map((r) => [r.stage, r]));
    expect(byStage.identify).toMatchObject({ declared_count: 1, declared_amount: 20_000, evidence_count: 1, evidence_amount: 10_000, unbacked_count: 0, unbacked_share: 0 });
    expect(byStage.align).toMatchObject({ declared_count: 1, declared_amount: 10_000, evidence_count: 2, evidence_amount: 20_000, unbacked_count: 1, unbacked_share: 1 });
    expect(byStage.intent).toMatchObject({ declared_count: 1, declared_amount: 0, evidence_count: 0, unbacked_count: 1, unpriced_count: 1 });
    expect(byStage.advocate!.unbacked_share).toBeNull();
    expect(rows.map((r) => r.stage)).toEqual(['identify', 'align', 'advocate', 'intent', 'net_revenue_close', 'complete']);
  });

  it('narrows by CSM, type, stage and renewal window', () => {
    expect(computeDashboard(input, { owner_ids: [CSM_B] }).open_opportunities).toBe(1);
    expect(computeDashboard(input, { types: ['expansion'] }).pipeline_by_stage.find((r) => r.stage === 'align')!.evidence_amount).toBe(20_000);
    const declaredIntent = computeDashboard(input, { stages: ['intent'], stage_basis: 'declared' });
    expect(declaredIntent.open_opportunities).toBe(1);
    expect(computeDashboard(input, { stages: ['align'] }).open_opportunities).toBe(2);
    const window = computeDashboard(input, { renewal_from: '2027-06-01', renewal_to: '2027-06-30' });
    expect(window.open_opportunities).toBe(1);
    expect(window.pipeline_by_stage.find((r) => r.stage === 'align')!.evidence_amount).toBe(20_000);
  });
});

describe('blocking evidence', () => {
  it('ranks required evidence by how many open opportunities it holds back, with their accounts', () => {
    const rows = computeDashboard(input).blocking_evidence;
    const goalRow = rows.find((r) => r.criterion_id === 'goal_documented')!;
    // a2 and a3 sit at Align with no goal; a1 is held at Identify by its source.
    expect(goalRow).toMatchObject({ blocked_count: 2, blocked_amount: 20_000, account_ids: [a2.id, a3.id] });
    const logged = rows.find((r) => r.criterion_id === 'opportunity_logged')!;
    // a1 is blocked by it and declared past it.
    expect(logged).toMatchObject({ blocked_count: 1, unbacked_count: 1, account_ids: [a1.id] });
    expect(rows[0]!.blocked_count).toBe(2);
    // Recommended criteria never block.
    expect(rows.some((r) => r.criterion_id === 'use_cases_recorded')).toBe(false);
  });

  it('stops counting evidence once it is recorded', () => {
    const g = goal('2026-11-10');
    const withGoal = dashboardInput({
      accounts: [a2],
      opportunities: [opportunity(a2, { opportunity: { source: 'future_need' }, goals: [g], outcomes: [outcome(g.id)], business_case: businessCase() })],
    });
    const ids = computeDashboard(withGoal).blocking_evidence.map((r) => r.criterion_id);
    expect(ids).not.toContain('goal_documented');
    expect(ids).not.toContain('business_case_complete');
  });
});
