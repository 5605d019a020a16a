import { assessWithContext, type OpportunityAssessment } from '../pipeline/assess';
import type { RuleContext } from '../pipeline/criteria/criterion';
import { dayNumber, todayFrom } from '../pipeline/days';
import { ruleContext } from '../pipeline/evaluate';
import type { InsightFact, OpportunityFacts, OpportunityRecord, StakeholderFact } from '../pipeline/facts';
import { createFactsPreparer } from '../pipeline/prepared-facts';
import type { DashboardAccount, DashboardInput, DashboardStageChange } from './input';

/**
 * The input with every opportunity assessed once and everything indexed by account,
 * so the views and any number of filter changes reuse it. Built by
 * `prepareDashboard`; nothing in it depends on the filters.
 */
export interface PreparedDashboard {
  input: DashboardInput;
  ctx: RuleContext;
  /** Today as a day number (`days.ts`). */
  today: number;
  accounts: readonly PreparedAccount[];
  opportunities: readonly PreparedOpportunity[];
  /** Per opportunity id, its stage history oldest first, each with `changed_at` in epoch ms. */
  stageChanges: ReadonlyMap<string, readonly TimedStageChange[]>;
}

export interface TimedStageChange extends DashboardStageChange {
  at: number;
}

export interface PreparedAccount {
  account: DashboardAccount;
  stakeholders: readonly StakeholderFact[];
  insights: readonly InsightFact[];
  /** Day numbers of the earliest reached milestone of each kind that has happened by today; null when none. */
  purchasedDay: number | null;
  firstValueDay: number | null;
  opportunities: PreparedOpportunity[];
  openOpportunities: number;
}

export interface PreparedOpportunity {
  facts: OpportunityFacts;
  record: OpportunityRecord;
  title: string;
  assessment: OpportunityAssessment;
  account: PreparedAccount;
  /** Calendar days from the day written in `stage_entered_at` to today, never negative (like the rules' days). */
  daysInStage: number;
}

/** Assesses every opportunity once at `input.now` and indexes the input. Opportunities of unknown accounts are left out. */
export function prepareDashboard(input: DashboardInput): PreparedDashboard {
  const ctx = ruleContext(input.now, input.settings.pipeline);
  const today = todayFrom(input.now);
  const byId = new Map<string, PreparedAccount>();
  for (const account of input.accounts) {
    byId.set(account.id, {
      account,
      stakeholders: account.stakeholders ?? [],
      insights: account.insights ?? [],
      purchasedDay: null,
      firstValueDay: null,
      opportunities: [],
      openOpportunities: 0,
    });
  }
  for (const m of input.milestones) {
    const account = byId.get(m.account_id);
    const day = dayNumber(m.reached_on);
    if (!account || day > today) continue;
    if (m.kind === 'purchase_welcome' && (account.purchasedDay === null || day < account.purchasedDay)) account.purchasedDay = day;
    if (m.kind === 'first_value' && (account.firstValueDay === null || day < account.firstValueDay)) account.firstValueDay = day;
  }

  // The facts enter the stage rules here: each opportunity's are prepared once (its account's lists shared).
  const prepareFacts = createFactsPreparer();
  const opportunities: PreparedOpportunity[] = [];
  for (const o of input.opportunities) {
    const account = byId.get(o.facts.opportunity.account_id);
    if (!account) continue;
    if (account.opportunities.length === 0) {
      // The facts carry the account-wide lists; they win over none given.
      if (!account.account.stakeholders) account.stakeholders = o.facts.stakeholders;
      if (!account.account.insights) account.insights = o.facts.insights;
    }
    const prepared: PreparedOpportunity = {
      facts: o.facts,
      record: o.facts.opportunity,
      title: o.title ?? '',
      assessment: assessWithContext(prepareFacts(o.facts), ctx),
      account,
      daysInStage: Math.max(0, today - dayNumber(o.stage_entered_at)),
    };
    account.opportunities.push(prepared);
    if (prepared.record.status === 'open') account.openOpportunities += 1;
    opportunities.push(prepared);
  }

  // Parse each timestamp once: sorting and measuring stays compare numbers.
  const stageChanges = new Map<string, TimedStageChange[]>();
  for (const change of input.stage_changes) {
    let list = stageChanges.get(change.opportunity_id);
    if (!list) stageChanges.set(change.opportunity_id, (list = []));
    list.push({ ...change, at: Date.parse(change.changed_at) });
  }
  for (const list of stageChanges.values()) if (list.length > 1) list.sort((a, b) => a.at - b.at);

  return { input, ctx, today, accounts: [...byId.values()], opportunities, stageChanges };
}
