import { z } from 'zod';
import { STAGE_IDS } from './stages';

/**
 * The facts the stage rules read: the contract between the rules and whatever
 * produces them — the panel's local store and the database's `opportunity_facts`
 * view. Both must produce exactly this JSON; a parity test holds them to it.
 * Where facts enter, they are validated with these schemas and then prepared once
 * (`prepared-facts.ts`): the rules read that denser in-memory form, never this one.
 *
 * Shape rules, so a SQL view can build it with `jsonb_build_object` / `jsonb_agg`:
 * - keys are snake_case; enums are the snake_case strings of the domain page;
 * - ids are UUID strings (any 8-4-4-4-12 hex form, as Postgres prints a `uuid`);
 * - dates are `YYYY-MM-DD` (a Postgres `date` cast to text); days are UTC days;
 * - absent values are `null`, never a missing key; lists are `[]`, never `null`
 *   (in SQL: `coalesce(jsonb_agg(...) filter (where ...), '[]'::jsonb)`);
 * - lists may come in any order: the rules never depend on it;
 * - only what the rules need: no names, notes or free text;
 * - every record, whatever its date or status (drafts, cancelled steps, meetings
 *   in the future, stale goals): the rules decide what counts on the day they are
 *   given, which a view cannot know. Deleted (soft-deleted) records are left out.
 *
 * Objects are parsed leniently (unknown keys are dropped, not rejected) on purpose:
 * the database and the extension ship separately, so a newer view that adds a key
 * must not break an older panel.
 *
 * Scope: `opportunity`, `business_case`, `intent_signals` and `close_record` belong
 * to the opportunity; `goals`, `outcomes`, `use_cases`, `stakeholders`, `insights`,
 * `meetings` and `communication_steps` are the whole account's records (the same
 * lists for every opportunity of the account).
 */

const Id = z.guid();
/** A calendar day, `YYYY-MM-DD`. */
const Day = z.iso.date();

export const OPPORTUNITY_TYPES = ['renewal', 'expansion', 'upsell', 'cross_sell', 'new_team', 'new_use_case'] as const;
/** Where an opportunity came from (the Identify stage asks for it). */
export const OPPORTUNITY_SOURCES = ['reason_for_purchase', 'onboarding_gap', 'constraint', 'future_need'] as const;
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export const USE_CASE_STATUSES = ['active', 'discussed_not_active', 'adjacent_team'] as const;
export const STAKEHOLDER_ROLES = [
  'executive_sponsor',
  'budget_owner',
  'approver',
  'influencer',
  'steering_committee',
  'champion_user',
  'end_user',
  'procurement',
  'legal',
  'security',
  'finance',
] as const;
export const STAKEHOLDER_POSITIONS = ['sponsor', 'supporter', 'needs_education', 'detractor', 'unknown'] as const;
export const STAKEHOLDER_INFLUENCES = ['high', 'medium', 'low'] as const;
/**
 * What an intent signal records. Most kinds back the Intent criterion of the same
 * name; `verbal_commitment` backs `verbal_commitment_with_path` only when it has
 * next steps with owners. The mapping lives in `criteria/intent.ts`.
 * `risk_raised` is a signal against (delay, budget lost, competing priority,
 * leadership change): it is shown, but never backs or blocks a criterion.
 */
export const INTENT_SIGNAL_KINDS = [
  'decision_timing_known',
  'budget_owner_identified',
  'approval_path_mapped',
  'timeline_confirmed',
  'verbal_commitment',
  'procurement_engaged',
  'legal_review',
  'security_review',
  'exec_conversation_scheduled',
  'commercial_partner_engaged',
  'renewal_planning_discussed',
  'stakeholder_introduced_procurement',
  'budget_reallocated',
  'risk_raised',
  'other',
] as const;
export const MEETING_KINDS = ['alignment_meeting', 'executive_conversation'] as const;
export const COMMUNICATION_STEP_STATUSES = ['planned', 'done', 'cancelled'] as const;
export const ADVOCACY_ASK_KINDS = ['quote', 'reference', 'case_study', 'review', 'referral', 'intro_to_team', 'internal_story'] as const;
export const MILESTONE_KINDS = [
  'purchase_welcome',
  'kickoff',
  'onboarding_complete',
  'first_value',
  'value_block',
  'insight_shared',
  'alignment_meeting',
  'renew_grow',
] as const;

export const OpportunityRecord = z.object({
  id: Id,
  account_id: Id,
  type: z.enum(OPPORTUNITY_TYPES),
  /** `null` until the CSM notes where it came from. */
  source: z.enum(OPPORTUNITY_SOURCES).nullable(),
  /** What the CSM says. The rules never read it to compute the evidence stage. */
  declared_stage: z.enum(STAGE_IDS),
  status: z.enum(OPPORTUNITY_STATUSES),
  amount: z.number().nonnegative().nullable(),
  /** The target decision date. */
  target_date: Day.nullable(),
  /** The day the customer confirmed `target_date`; `null` while it is only ours. */
  target_date_confirmed_on: Day.nullable(),
});

/** Why the customer bought. `confirmed_current_on`: last day the customer said it still holds. */
export const GoalFact = z.object({ id: Id, confirmed_current_on: Day.nullable() });

/** Progress recorded toward a goal. */
export const OutcomeFact = z.object({ id: Id, goal_id: Id });

export const UseCaseFact = z.object({ id: Id, status: z.enum(USE_CASE_STATUSES) });

/**
 * The opportunity's business case: which of its four answers are written down, and
 * whether the customer can carry it without the CSM. `null` when none is started.
 */
export const BusinessCaseFact = z.object({
  id: Id,
  /** The goal, and whether it is still current. */
  goal_answered: z.boolean(),
  /** The progress made and what remains. */
  progress_answered: z.boolean(),
  /** How this opportunity moves the goal forward, through use cases the customer knows. */
  path_answered: z.boolean(),
  /** What success looks like, in the customer's terms. */
  success_answered: z.boolean(),
  /** The customer can explain it unaided. */
  portable: z.boolean(),
});

export const StakeholderFact = z.object({
  id: Id,
  /** Roles in the decision; `[]` until mapped. */
  roles: z.array(z.enum(STAKEHOLDER_ROLES)),
  position: z.enum(STAKEHOLDER_POSITIONS),
  influence: z.enum(STAKEHOLDER_INFLUENCES).nullable(),
});

export const IntentSignalFact = z.object({
  id: Id,
  kind: z.enum(INTENT_SIGNAL_KINDS),
  occurred_on: Day,
  /** The next steps agreed each have an owner. Read for `verbal_commitment`; `false` when not recorded. */
  has_next_steps_with_owners: z.boolean(),
});

/** An insight is shared once `shared_on` is set; a draft has `null`. */
export const InsightFact = z.object({ id: Id, shared_on: Day.nullable() });

/** A meeting counts as held from `held_on` (a later day means it is only planned). */
export const MeetingFact = z.object({ id: Id, kind: z.enum(MEETING_KINDS), held_on: Day });

/** A planned conversation with one stakeholder. */
export const CommunicationStepFact = z.object({
  id: Id,
  stakeholder_id: Id,
  status: z.enum(COMMUNICATION_STEP_STATUSES),
  planned_on: Day.nullable(),
});

/** What was recorded at the close. `null` until a close record exists. */
export const CloseRecordFact = z.object({
  id: Id,
  /** The day the agreement was signed or otherwise finalised. */
  agreement_finalized_on: Day.nullable(),
  /** How many reasons the customer gave for continuing to invest. */
  close_reason_count: z.int().nonnegative(),
  win_summary_sent_on: Day.nullable(),
  /** The one advocacy ask made, if any. */
  advocacy_ask: z.enum(ADVOCACY_ASK_KINDS).nullable(),
  /** How many goals were set for the next cycle. */
  next_cycle_goal_count: z.int().nonnegative(),
});

/** Everything the rules read about one opportunity (and its account). */
export const OpportunityFacts = z.object({
  opportunity: OpportunityRecord,
  goals: z.array(GoalFact),
  outcomes: z.array(OutcomeFact),
  use_cases: z.array(UseCaseFact),
  business_case: BusinessCaseFact.nullable(),
  stakeholders: z.array(StakeholderFact),
  intent_signals: z.array(IntentSignalFact),
  insights: z.array(InsightFact),
  meetings: z.array(MeetingFact),
  communication_steps: z.array(CommunicationStepFact),
  close_record: CloseRecordFact.nullable(),
});

export const MilestoneFact = z.object({ kind: z.enum(MILESTONE_KINDS), reached_on: Day });

/**
 * Everything the account summary reads: the account's milestones and stakeholders,
 * and the facts of each of its opportunities (open, won and lost).
 */
export const AccountFacts = z.object({
  account: z.object({ id: Id, milestones: z.array(MilestoneFact) }),
  stakeholders: z.array(StakeholderFact),
  opportunities: z.array(OpportunityFacts),
});

export type OpportunityRecord = z.infer<typeof OpportunityRecord>;
export type GoalFact = z.infer<typeof GoalFact>;
export type OutcomeFact = z.infer<typeof OutcomeFact>;
export type UseCaseFact = z.infer<typeof UseCaseFact>;
export type BusinessCaseFact = z.infer<typeof BusinessCaseFact>;
export type StakeholderFact = z.infer<typeof StakeholderFact>;
export type IntentSignalFact = z.infer<typeof IntentSignalFact>;
export type InsightFact = z.infer<typeof InsightFact>;
export type MeetingFact = z.infer<typeof MeetingFact>;
export type CommunicationStepFact = z.infer<typeof CommunicationStepFact>;
export type CloseRecordFact = z.infer<typeof CloseRecordFact>;
export type OpportunityFacts = z.infer<typeof OpportunityFacts>;
export type MilestoneFact = z.infer<typeof MilestoneFact>;
export type AccountFacts = z.infer<typeof AccountFacts>;

export type IntentSignalKind = (typeof INTENT_SIGNAL_KINDS)[number];
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];
export type StakeholderPosition = (typeof STAKEHOLDER_POSITIONS)[number];
