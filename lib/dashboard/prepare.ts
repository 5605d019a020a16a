import { assessWithContext, type OpportunityAssessment } from '../pipeline/assess';
import type { RuleContext } from '../pipeline/criteria/criterion';
import { dayNumber, todayFrom } from '../pipeline/days';
import { ruleContext } from '../pipeline/evaluate';
import type { OpportunityRecord } from '../pipeline/facts';
import type { PipelineSettings } from '../pipeline/settings';
import type { DashboardInput, DashboardStageChange } from './input';
import {
  dashboardSourceOf,
  insightsSharedOfLists,
  stakeholderCountsOfLists,
  type DashboardSource,
  type OpportunityEntry,
  type SourceAccount,
  type StakeholderCounts,
} from './source';

/**
 * The input with every opportunity assessed once and everything indexed by account,
 * so the views and any number of filter changes reuse it. Built by
 * `indexDashboard` (or `prepareDashboard` for a named input); nothing in it depends on the filters.
 */
export interface PreparedDashboard {
  /** What was indexed: the moment, the settings, the forecast lines (source.ts). */
  source: DashboardSource;
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
  account: SourceAccount;
  stakeholders: StakeholderCounts;
  /** Day numbers of the account's shared insights. */
  insightsShared: readonly number[];
  /** Day numbers of the earliest reached milestone of each kind that has happened by today; null when none. */
  purchasedDay: number | null;
  firstValueDay: number | null;
  opportunities: PreparedOpportunity[];
  openOpportunities: number;
}

export interface PreparedOpportunity {
  record: OpportunityRecord;
  /** The close record's `agreement_finalized_on` as a day number; `null` when none. */
  finalizedDay: number | null;
  title: string;
  assessment: OpportunityAssessment;
  account: PreparedAccount;
  /** Calendar days from the day written in `stage_entered_at` to today, never negative (like the rules' days). */
  daysInStage: number;
}

/**
 * Opportunities assessed ahead of `indexDashboard`, at one moment with one
 * set of settings: the dashboard page assesses each page of facts as it
 * arrives, while the next pages are still being read (lib/dashboard-data/assemble.ts),
 * so little is left once the last one is in. Assessing is pure, so an
 * assessment made ahead is the one `indexDashboard` would make.
 */
export interface Preassessed {
  readonly now: string;
  readonly pipeline: PipelineSettings;
  /** Assesses this opportunity now and keeps the verdict for `indexDashboard`. */
  add(entry: OpportunityEntry): void;
  /** The verdict kept for this very entry (entries are never changed once decoded). */
  get(entry: OpportunityEntry): OpportunityAssessment | undefined;
}

/** Starts assessing ahead at `now` with `pipeline` (the input's `now` and `settings.pipeline` to come). */
export function preassess(now: string, pipeline: PipelineSettings): Preassessed {
  const ctx = ruleContext(now, pipeline);
  const made = new Map<OpportunityEntry, OpportunityAssessment>();
  return {
    now,
    pipeline,
    add: (entry) => void made.set(entry, assessWithContext(entry.facts, ctx)),
    get: (entry) => made.get(entry),
  };
}

/** Whether assessments made ahead hold for this source: made at its moment, with its settings. */
function holdsFor(ahead: Preassessed, source: DashboardSource): boolean {
  // Both are zod's output of PipelineSettings, so equal settings print alike.
  return ahead.now === source.now && JSON.stringify(ahead.pipeline) === JSON.stringify(source.settings.pipeline);
}

/** `indexDashboard` of a named input (the local store's, tests'): its facts prepared, then indexed. */
export function prepareDashboard(input: DashboardInput): PreparedDashboard {
  return indexDashboard(dashboardSourceOf(input));
}

/**
 * Assesses every opportunity once at `source.now` and indexes the source.
 * Opportunities of unknown accounts are left out. `ahead`: assessments
 * already made (see `Preassessed`); used only when made at the source's
 * moment with its settings, any opportunity they lack is assessed here.
 */
export function indexDashboard(source: DashboardSource, ahead?: Preassessed): PreparedDashboard {
  const ctx = ruleContext(source.now, source.settings.pipeline);
  const made = ahead && holdsFor(ahead, source) ? ahead : null;
  const today = todayFrom(source.now);
  const byId = new Map<string, PreparedAccount>();
  for (const account of source.accounts) {
    byId.set(account.id, {
      account,
      stakeholders: account.stakeholders ?? NO_STAKEHOLDERS,
      insightsShared: account.insightsShared ?? NONE,
      purchasedDay: null,
      firstValueDay: null,
      opportunities: [],
      openOpportunities: 0,
    });
  }
  for (const m of source.milestones) {
    const account = byId.get(m.account_id);
    const day = dayNumber(m.reached_on);
    if (!account || day > today) continue;
    if (m.kind === 'purchase_welcome' && (account.purchasedDay === null || day < account.purchasedDay)) account.purchasedDay = day;
    if (m.kind === 'first_value' && (account.firstValueDay === null || day < account.firstValueDay)) account.firstValueDay = day;
  }

  const opportunities: PreparedOpportunity[] = [];
  for (const o of source.opportunities) {
    const account = byId.get(o.record.account_id);
    if (!account) continue;
    if (account.opportunities.length === 0) {
      // The facts carry the account-wide lists; they win over none given.
      if (!account.account.stakeholders) account.stakeholders = stakeholderCountsOfLists(o.facts.account);
      if (!account.account.insightsShared) account.insightsShared = insightsSharedOfLists(o.facts.account);
    }
    const prepared: PreparedOpportunity = {
      record: o.record,
      finalizedDay: o.finalizedDay,
      title: o.title ?? '',
      assessment: made?.get(o) ?? assessWithContext(o.facts, ctx),
      account,
      daysInStage: Math.max(0, today - o.stageEnteredDay),
    };
    account.opportunities.push(prepared);
    if (prepared.record.status === 'open') account.openOpportunities += 1;
    opportunities.push(prepared);
  }

  // Parse each timestamp once: sorting and measuring stays compare numbers.
  const stageChanges = new Map<string, TimedStageChange[]>();
  for (const change of source.stage_changes) {
    let list = stageChanges.get(change.opportunity_id);
    if (!list) stageChanges.set(change.opportunity_id, (list = []));
    // Written out rather than spread: copying 80,000 records by spread cost several times the parse.
    list.push({ opportunity_id: change.opportunity_id, stage: change.stage, status: change.status, changed_at: change.changed_at, at: Date.parse(change.changed_at) });
  }
  for (const list of stageChanges.values()) if (list.length > 1) list.sort((a, b) => a.at - b.at);

  return { source, ctx, today, accounts: [...byId.values()], opportunities, stageChanges };
}

const NO_STAKEHOLDERS: StakeholderCounts = Object.freeze({ count: 0, engaged: 0, hasSponsor: false });
const NONE: readonly number[] = Object.freeze([]);
