import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../pipeline/settings';
import { preassess, prepareDashboard } from './prepare';
import { account, dashboardInput, NOW, opportunity } from './testing/dashboard-factory';

describe('assessments made ahead', () => {
  const acc = account(1);
  const input = dashboardInput({ accounts: [acc], opportunities: [opportunity(acc, { opportunity: { declared_stage: 'advocate' } })] });

  it('are the ones prepareDashboard makes, and are used when made at the input’s moment with its settings', () => {
    const ahead = preassess(input.now, input.settings.pipeline);
    input.opportunities.forEach((o) => ahead.add(o.facts));
    const prepared = prepareDashboard(input, ahead);
    expect(prepared.opportunities[0]!.assessment).toBe(ahead.get(input.opportunities[0]!.facts.opportunity));
    expect(prepared).toEqual(prepareDashboard(input));
  });

  it('are set aside when made at another moment or with other freshness windows', () => {
    const record = input.opportunities[0]!.facts.opportunity;
    const otherDay = preassess('2020-01-01', input.settings.pipeline);
    const otherWindows = preassess(NOW, { freshness_days: { ...DEFAULT_SETTINGS.freshness_days, insight_shared: 7 } });
    for (const ahead of [otherDay, otherWindows]) {
      input.opportunities.forEach((o) => ahead.add(o.facts));
      const prepared = prepareDashboard(input, ahead);
      expect(prepared.opportunities[0]!.assessment).not.toBe(ahead.get(record));
      expect(prepared).toEqual(prepareDashboard(input));
    }
  });
});
