import { z } from 'zod';
import {
  ADVOCACY_ASK_KINDS,
  COMMUNICATION_STEP_STATUSES,
  INTENT_SIGNAL_KINDS,
  MEETING_KINDS,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  STAKEHOLDER_INFLUENCES,
  STAKEHOLDER_POSITIONS,
  STAKEHOLDER_ROLES,
  USE_CASE_STATUSES,
} from '@/lib/pipeline/facts';
import { STAGE_IDS } from '@/lib/pipeline/stages';

/**
 * The database rows the facts are derived from, as the delta pull
 * (`pull_changes`, supabase/API.md) delivers them: one JSON object per row,
 * snake_case columns, `date` columns as `YYYY-MM-DD`, `numeric` as JSON numbers.
 *
 * Only the columns the stage rules need are read; the rest pass through
 * unread (objects are not strict), so a newer database adding a column does
 * not break an older extension.
 */
const Id = z.guid();
const Day = z.iso.date();

const Row = { id: Id, account_id: Id };

export const OpportunityRow = z.object({
  ...Row,
  type: z.enum(OPPORTUNITY_TYPES),
  source: z.enum(OPPORTUNITY_SOURCES).nullable(),
  declared_stage: z.enum(STAGE_IDS),
  status: z.enum(OPPORTUNITY_STATUSES),
  amount: z.number().nonnegative().nullable(),
  target_date: Day.nullable(),
  target_date_confirmed_on: Day.nullable(),
});
export const GoalRow = z.object({ ...Row, confirmed_current_on: Day.nullable() });
export const OutcomeRow = z.object({ ...Row, goal_id: Id });
export const UseCaseRow = z.object({ ...Row, status: z.enum(USE_CASE_STATUSES) });
export const BusinessCaseRow = z.object({
  ...Row,
  opportunity_id: Id,
  goal_answer: z.string().nullable(),
  progress_answer: z.string().nullable(),
  path_answer: z.string().nullable(),
  success_answer: z.string().nullable(),
  portable: z.boolean(),
});
export const StakeholderRow = z.object({
  ...Row,
  roles: z.array(z.enum(STAKEHOLDER_ROLES)),
  position: z.enum(STAKEHOLDER_POSITIONS),
  influence: z.enum(STAKEHOLDER_INFLUENCES).nullable(),
});
export const IntentSignalRow = z.object({
  ...Row,
  opportunity_id: Id,
  kind: z.enum(INTENT_SIGNAL_KINDS),
  occurred_on: Day,
  has_next_steps_with_owners: z.boolean(),
});
export const InsightRow = z.object({ ...Row, shared_on: Day.nullable() });
export const MeetingRow = z.object({ ...Row, kind: z.enum(MEETING_KINDS), held_on: Day });
export const CommunicationStepRow = z.object({
  ...Row,
  stakeholder_id: Id,
  status: z.enum(COMMUNICATION_STEP_STATUSES),
  planned_on: Day.nullable(),
});
export const CloseRecordRow = z.object({
  ...Row,
  opportunity_id: Id,
  agreement_finalized_on: Day.nullable(),
  close_reasons: z.array(z.string()),
  win_summary_sent_on: Day.nullable(),
  advocacy_ask: z.enum(ADVOCACY_ASK_KINDS).nullable(),
  next_cycle_goals: z.array(z.string()),
});

/** The rows of one organization (or one account) the stage rules read, by table. */
export const PipelineRecords = z.object({
  opportunities: z.array(OpportunityRow),
  goals: z.array(GoalRow),
  outcomes: z.array(OutcomeRow),
  use_cases: z.array(UseCaseRow),
  business_cases: z.array(BusinessCaseRow),
  stakeholders: z.array(StakeholderRow),
  intent_signals: z.array(IntentSignalRow),
  insights: z.array(InsightRow),
  meetings: z.array(MeetingRow),
  communication_steps: z.array(CommunicationStepRow),
  close_records: z.array(CloseRecordRow),
});

export type OpportunityRow = z.infer<typeof OpportunityRow>;
export type GoalRow = z.infer<typeof GoalRow>;
export type OutcomeRow = z.infer<typeof OutcomeRow>;
export type UseCaseRow = z.infer<typeof UseCaseRow>;
export type BusinessCaseRow = z.infer<typeof BusinessCaseRow>;
export type StakeholderRow = z.infer<typeof StakeholderRow>;
export type IntentSignalRow = z.infer<typeof IntentSignalRow>;
export type InsightRow = z.infer<typeof InsightRow>;
export type MeetingRow = z.infer<typeof MeetingRow>;
export type CommunicationStepRow = z.infer<typeof CommunicationStepRow>;
export type CloseRecordRow = z.infer<typeof CloseRecordRow>;
export type PipelineRecords = z.infer<typeof PipelineRecords>;

/** The tables of `PipelineRecords`, as named by the database. */
export const PIPELINE_TABLES = Object.keys(PipelineRecords.shape) as (keyof PipelineRecords)[];
