import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPPORTUNITY_TYPES } from '../pipeline/facts';
import { STAGE_IDS } from '../pipeline/stages';
import { opportunityFactsArbitrary, PROPERTY_NOW } from '../pipeline/testing/facts-arbitrary';
import { computeDashboard, type DashboardFiltersInput } from './index';
import { account, CSM_A, CSM_B } from './testing/dashboard-factory';
import { DashboardInput } from './input';

const accounts = [account(1, { owner_id: CSM_A }), account(2, { owner_id: CSM_B, renewal_on: '2027-08-01' }), account(3, { owner_id: null })];

/** Generated opportunities spread over three accounts of two CSMs and one with no owner. */
const inputArbitrary = fc
  .array(fc.tuple(opportunityFactsArbitrary, fc.nat(2), fc.integer({ min: 0, max: 400 })), { maxLength: 25 })
  .map((items) =>
    DashboardInput.parse({
      now: PROPERTY_NOW,
      accounts,
      opportunities: items.map(([facts, which, age]) => ({
        facts: { ...facts, opportunity: { ...facts.opportunity, account_id: accounts[which]!.id } },
        stage_entered_at: new Date(Date.parse(PROPERTY_NOW) - age * 86_400_000).toISOString(),
      })),
    }),
  );

const filtersArbitrary: fc.Arbitrary<DashboardFiltersInput> = fc.record(
  {
    owner_ids: fc.subarray([CSM_A, CSM_B]),
    stages: fc.subarray([...STAGE_IDS, 'complete' as const]),
    stage_basis: fc.constantFrom('evidence' as const, 'declared' as const),
    types: fc.subarray([...OPPORTUNITY_TYPES]),
    renewal_from: fc.constantFrom(null, '2027-01-01', '2027-06-01'),
  },
  { requiredKeys: [] },
);

describe('dashboard figures hold together', () => {
  it('counts and amounts by stage add up to the filtered open pipeline, by declared and by evidence stage', () => {
    fc.assert(
      fc.property(inputArbitrary, filtersArbitrary, (input, filters) => {
        const dashboard = computeDashboard(input, filters);
        const rows = dashboard.pipeline_by_stage;
        const open = input.opportunities.filter((o) => o.facts.opportunity.status === 'open');
        const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((t, r) => t + f(r), 0);
        expect(sum((r) => r.declared_count)).toBe(dashboard.open_opportunities);
        expect(sum((r) => r.evidence_count)).toBe(dashboard.open_opportunities);
        expect(sum((r) => r.declared_amount)).toBeCloseTo(sum((r) => r.evidence_amount), 6);
        if (Object.keys(filters).length === 0) {
          expect(dashboard.open_opportunities).toBe(open.length);
          expect(sum((r) => r.declared_amount)).toBeCloseTo(open.reduce((t, o) => t + (o.facts.opportunity.amount ?? 0), 0), 6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('narrowing to a CSM never adds a row to any list', () => {
    fc.assert(
      fc.property(inputArbitrary, filtersArbitrary, fc.constantFrom(CSM_A, CSM_B), (input, filters, owner) => {
        const wide = computeDashboard(input, { ...filters, owner_ids: [] });
        const narrow = computeDashboard(input, { ...filters, owner_ids: [owner] });
        expect(narrow.open_opportunities).toBeLessThanOrEqual(wide.open_opportunities);
        for (const key of ['stalled', 'single_threaded', 'without_first_value', 'strong_without_open_opportunity', 'nrr_accounts'] as const) {
          const wideIds = new Set(wide[key].map((r) => ('opportunity_id' in r ? r.opportunity_id : r.account_id)));
          for (const r of narrow[key]) expect(wideIds.has('opportunity_id' in r ? r.opportunity_id : r.account_id)).toBe(true);
          expect(narrow[key].every((r) => r.owner_id === owner)).toBe(true);
        }
        for (const row of narrow.blocking_evidence) {
          const wider = wide.blocking_evidence.find((r) => r.criterion_id === row.criterion_id)!;
          expect(row.blocked_count).toBeLessThanOrEqual(wider.blocked_count);
        }
      }),
      { numRuns: 150 },
    );
  });
});
