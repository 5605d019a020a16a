/**
 * Issue 9: the shared dashboard over 20,000 accounts and 40,000 opportunities of
 * realistic facts (pre-validated, as where they enter). Measured:
 * - the whole computation from the input (every opportunity assessed once, every view);
 * - a filter change (one CSM, Align and Intent by evidence) on the prepared input,
 *   which is what the dashboard does when a manager changes a filter: target 200 ms.
 */
import { defineBenchmark, medianMs } from './benchmark';
import { computeDashboard, prepareDashboard } from '../lib/dashboard';
import { DashboardInput } from '../lib/dashboard/input';
import { realisticFacts } from '../lib/pipeline/testing/realistic-facts';
import { seededRandom } from '../tests/support/seeded-random';
import { MILESTONE_KINDS } from '../lib/pipeline/facts';
import { uuidFor } from '../lib/pipeline/testing/facts-factory';

const ACCOUNTS = 20_000;
const OPPORTUNITIES = 40_000;
const CSMS = 25;
const TODAY = '2026-11-22';

export function realisticInputForProfile(): DashboardInput {
  return realisticInput();
}

function realisticInput(): DashboardInput {
  const random = seededRandom(9);
  const day = (maxAgo: number) => new Date(Date.parse(TODAY) - Math.floor(random() * maxAgo) * 86_400_000).toISOString().slice(0, 10);
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: uuidFor(0x1000000 + i),
    name: `Account ${i}`,
    owner_id: uuidFor(0x900 + (i % CSMS)),
    arr: Math.round(random() * 400) * 1000,
    renewal_on: new Date(Date.parse(TODAY) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10),
  }));
  // Two opportunities per account; both carry the account-wide lists of the first.
  const facts = realisticFacts(OPPORTUNITIES, TODAY);
  const opportunities = facts.map((f, i) => {
    const owner = facts[i - (i % 2)]!;
    return {
      facts: { ...f, stakeholders: owner.stakeholders, insights: owner.insights, opportunity: { ...f.opportunity, account_id: accounts[Math.floor(i / 2)]!.id } },
      stage_entered_at: `${day(200)}T09:00:00Z`,
      title: `Opportunity ${i}`,
    };
  });
  const milestones = accounts.flatMap((a) =>
    MILESTONE_KINDS.filter(() => random() < 0.6).map((kind) => ({ account_id: a.id, kind, reached_on: day(700) })),
  );
  const stage_changes = opportunities.flatMap((o) => {
    const start = Date.parse(TODAY) - 400 * 86_400_000;
    return ['identify', 'align', 'advocate'].slice(0, 1 + Math.floor(random() * 3)).map((stage, k) => ({
      opportunity_id: o.facts.opportunity.id,
      stage,
      status: 'open',
      changed_at: new Date(start + k * Math.floor(random() * 60 + 1) * 86_400_000).toISOString(),
    }));
  });
  const forecast_snapshots = opportunities
    .filter((o) => o.facts.opportunity.target_date !== null)
    .slice(0, 5000)
    .map((o) => ({ week_start: '2026-11-02', opportunity_id: o.facts.opportunity.id, account_id: o.facts.opportunity.account_id, type: o.facts.opportunity.type, amount: o.facts.opportunity.amount ?? 0, expected_close_on: o.facts.opportunity.target_date! }));
  return DashboardInput.parse(JSON.parse(JSON.stringify({ now: TODAY, accounts, opportunities, milestones, stage_changes, forecast_snapshots })));
}

export default defineBenchmark({
  title: 'Shared dashboard',
  async run() {
    const input = realisticInput();
    let open = 0;
    const full = medianMs(() => (open = computeDashboard(input).open_opportunities), 11, 3);
    const prepared = prepareDashboard(input);
    const filters = { owner_ids: [uuidFor(0x903)], stages: ['align', 'intent'] as ('align' | 'intent')[] };
    let narrowed = 0;
    const change = medianMs(() => (narrowed = computeDashboard(prepared, filters).open_opportunities), 21, 5);
    const prepare = medianMs(() => prepareDashboard(input), 11, 3);
    if (open === 0 || narrowed === 0 || narrowed >= open) throw new Error(`unexpected counts: ${open} open, ${narrowed} after the filter`);
    const scale = `${ACCOUNTS.toLocaleString('en')} accounts, ${OPPORTUNITIES.toLocaleString('en')} opportunities`;
    return [
      { name: `compute every view from the input (${scale}), no filter`, value: full, unit: 'ms', note: `median of 11; ${open} open opportunities; includes assessing each opportunity once` },
      { name: `filter change on the prepared input (one CSM, two evidence stages)`, value: change, unit: 'ms', target: 200, issue: 9, note: `median of 21; ${narrowed} open opportunities after the filter` },
      { name: `prepare (assess and index) alone`, value: prepare, unit: 'ms', note: 'median of 11; done once per data change, not per filter change' },
    ];
  },
});
