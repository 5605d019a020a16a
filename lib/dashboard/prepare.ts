import { assessWithContext, type OpportunityAssessment } from '../pipeline/assess';
import type { RuleContext } from '../pipeline/criteria/criterion';
import { dayNumber, todayFrom } from '../pipeline/days';
import { ruleContext } from '../pipeline/evaluate';
import type { InsightFact, OpportunityFacts, OpportunityRecord, StakeholderFact } from '../pipeline/facts';
import { createFactsPreparer } from '../pipeline/prepared-facts';
import type { PipelineSettings } from '../pipeline/settings';
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

/**
 * Opportunities assessed ahead of `prepareDashboard`, at one moment with one
 * set of settings: the dashboard page assesses each page of facts as it
 * arrives, while the next pages are still being read (lib/dashboard-data/assemble.ts),
 * so little is left once the last one is in. Assessing is pure, so an
 * assessment made ahead is the one `prepareDashboard` would make.
 */
export interface Preassessed {
  readonly now: string;
  readonly pipeline: PipelineSettings;
  /** Assesses these facts now and keeps the verdict for `prepareDashboard`. */
  add(facts: OpportunityFacts): void;
  /** The verdict kept for the opportunity whose record is this very object (facts are never changed once read). */
  get(record: OpportunityRecord): OpportunityAssessment | undefined;
}

/** Starts assessing ahead at `now` with `pipeline` (the input's `now` and `settings.pipeline` to come). */
export function preassess(now: string, pipeline: PipelineSettings): Preassessed {
  const assess = assessorAt(ruleContext(now, pipeline));
  const byRecord = new Map<OpportunityRecord, OpportunityAssessment>();
  return {
    now,
    pipeline,
    add: (facts) => void byRecord.set(facts.opportunity, assess(facts)),
    get: (record) => byRecord.get(record),
  };
}

/**
 * The one place the dashboard calls the stage rules on an opportunity's facts,
 * which enter the rules here: each opportunity's are prepared once, its
 * account's lists shared with the account's next opportunity.
 */
function assessorAt(ctx: RuleContext): (facts: OpportunityFacts) => OpportunityAssessment {
  const prepareFacts = createFactsPreparer();
  return (facts) => assessWithContext(prepareFacts(facts), ctx);
}

/** Whether assessments made ahead hold for this input: made at its moment, with its settings. */
function holdsFor(ahead: Preassessed, input: DashboardInput): boolean {
  // Both are zod's output of PipelineSettings, so equal settings print alike.
  return ahead.now === input.now && JSON.stringify(ahead.pipeline) === JSON.stringify(input.settings.pipeline);
}

/**
 * Assesses every opportunity once at `input.now` and indexes the input.
 * Opportunities of unknown accounts are left out. `ahead`: assessments
 * already made (see `Preassessed`); used only when made at the input's
 * moment with its settings, any opportunity they lack is assessed here.
 */
export function prepareDashboard(input: DashboardInput, ahead?: Preassessed): PreparedDashboard {
  const ctx = ruleContext(input.now, input.settings.pipeline);
  const assess = assessorAt(ctx);
  const made = ahead && holdsFor(ahead, input) ? ahead : null;
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
      assessment: made?.get(o.facts.opportunity) ?? assess(o.facts),
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
    // Written out rather than spread: copying 80,000 records by spread cost several times the parse.
    list.push({ opportunity_id: change.opportunity_id, stage: change.stage, status: change.status, changed_at: change.changed_at, at: Date.parse(change.changed_at) });
  }
  for (const list of stageChanges.values()) if (list.length > 1) list.sort((a, b) => a.at - b.at);

  return { input, ctx, today, accounts: [...byId.values()], opportunities, stageChanges };
}
