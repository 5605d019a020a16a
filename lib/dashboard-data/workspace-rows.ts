import { z } from 'zod';
import { DashboardInput, type ForecastSnapshotRow } from '../dashboard/input';
import type { DashboardSource, OpportunityEntry, SourceAccount } from '../dashboard/source';
import { assessWithContext } from '../pipeline/assess';
import { ruleContext } from '../pipeline/evaluate';
import { MILESTONE_KINDS, OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES, OpportunityFacts } from '../pipeline/facts';
import { createFactsPreparer } from '../pipeline/prepared-facts';
import type { PipelineSettings } from '../pipeline/settings';
import { STAGE_IDS } from '../pipeline/stages';
import { fastParser } from '../zod-fast-check';
import type { AccountFactsEntry } from './dashboard-facts';

/**
 * The rows the dashboard reads from the team's database (supabase/API.md), as
 * PostgREST returns them, and how they become one `DashboardInput`. Each table is
 * read with only the columns named here (the `*_COLUMNS` constants are the
 * `select=` of the request), so the schemas and the requests cannot drift apart.
 *
 * The organization row is read with `select=*`: `stall_threshold_days` is an
 * admin setting that an older database may not have yet, so it defaults to 30.
 */
const Id = z.guid();
const Day = z.iso.date();
/** PostgREST prints `timestamptz` with an offset (`+00:00`). */
const Timestamp = z.iso.datetime({ offset: true });
/** `numeric` columns arrive as JSON numbers; a null stays null. */
const Amount = z.number().nonnegative().nullable();

export const OrganizationRow = z.object({
  id: Id,
  name: z.string(),
  goal_current_days: z.int().min(1).max(3650).default(90),
  insight_shared_days: z.int().min(1).max(3650).default(90),
  stall_threshold_days: z.int().min(1).max(3650).nullish().transform((days) => days ?? 30),
});
export const MemberRow = z.object({ user_id: Id, email: z.string().nullable(), display_name: z.string().nullable(), role: z.enum(['csm', 'manager', 'admin']) });
export const AccountRow = z.object({ id: Id, name: z.string(), owner_id: Id.nullable(), arr: Amount, renewal_on: Day.nullable() });
/** An opportunity's title, by its id (the facts file it under its account). */
export const TitleRow = z.object({ id: Id, title: z.string() });
export const MilestoneRow = z.object({ account_id: Id, kind: z.enum(MILESTONE_KINDS), reached_on: Day });
export const StageChangeRow = z.object({ opportunity_id: Id, stage: z.enum(STAGE_IDS), status: z.enum(OPPORTUNITY_STATUSES), changed_at: Timestamp });
export const SnapshotRow = z.object({ id: Id, week_start: Day, taken_at: Timestamp });
export const SnapshotLineRow = z.object({
  snapshot_id: Id,
  week_start: Day,
  opportunity_id: Id,
  account_id: Id,
  type: z.enum(OPPORTUNITY_TYPES),
  amount: Amount,
  target_date: Day.nullable(),
  facts: OpportunityFacts,
});

export const MEMBER_COLUMNS = 'user_id,email,display_name,role';
export const ACCOUNT_COLUMNS = 'id,name,owner_id,arr,renewal_on';
export const TITLE_COLUMNS = 'id,title';
export const MILESTONE_COLUMNS = 'account_id,kind,reached_on';
export const STAGE_CHANGE_COLUMNS = 'opportunity_id,stage,status,changed_at';
export const SNAPSHOT_COLUMNS = 'id,week_start,taken_at';
export const SNAPSHOT_LINE_COLUMNS = 'snapshot_id,week_start,opportunity_id,account_id,type,amount,target_date,facts';

/** Every table is checked page by page with these schemas (decode-page.ts), once. */
export const WorkspaceRows = z.object({
  organization: OrganizationRow,
  members: z.array(MemberRow),
  accounts: z.array(AccountRow),
  /**
   * Decoded and checked page by page from their positional form, once, straight
   * into the facts the dashboard reads (`decodeAccountFactsPage`, dashboard-facts.ts).
   */
  account_facts: z.array(z.custom<AccountFactsEntry>((row) => row !== null && typeof row === 'object')),
  titles: z.array(TitleRow),
  milestones: z.array(MilestoneRow),
  stage_changes: z.array(StageChangeRow),
  snapshots: z.array(SnapshotRow),
  snapshot_lines: z.array(SnapshotLineRow),
});
export type OrganizationRow = z.infer<typeof OrganizationRow>;
export type MemberRow = z.infer<typeof MemberRow>;
export type WorkspaceRows = z.infer<typeof WorkspaceRows>;

/** The stage rules' settings of the organization (its freshness windows). */
export function pipelineSettingsOf(organization: OrganizationRow): PipelineSettings {
  return { freshness_days: { goal_current: organization.goal_current_days, insight_shared: organization.insight_shared_days } };
}

/** What the source adds to the checked rows, checked by the dashboard input's own schemas. */
const parseRest = fastParser(DashboardInput.pick({ now: true, settings: true, forecast_snapshots: true, forecast_weeks: true }));

export type SourceBuilt = { ok: true; source: DashboardSource } | { ok: false; message: string };

/**
 * The dashboard's source for the organization at `now`, from rows each
 * already checked (decode-page.ts). Snapshot lines are assessed with the
 * stage rules at their snapshot's `taken_at`, with today's freshness windows
 * (the windows in force then are not kept).
 */
export function sourceFromWorkspaceRows(rows: WorkspaceRows, now: string): SourceBuilt {
  const { organization } = rows;
  const pipeline = pipelineSettingsOf(organization);
  const factsOf = new Map<string, AccountFactsEntry>();
  for (const facts of rows.account_facts) factsOf.set(facts.accountId, facts);
  const titles = new Map(rows.titles.map((t) => [t.id, t.title]));
  const takenAt = new Map(rows.snapshots.map((s) => [s.id, s.taken_at]));
  const contexts = new Map<string, ReturnType<typeof ruleContext>>();
  const forecast: ForecastSnapshotRow[] = [];
  // A snapshot line's facts enter the stage rules here, once.
  const prepareFacts = createFactsPreparer();
  for (const line of rows.snapshot_lines) {
    if (line.target_date === null) continue;
    const at = takenAt.get(line.snapshot_id) ?? line.week_start;
    let ctx = contexts.get(at);
    if (!ctx) contexts.set(at, (ctx = ruleContext(at, pipeline)));
    forecast.push({
      week_start: line.week_start,
      opportunity_id: line.opportunity_id,
      account_id: line.account_id,
      type: line.type,
      amount: line.amount ?? 0,
      expected_close_on: line.target_date,
      evidence_stage: assessWithContext(prepareFacts(line.facts), ctx).evidenceStage,
    });
  }
  const rest = parseRest({
    now,
    settings: { stall_threshold_days: organization.stall_threshold_days, pipeline },
    forecast_snapshots: forecast,
    forecast_weeks: rows.snapshots.map((s) => s.week_start),
  });
  if (!rest.success) {
    const issue = rest.error.issues[0];
    return { ok: false, message: `Dashboard input is not valid at ${issue?.path.join('.') ?? 'input'}: ${issue?.message ?? ''}` };
  }

  // An account's stakeholders and insights: those of its row in `account_facts`
  // (every opportunity's facts share them); none when it has no record at all.
  const accounts = rows.accounts.map((a): SourceAccount => {
    const facts = factsOf.get(a.id);
    return {
      id: a.id,
      name: a.name,
      owner_id: a.owner_id,
      arr: a.arr,
      renewal_on: a.renewal_on,
      stakeholders: facts ? facts.stakeholders : { count: 0, engaged: 0, hasSponsor: false },
      insightsShared: facts ? facts.insightsShared : [],
    };
  });
  const opportunities: OpportunityEntry[] = [];
  for (const facts of rows.account_facts) {
    for (const o of facts.opportunities) {
      o.title = titles.get(o.record.id) ?? null;
      opportunities.push(o);
    }
  }
  return {
    ok: true,
    source: { ...rest.data, accounts, opportunities, milestones: rows.milestones, stage_changes: rows.stage_changes },
  };
}
