import { describe, expect, it } from 'vitest';
import { closeRecord } from '../pipeline/testing/facts-factory';
import { computeDashboard } from './index';
import { account, CSM_B, dashboardInput, opportunity } from './testing/dashboard-factory';

describe('cycle time', () => {
  it('gives purchase-to-First-Value percentiles by nearest rank, and buckets', () => {
    const days = [10, 20, 30, 40, 100];
    const accounts = days.map((_, i) => account(i + 1));
    const milestones = accounts.flatMap((a, i) => [
      { account_id: a.id, kind: 'purchase_welcome' as const, reached_on: '2026-01-01' },
      { account_id: a.id, kind: 'first_value' as const, reached_on: new Date(Date.UTC(2026, 0, 1 + days[i]!)).toISOString().slice(0, 10) },
    ]);
    const row = computeDashboard(dashboardInput({ accounts, milestones })).cycle_time[0]!;
    // n = 5: p25 → rank 2, p50 → rank 3, p75 → rank 4, p90 → rank 5.
    expect(row).toMatchObject({ measure: 'purchase_to_first_value', count: 5, p25: 20, p50: 30, p75: 40, p90: 100 });
    expect(row.buckets.filter((b) => b.count > 0)).toEqual([
      { from: 7, to: 14, count: 1 },
      { from: 14, to: 30, count: 1 },
      { from: 30, to: 60, count: 2 },
      { from: 90, to: 180, count: 1 },
    ]);
  });

  it('measures finished stays per declared stage from the stage history', () => {
    const a = account(1);
    const o = opportunity(a, { opportunity: { status: 'won' } });
    const id = o.facts.opportunity.id;
    const input = dashboardInput({
      accounts: [a],
      opportunities: [o],
      stage_changes: [
        { opportunity_id: id, stage: 'identify', status: 'open', changed_at: '2026-01-01T10:00:00Z' },
        { opportunity_id: id, stage: 'align', status: 'open', changed_at: '2026-01-11T10:00:00Z' },
        { opportunity_id: id, stage: 'align', status: 'won', changed_at: '2026-02-10T10:00:00Z' },
      ],
    });
    const rows = Object.fromEntries(computeDashboard(input).cycle_time.map((r) => [r.measure, r]));
    expect(rows.identify).toMatchObject({ count: 1, p50: 10 });
    expect(rows.align).toMatchObject({ count: 1, p50: 30 });
    expect(rows.intent).toMatchObject({ count: 0, p50: null });
  });
});

describe('net revenue retention', () => {
  it('adds expansions won and takes away churned ARR over the starting ARR', () => {
    const grower = account(1, { arr: 100_000 });
    const churner = account(2, { arr: 50_000 });
    const newcomer = account(3, { arr: 80_000 });
    const input = dashboardInput({
      accounts: [grower, churner, newcomer],
      milestones: [{ account_id: newcomer.id, kind: 'purchase_welcome', reached_on: '2026-06-01' }],
      opportunities: [
        opportunity(grower, { opportunity: { type: 'upsell', status: 'won', amount: 30_000 }, close_record: closeRecord({ agreement_finalized_on: '2026-05-01' }) }),
        opportunity(grower, { opportunity: { type: 'renewal', status: 'won', amount: 100_000 }, close_record: closeRecord({ agreement_finalized_on: '2026-04-01' }) }),
        opportunity(grower, { opportunity: { type: 'expansion', status: 'won', amount: 5_000 }, close_record: closeRecord({ agreement_finalized_on: '2025-05-01' }) }),
        opportunity(churner, { opportunity: { type: 'renewal', status: 'lost' }, close_record: closeRecord({ agreement_finalized_on: '2026-07-01' }) }),
        opportunity(newcomer, { opportunity: { type: 'expansion', status: 'won', amount: 20_000 }, close_record: closeRecord({ agreement_finalized_on: '2026-09-01' }) }),
      ],
    });
    const { nrr } = computeDashboard(input, { period_from: '2026-01-01', period_to: '2026-12-31' });
    // Cohort: grower and churner (newcomer bought in the period). (150,000 + 30,000 − 50,000) / 150,000.
    expect(nrr).toMatchObject({ accounts: 2, starting_arr: 150_000, expansion: 30_000, churned: 50_000, undated_closes: 0 });
    expect(nrr.nrr).toBeCloseTo(130 / 150, 10);
    const onlyB = computeDashboard(input, { owner_ids: [CSM_B], period_from: '2026-01-01', period_to: '2026-12-31' });
    expect(onlyB.nrr).toMatchObject({ accounts: 0, nrr: null });
  });
});

describe('forecast vs actual', () => {
  it('compares each weekly snapshot with what was won that week', () => {
    const a = account(1);
    const hit = opportunity(a, { opportunity: { status: 'won', amount: 40_000 }, close_record: closeRecord({ agreement_finalized_on: '2026-11-04' }) });
    const surprise = opportunity(a, { opportunity: { status: 'won', amount: 5_000, type: 'upsell' }, close_record: closeRecord({ agreement_finalized_on: '2026-11-06' }) });
    const miss = opportunity(a);
    const line = (o: typeof hit, amount: number, expected: string, week = '2026-11-02', evidence_stage?: 'align' | 'intent' | 'complete') => ({
      week_start: week,
      opportunity_id: o.facts.opportunity.id,
      account_id: a.id,
      type: o.facts.opportunity.type,
      amount,
      expected_close_on: expected,
      ...(evidence_stage ? { evidence_stage } : {}),
    });
    const input = dashboardInput({
      accounts: [a],
      opportunities: [hit, surprise, miss],
      forecast_snapshots: [line(hit, 40_000, '2026-11-05', '2026-11-02', 'intent'), line(miss, 60_000, '2026-11-08', '2026-11-02', 'align'), line(miss, 60_000, '2026-12-01'), line(miss, 60_000, '2026-11-10', '2026-11-09')],
    });
    const rows = computeDashboard(input).forecast;
    expect(rows).toEqual([
      { week_start: '2026-11-02', forecast_count: 2, forecast_amount: 100_000, backed_count: 1, backed_amount: 40_000, won_count: 2, won_amount: 45_000, won_of_forecast: 40_000, accuracy: 0.45 },
      { week_start: '2026-11-09', forecast_count: 1, forecast_amount: 60_000, backed_count: 0, backed_amount: 0, won_count: 0, won_amount: 0, won_of_forecast: 0, accuracy: 0 },
    ]);
    const quietWeek = computeDashboard({ ...input, forecast_weeks: ['2026-11-16'] }).forecast.at(-1);
    expect(quietWeek).toEqual({ week_start: '2026-11-16', forecast_count: 0, forecast_amount: 0, backed_count: 0, backed_amount: 0, won_count: 0, won_amount: 0, won_of_forecast: 0, accuracy: null });
    const renewalsOnly = computeDashboard(input, { types: ['renewal'] }).forecast[0]!;
    expect(renewalsOnly).toMatchObject({ won_amount: 40_000, accuracy: 0.4 });
  });
});
