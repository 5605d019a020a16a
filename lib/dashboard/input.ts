import { z } from 'zod';
import {
  InsightFact,
  MILESTONE_KINDS,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  OpportunityFacts,
  StakeholderFact,
} from '../pipeline/facts';
import { PipelineSettings } from '../pipeline/settings';
import { STAGE_IDS } from '../pipeline/stages';

/**
 * What the dashboard is computed from, whoever produced it: the local store (solo)
 * or the team's database (`opportunity_facts`, accounts, milestones, stage changes).
 * Plain snake_case JSON like the facts, so either side can build it without code of
 * ours. Validate once where it enters (`parseDashboardInput`); the views trust it.
 */
const Id = z.guid();
const Day = z.iso.date();
const Timestamp = z.iso.datetime({ offset: true });

export const DashboardAccount = z.object({
  id: Id,
  name: z.string(),
  /** The CSM who owns the account; `null` when nobody does yet. */
  owner_id: Id.nullable(),
  /** Annual recurring revenue as recorded today: the store keeps no history of it (see nrr.ts). */
  arr: z.number().nonnegative().nullable(),
  renewal_on: Day.nullable(),
  /**
   * The account's stakeholders and insights. Every opportunity's facts already carry
   * them, so they are needed only for an account with no opportunity at all; when
   * absent, they are read from the account's first opportunity (or taken as none).
   */
  stakeholders: z.array(StakeholderFact).optional(),
  insights: z.array(InsightFact).optional(),
});

export const DashboardOpportunity = z.object({
  facts: OpportunityFacts,
  /** When the declared stage (or status) last changed. */
  stage_entered_at: Timestamp,
  title: z.string().nullish(),
});

export const DashboardMilestone = z.object({ account_id: Id, kind: z.enum(MILESTONE_KINDS), reached_on: Day });

/** One entry of an opportunity's history: the declared stage and status from `changed_at` on. */
export const DashboardStageChange = z.object({
  opportunity_id: Id,
  stage: z.enum(STAGE_IDS),
  status: z.enum(OPPORTUNITY_STATUSES).default('open'),
  changed_at: Timestamp,
});

/**
 * One line of a weekly forecast snapshot: on `week_start` (the snapshot's day), the
 * opportunity was expected to close on `expected_close_on` for `amount`. Taken by the
 * database's `take_forecast_snapshot`; `evidence_stage` is what the stage rules made
 * of the line's facts at the snapshot's time (absent when the source did not say).
 */
export const ForecastSnapshotRow = z.object({
  week_start: Day,
  opportunity_id: Id,
  account_id: Id,
  type: z.enum(OPPORTUNITY_TYPES),
  amount: z.number().nonnegative(),
  expected_close_on: Day,
  evidence_stage: z.enum([...STAGE_IDS, 'complete']).optional(),
});

export const DashboardSettings = z.object({
  /** An open opportunity in its declared stage for more than this many days is stalled. */
  stall_threshold_days: z.int().min(1).max(3650).default(30),
  /** The stage rules' freshness windows (the same team settings the panel uses). */
  pipeline: PipelineSettings.prefault({}),
});

export const DashboardInput = z.object({
  /** The moment of computation: an ISO date or timestamp; its written day is "today". */
  now: z.union([Day, Timestamp]),
  settings: DashboardSettings.prefault({}),
  accounts: z.array(DashboardAccount),
  opportunities: z.array(DashboardOpportunity),
  milestones: z.array(DashboardMilestone).default([]),
  stage_changes: z.array(DashboardStageChange).default([]),
  forecast_snapshots: z.array(ForecastSnapshotRow).default([]),
  /** The `week_start` of every snapshot taken, so a week whose snapshot forecast nothing still has its row. */
  forecast_weeks: z.array(Day).default([]),
});

export type DashboardAccount = z.infer<typeof DashboardAccount>;
export type DashboardOpportunity = z.infer<typeof DashboardOpportunity>;
export type DashboardMilestone = z.infer<typeof DashboardMilestone>;
export type DashboardStageChange = z.infer<typeof DashboardStageChange>;
export type ForecastSnapshotRow = z.infer<typeof ForecastSnapshotRow>;
export type DashboardSettings = z.infer<typeof DashboardSettings>;
export type DashboardInput = z.infer<typeof DashboardInput>;
/** The input as a producer writes it: defaults may be left out. */
export type DashboardInputJson = z.input<typeof DashboardInput>;

export type ParsedInput = { ok: true; input: DashboardInput } | { ok: false; message: string };

/** Validates an input from either source; a misfit is reported with where it is, never thrown. */
export function parseDashboardInput(raw: unknown): ParsedInput {
  const result = DashboardInput.safeParse(raw);
  if (result.success) return { ok: true, input: result.data };
  const first = result.error.issues[0];
  const where = first?.path.length ? first.path.join('.') : 'input';
  return { ok: false, message: `Dashboard input is not valid at ${where}: ${first?.message ?? 'unknown problem'}` };
}
