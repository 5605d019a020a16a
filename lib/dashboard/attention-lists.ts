import { MIN_ENGAGED_STAKEHOLDERS } from '../pipeline/criteria/advocate';
import { isDayWithin } from '../pipeline/days';
import type { EvidenceStage, StageId } from '../pipeline/stages';
import { byText } from './compare';
import type { FilteredDashboard } from './filters';
import { isoDay } from './nrr';
import type { PreparedAccount } from './prepare';

/**
 * The lists a manager works through account by account. Definitions:
 * - stalled: an open opportunity whose declared stage has not changed for more than
 *   `settings.stall_threshold_days` days (from `stage_entered_at`);
 * - single-threaded: as the account summary's flag: no sponsor, or fewer than two
 *   stakeholders engaged as sponsor or supporter;
 * - without First Value: no `first_value` milestone reached by today;
 * - strong with no open opportunity: First Value reached, a stakeholder in position
 *   sponsor, and an insight shared within the team's insight freshness window
 *   (`freshness_days.insight_shared`, the window the Advocate rule uses), yet no open
 *   opportunity: growth the team has earned and not yet written down.
 */
export interface StalledRow {
  account_id: string;
  account_name: string;
  owner_id: string | null;
  opportunity_id: string;
  title: string;
  declared_stage: StageId;
  evidence_stage: EvidenceStage;
  days_in_stage: number;
  amount: number | null;
}

export interface AccountRow {
  account_id: string;
  account_name: string;
  owner_id: string | null;
  arr: number | null;
  renewal_on: string | null;
}

export interface SingleThreadedRow extends AccountRow {
  has_sponsor: boolean;
  engaged_stakeholders: number;
}

export interface NoFirstValueRow extends AccountRow {
  /** Days since the purchase milestone; null when it is not recorded. */
  days_since_purchase: number | null;
}

export interface StrongNoOpenRow extends AccountRow {
  days_since_first_value: number;
  last_insight_shared_on: string;
}

/** Longest in stage first. */
export function stalledOpportunities(view: FilteredDashboard): StalledRow[] {
  const threshold = view.prepared.source.settings.stall_threshold_days;
  return view.pipeline
    .filter((o) => o.daysInStage > threshold)
    .map((o) => ({
      account_id: o.account.account.id,
      account_name: o.account.account.name,
      owner_id: o.account.account.owner_id,
      opportunity_id: o.record.id,
      title: o.title,
      declared_stage: o.assessment.declaredStage,
      evidence_stage: o.assessment.evidenceStage,
      days_in_stage: o.daysInStage,
      amount: o.record.amount,
    }))
    .sort((a, b) => b.days_in_stage - a.days_in_stage || byText(a.opportunity_id, b.opportunity_id));
}

export function singleThreadedAccounts(view: FilteredDashboard): SingleThreadedRow[] {
  const rows: SingleThreadedRow[] = [];
  for (const a of view.listedAccounts) {
    const { engaged, hasSponsor } = a.stakeholders;
    if (hasSponsor && engaged >= MIN_ENGAGED_STAKEHOLDERS) continue;
    rows.push({ ...accountRow(a), has_sponsor: hasSponsor, engaged_stakeholders: engaged });
  }
  return rows;
}

/** Longest since purchase first; accounts with no purchase date last. */
export function accountsWithoutFirstValue(view: FilteredDashboard): NoFirstValueRow[] {
  const today = view.prepared.today;
  return view.listedAccounts
    .filter((a) => a.firstValueDay === null)
    .map((a) => ({ ...accountRow(a), days_since_purchase: a.purchasedDay === null ? null : today - a.purchasedDay }))
    .sort((a, b) => (b.days_since_purchase ?? -1) - (a.days_since_purchase ?? -1) || byText(a.account_name, b.account_name));
}

/** Largest ARR first. Narrowed by CSM and renewal window only (see filters.ts). */
export function strongAccountsWithoutOpenOpportunity(view: FilteredDashboard): StrongNoOpenRow[] {
  const { today } = view.prepared;
  const window = view.prepared.ctx.settings.freshness_days.insight_shared;
  const rows: StrongNoOpenRow[] = [];
  for (const a of view.accounts) {
    if (a.openOpportunities > 0 || a.firstValueDay === null) continue;
    if (!a.stakeholders.hasSponsor) continue;
    let lastInsight: number | null = null;
    for (const shared of a.insightsShared) {
      if (isDayWithin(shared, today, window) && (lastInsight === null || shared > lastInsight)) lastInsight = shared;
    }
    if (lastInsight === null) continue;
    rows.push({ ...accountRow(a), days_since_first_value: today - a.firstValueDay, last_insight_shared_on: isoDay(lastInsight) });
  }
  return rows.sort((a, b) => (b.arr ?? 0) - (a.arr ?? 0) || byText(a.account_name, b.account_name));
}

function accountRow(a: PreparedAccount): AccountRow {
  return { account_id: a.account.id, account_name: a.account.name, owner_id: a.account.owner_id, arr: a.account.arr, renewal_on: a.account.renewal_on };
}
