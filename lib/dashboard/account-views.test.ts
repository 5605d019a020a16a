import { describe, expect, it } from 'vitest';
import { summarizeAccount } from '../pipeline/account-summary';
import { insight, stakeholder } from '../pipeline/testing/facts-factory';
import { computeDashboard } from './index';
import { account, CSM_B, dashboardInput, NOW, opportunity } from './testing/dashboard-factory';

const sponsor = stakeholder('sponsor');
const supporter = stakeholder('supporter');

describe('attention lists', () => {
  it('lists open opportunities in their stage longer than the threshold, longest first', () => {
    const a = account(1);
    const input = dashboardInput({
      settings: { stall_threshold_days: 30 },
      accounts: [a],
      opportunities: [
        opportunity(a, {}, '2026-10-23'), // 30 days: not over
        opportunity(a, {}, '2026-10-22'), // 31 days
        opportunity(a, {}, '2026-06-01'), // 174 days
        opportunity(a, { opportunity: { status: 'lost' } }, '2026-01-01'), // closed: never stalled
      ],
    });
    expect(computeDashboard(input).stalled.map((r) => r.days_in_stage)).toEqual([174, 31]);
    const stricter = dashboardInput({ ...input, settings: { stall_threshold_days: 100 } });
    expect(computeDashboard(stricter).stalled.map((r) => r.days_in_stage)).toEqual([174]);
  });

  it('flags single-threaded accounts exactly as the account summary does', () => {
    const threaded = account(1);
    const onlySponsor = account(2);
    const noOpportunity = account(3, { stakeholders: [] });
    const input = dashboardInput({
      accounts: [threaded, onlySponsor, noOpportunity],
      opportunities: [opportunity(threaded, { stakeholders: [sponsor, supporter] }), opportunity(onlySponsor, { stakeholders: [sponsor] })],
    });
    const rows = computeDashboard(input).single_threaded;
    expect(rows.map((r) => r.account_id)).toEqual([onlySponsor.id, noOpportunity.id]);
    expect(rows[0]).toMatchObject({ has_sponsor: true, engaged_stakeholders: 1 });
    const summary = summarizeAccount(
      { account: { id: onlySponsor.id, milestones: [] }, stakeholders: [sponsor], opportunities: [input.opportunities[1]!.facts] },
      { now: NOW },
    );
    expect(summary.flags.singleThreaded).toBe(true);
  });

  it('lists accounts without First Value, longest since purchase first; a future First Value does not count', () => {
    const reached = account(1);
    const early = account(2);
    const late = account(3);
    const unknown = account(4);
    const input = dashboardInput({
      accounts: [reached, early, late, unknown],
      milestones: [
        { account_id: reached.id, kind: 'first_value', reached_on: '2026-10-01' },
        { account_id: early.id, kind: 'purchase_welcome', reached_on: '2026-11-02' },
        { account_id: late.id, kind: 'purchase_welcome', reached_on: '2026-08-24' },
        { account_id: late.id, kind: 'first_value', reached_on: '2026-12-01' },
      ],
    });
    const rows = computeDashboard(input).without_first_value;
    expect(rows.map((r) => [r.account_id, r.days_since_purchase])).toEqual([
      [late.id, 90],
      [early.id, 20],
      [unknown.id, null],
    ]);
  });

  it('finds strong accounts with no open opportunity: First Value, a sponsor and a recent insight', () => {
    const strong = account(1, { arr: 50_000, stakeholders: [sponsor], insights: [insight('2026-10-01')] });
    const staleInsight = account(2, { stakeholders: [sponsor], insights: [insight('2026-05-01')] });
    const noSponsor = account(3, { stakeholders: [supporter], insights: [insight('2026-10-01')] });
    const hasOpen = account(4);
    const bigger = account(5, { arr: 400_000, stakeholders: [sponsor], insights: [insight('2026-11-20'), insight('2026-09-01')] });
    const all = [strong, staleInsight, noSponsor, hasOpen, bigger];
    const input = dashboardInput({
      accounts: all,
      opportunities: [opportunity(hasOpen, { stakeholders: [sponsor], insights: [insight('2026-10-01')] })],
      milestones: all.map((a) => ({ account_id: a.id, kind: 'first_value' as const, reached_on: '2026-03-01' })),
    });
    const rows = computeDashboard(input).strong_without_open_opportunity;
    expect(rows.map((r) => [r.account_id, r.last_insight_shared_on])).toEqual([
      [bigger.id, '2026-11-20'],
      [strong.id, '2026-10-01'],
    ]);
    expect(computeDashboard(input, { owner_ids: [CSM_B] }).strong_without_open_opportunity).toEqual([]);
  });

  it('with a stage filter, keeps only accounts with a matching open opportunity in the account lists', () => {
    const a = account(1);
    const b = account(2);
    const input = dashboardInput({
      accounts: [a, b],
      opportunities: [opportunity(a, { opportunity: { source: 'future_need' } }), opportunity(b)],
    });
    expect(computeDashboard(input).single_threaded).toHaveLength(2);
    expect(computeDashboard(input, { stages: ['align'] }).single_threaded.map((r) => r.account_id)).toEqual([a.id]);
  });
});
