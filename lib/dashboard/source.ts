import { isEngaged } from '../pipeline/criteria/advocate';
import { dayNumber } from '../pipeline/days';
import type { InsightFact, OpportunityRecord, StakeholderFact } from '../pipeline/facts';
import { createFactsPreparer, NO_DAY, PERSON, type AssessableAccountLists, type AssessableFacts } from '../pipeline/prepared-facts';
import type { DashboardAccount, DashboardInput, DashboardMilestone, DashboardSettings, DashboardStageChange, ForecastSnapshotRow } from './input';

/**
 * What `prepareDashboard` indexes: the dashboard's input once checked, each
 * opportunity's facts already prepared for the stage rules (`AssessableFacts`:
 * what deciding stages reads, no evidence record's id), with only the few
 * named fields the views show beside them.
 *
 * Why not `DashboardInput` itself: the team's facts arrive compact (day
 * numbers, enum positions) and the rules read them prepared (day numbers,
 * enum codes); building every evidence record as a named object in between
 * was most of the page's decoding at 20,000 accounts (issue 9), and nothing
 * but the rules reads those records. So the workspace's pages are decoded
 * straight into this (lib/dashboard-data/dashboard-facts.ts), and a named
 * input (the local store's, tests') is turned into it by `dashboardSourceOf`;
 * a property test holds the two routes to the same figures.
 */
export interface DashboardSource {
  /** The moment of computation (`DashboardInput.now`). */
  now: string;
  settings: DashboardSettings;
  accounts: readonly SourceAccount[];
  /** Every opportunity; those of an account not listed are left out. */
  opportunities: readonly OpportunityEntry[];
  milestones: readonly DashboardMilestone[];
  stage_changes: readonly DashboardStageChange[];
  forecast_snapshots: readonly ForecastSnapshotRow[];
  forecast_weeks: readonly string[];
}

/** An account's own fields, and what the account lists read of its people. */
export interface SourceAccount {
  id: string;
  name: string;
  owner_id: string | null;
  arr: number | null;
  renewal_on: string | null;
  /** `null`: not given; then those of its first opportunity's facts are read (or none). */
  stakeholders: StakeholderCounts | null;
  /** The day each shared insight was shared (drafts left out), as day numbers; `null` as for `stakeholders`. */
  insightsShared: readonly number[] | null;
}

/** What the views read of an account's stakeholders. */
export interface StakeholderCounts {
  count: number;
  /** Engaged as the Advocate rule counts them (`isEngaged`: sponsor or supporter). */
  engaged: number;
  hasSponsor: boolean;
}

/** One opportunity: its record (the named fields shown and filtered on) and its facts as the rules read them. */
export interface OpportunityEntry {
  record: OpportunityRecord;
  facts: AssessableFacts;
  /** The day written in `stage_entered_at`, as a day number. */
  stageEnteredDay: number;
  /** The close record's `agreement_finalized_on` as a day number; `null` when none. */
  finalizedDay: number | null;
  title: string | null;
}

const SPONSOR = PERSON.position('sponsor');
const SUPPORTER = PERSON.position('supporter');

/** An account's stakeholders, from its prepared lists (the workspace route). */
export function stakeholderCountsOfLists(lists: AssessableAccountLists): StakeholderCounts {
  let engaged = 0;
  let hasSponsor = false;
  for (let k = lists.stakeholders; k < lists.insights; k += 1) {
    const position = lists.codes[k]! & PERSON.POSITION;
    // `isEngaged` (criteria/advocate.ts), read from the position code.
    if (position === SPONSOR || position === SUPPORTER) engaged += 1;
    if (position === SPONSOR) hasSponsor = true;
  }
  return { count: lists.insights - lists.stakeholders, engaged, hasSponsor };
}

/** An account's shared insights' days, from its prepared lists (a draft's code is `NO_DAY`). */
export function insightsSharedOfLists(lists: AssessableAccountLists): number[] {
  const shared: number[] = [];
  for (let k = lists.insights; k < lists.meetings; k += 1) if (lists.codes[k] !== NO_DAY) shared.push(lists.codes[k]!);
  return shared;
}

/** An account's stakeholders, from the named records (a named input's). */
export function stakeholderCountsOf(stakeholders: readonly StakeholderFact[]): StakeholderCounts {
  let engaged = 0;
  let hasSponsor = false;
  for (const s of stakeholders) {
    if (isEngaged(s)) engaged += 1;
    if (s.position === 'sponsor') hasSponsor = true;
  }
  return { count: stakeholders.length, engaged, hasSponsor };
}

export function insightsSharedOf(insights: readonly InsightFact[]): number[] {
  const shared: number[] = [];
  for (const i of insights) if (i.shared_on !== null) shared.push(dayNumber(i.shared_on));
  return shared;
}

/** A named (validated) input as a source: each opportunity's facts prepared once, an account's lists shared by its opportunities. */
export function dashboardSourceOf(input: DashboardInput): DashboardSource {
  const prepare = createFactsPreparer();
  return {
    now: input.now,
    settings: input.settings,
    accounts: input.accounts.map(sourceAccountOf),
    opportunities: input.opportunities.map((o) => {
      const finalized = o.facts.close_record?.agreement_finalized_on ?? null;
      return {
        record: o.facts.opportunity,
        facts: prepare(o.facts),
        stageEnteredDay: dayNumber(o.stage_entered_at),
        finalizedDay: finalized === null ? null : dayNumber(finalized),
        title: o.title ?? null,
      };
    }),
    milestones: input.milestones,
    stage_changes: input.stage_changes,
    forecast_snapshots: input.forecast_snapshots,
    forecast_weeks: input.forecast_weeks,
  };
}

function sourceAccountOf(account: DashboardAccount): SourceAccount {
  const { id, name, owner_id, arr, renewal_on, stakeholders, insights } = account;
  return {
    id,
    name,
    owner_id,
    arr,
    renewal_on,
    stakeholders: stakeholders ? stakeholderCountsOf(stakeholders) : null,
    insightsShared: insights ? insightsSharedOf(insights) : null,
  };
}
