/**
 * The shared dashboard's figures, computed once in TypeScript from facts: whoever
 * produces the input (local store or team database), the same numbers come out.
 * Pure: no I/O, no clock (today comes from `input.now`).
 *
 * `computeDashboard(input, filters)` assesses every opportunity once and returns
 * every view's rows. When only the filters change, keep `prepareDashboard(input)`
 * and call `computeDashboard(prepared, filters)`: the assessments are reused.
 */
import { accountsWithoutFirstValue, singleThreadedAccounts, stalledOpportunities, strongAccountsWithoutOpenOpportunity } from './attention-lists';
import { blockingEvidence } from './blocking-evidence';
import { cycleTimes } from './cycle-time';
import { applyFilters, DashboardFilters, type DashboardFiltersInput } from './filters';
import { forecastVsActual } from './forecast';
import type { DashboardInput } from './input';
import { netRevenueRetention } from './nrr';
import { pipelineByStage } from './pipeline-by-stage';
import { prepareDashboard, type PreparedDashboard } from './prepare';

export type Dashboard = ReturnType<typeof viewsOf>;

export function computeDashboard(input: DashboardInput | PreparedDashboard, filters: DashboardFiltersInput = {}): Dashboard {
  const prepared = 'ctx' in input ? input : prepareDashboard(input);
  return viewsOf(prepared, DashboardFilters.parse(filters));
}

function viewsOf(prepared: PreparedDashboard, filters: DashboardFilters) {
  const view = applyFilters(prepared, filters);
  const cycle = cycleTimes(view);
  const nrr = netRevenueRetention(view);
  return {
    /** How many opportunities are open after the filters: what the pipeline rows add up to. */
    open_opportunities: view.pipeline.length,
    pipeline_by_stage: pipelineByStage(view),
    blocking_evidence: blockingEvidence(view),
    stalled: stalledOpportunities(view),
    single_threaded: singleThreadedAccounts(view),
    without_first_value: accountsWithoutFirstValue(view),
    strong_without_open_opportunity: strongAccountsWithoutOpenOpportunity(view),
    cycle_time: cycle.rows,
    time_to_first_value: cycle.accounts,
    nrr: nrr.summary,
    nrr_accounts: nrr.accounts,
    forecast: forecastVsActual(view),
  };
}

export { indexDashboard, preassess, prepareDashboard, type Preassessed, type PreparedDashboard } from './prepare';
export { dashboardSourceOf, type DashboardSource, type OpportunityEntry, type SourceAccount } from './source';
export { DashboardFilters, type DashboardFiltersInput } from './filters';
export * from './input';
export { toCsv, csvField, type CsvColumn } from './csv';
export type { PipelineStageRow } from './pipeline-by-stage';
export type { BlockingEvidenceRow } from './blocking-evidence';
export type { StalledRow, SingleThreadedRow, NoFirstValueRow, StrongNoOpenRow } from './attention-lists';
export type { CycleTimeRow, FirstValueRow } from './cycle-time';
export type { Distribution, DayBucket } from './distribution';
export type { NrrSummary, NrrAccountRow } from './nrr';
export type { ForecastWeekRow } from './forecast';
