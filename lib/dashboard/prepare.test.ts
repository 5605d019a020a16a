import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../pipeline/settings';
import { indexDashboard, preassess, prepareDashboard } from './prepare';
import { dashboardSourceOf } from './source';
import { account, dashboardInput, NOW, opportunity } from './testing/dashboard-factory';

describe('assessments made ahead', () => {
  const acc = account(1);
  const input = dashboardInput({ accounts: [acc], opportunities: [opportunity(acc, { opportunity: { declared_stage: 'advocate' } })] });
  const source = dashboardSourceOf(input);

  it('are the ones indexDashboard makes, and are used when made at the input’s moment with its settings', () => {
    const ahead = preassess(input.now, input.settings.pipeline);
    source.opportunities.forEach((o) => ahead.add(o));
    const prepared = indexDashboard(source, ahead);
    expect(prepared.opportunities[0]!.assessment).toBe(ahead.get(source.opportunities[0]!));
    expect(prepared).toEqual(prepareDashboard(input));
  });

  it('are set aside when made at another moment or with other freshness windows', () => {
    const otherDay = preassess('2020-01-01', input.settings.pipeline);
    const otherWindows = preassess(NOW, { freshness_days: { ...DEFAULT_SETTINGS.freshness_days, insight_shared: 7 } });
    for (const ahead of [otherDay, otherWindows]) {
      source.opportunities.forEach((o) => ahead.add(o));
      const prepared = indexDashboard(source, ahead);
      expect(prepared.opportunities[0]!.assessment).not.toBe(ahead.get(source.opportunities[0]!));
      expect(prepared).toEqual(prepareDashboard(input));
    }
  });
});
