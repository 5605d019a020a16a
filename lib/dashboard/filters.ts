import { z } from 'zod';
import { dayNumber } from '../pipeline/days';
import { OPPORTUNITY_TYPES } from '../pipeline/facts';
import { STAGE_IDS } from '../pipeline/stages';
import type { PreparedAccount, PreparedDashboard, PreparedOpportunity } from './prepare';

const Id = z.guid();
const Day = z.iso.date();

/**
 * What a manager narrows the dashboard to. Every list is "any of"; an empty list
 * means no narrowing. How each filter reaches each view:
 * - CSM (`owner_ids`, the account's owner) and renewal window (the account's
 *   `renewal_on`, inclusive; an account with no renewal date is left out while a
 *   window is set) narrow every view;
 * - opportunity type narrows every view built from opportunities (pipeline,
 *   blocking evidence, stalled, days per stage, forecast) and, for the account
 *   lists, keeps accounts with a matching open opportunity;
 * - stage (by evidence or declared stage) narrows the open pipeline (pipeline,
 *   blocking evidence, stalled) and, for the account lists, keeps accounts with a
 *   matching open opportunity. It does not narrow cycle time, NRR or forecast: a
 *   closed deal or a finished stay has no current stage to match.
 * Strong accounts with no open opportunity and NRR ignore type and stage: they are
 * about accounts, not the opportunities they have.
 */
export const DashboardFilters = z.object({
  owner_ids: z.array(Id).default([]),
  stages: z.array(z.enum([...STAGE_IDS, 'complete'])).default([]),
  stage_basis: z.enum(['evidence', 'declared']).default('evidence'),
  types: z.array(z.enum(OPPORTUNITY_TYPES)).default([]),
  renewal_from: Day.nullable().default(null),
  renewal_to: Day.nullable().default(null),
  /** The period of NRR and forecast, inclusive; default: the 365 days ending today. */
  period_from: Day.nullable().default(null),
  period_to: Day.nullable().default(null),
});
export type DashboardFilters = z.infer<typeof DashboardFilters>;
export type DashboardFiltersInput = z.input<typeof DashboardFilters>;

/** The prepared input seen through the filters, computed once and shared by the views. */
export interface FilteredDashboard {
  prepared: PreparedDashboard;
  /** Accounts within the CSM and renewal filters. */
  accounts: readonly PreparedAccount[];
  /** Of those accounts, the opportunities (any status) of a matching type. */
  opportunities: readonly PreparedOpportunity[];
  /** Of those, the open ones in a matching stage: the pipeline. */
  pipeline: readonly PreparedOpportunity[];
  /** Accounts for the account lists: with a matching open opportunity when a type or stage filter is set. */
  listedAccounts: readonly PreparedAccount[];
  period: { from: number; to: number };
  /** Whether an opportunity type passes the type filter (for rows that are not opportunities, e.g. forecast lines). */
  typeAllowed(type: string): boolean;
}

export function applyFilters(prepared: PreparedDashboard, filters: DashboardFilters): FilteredDashboard {
  const owners = filters.owner_ids.length > 0 ? new Set(filters.owner_ids) : null;
  const from = filters.renewal_from === null ? null : dayNumber(filters.renewal_from);
  const to = filters.renewal_to === null ? null : dayNumber(filters.renewal_to);
  const types = filters.types.length > 0 ? new Set<string>(filters.types) : null;
  const stages = filters.stages.length > 0 ? new Set<string>(filters.stages) : null;

  const accounts = prepared.accounts.filter((a) => {
    if (owners && (a.account.owner_id === null || !owners.has(a.account.owner_id))) return false;
    if (from === null && to === null) return true;
    if (a.account.renewal_on === null) return false;
    const renewal = dayNumber(a.account.renewal_on);
    return (from === null || renewal >= from) && (to === null || renewal <= to);
  });
  const opportunities: PreparedOpportunity[] = [];
  const pipeline: PreparedOpportunity[] = [];
  const withMatchingOpen = new Set<PreparedAccount>();
  for (const account of accounts) {
    for (const o of account.opportunities) {
      if (types && !types.has(o.record.type)) continue;
      opportunities.push(o);
      if (o.record.status !== 'open') continue;
      const stage = filters.stage_basis === 'declared' ? o.assessment.declaredStage : o.assessment.evidenceStage;
      if (stages && !stages.has(stage)) continue;
      pipeline.push(o);
      withMatchingOpen.add(account);
    }
  }
  const periodTo = filters.period_to === null ? prepared.today : dayNumber(filters.period_to);
  const periodFrom = filters.period_from === null ? periodTo - 364 : dayNumber(filters.period_from);
  return {
    prepared,
    accounts,
    opportunities,
    pipeline,
    listedAccounts: types || stages ? accounts.filter((a) => withMatchingOpen.has(a)) : accounts,
    period: { from: periodFrom, to: periodTo },
    typeAllowed: (type) => types === null || types.has(type),
  };
}
