import { z } from 'zod';
import { COMMUNICATION_STEP_STATUSES, MEETING_KINDS } from '../pipeline/facts';
import { Day, optionalText, recordMeta, requiredText, sourceColumns, Uuid } from './common';

/**
 * The evidence of how the CSM works the account's people (the Advocate
 * stage): insights shared, meetings held, conversations planned.
 */

export const INSIGHT_KINDS = ['adoption_progress', 'operational_improvement', 'business_outcome', 'risk_reduced', 'new_opportunity'] as const;

/** An insight for the customer; a draft until `shared_on` is set. */
export const Insight = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  opportunity_id: Uuid.nullable().default(null),
  kind: z.enum(INSIGHT_KINDS),
  summary: requiredText(2000),
  /** The metric or proof behind it. */
  proof: optionalText(2000),
  shared_on: Day.nullable().default(null),
  /** It can be forwarded inside the customer without editing. */
  travels_unedited: z.boolean().default(false),
  ...sourceColumns,
});
export type Insight = z.infer<typeof Insight>;

/** An alignment meeting or executive conversation; attendees are `stakeholder_ids`. */
export const Meeting = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  opportunity_id: Uuid.nullable().default(null),
  kind: z.enum(MEETING_KINDS),
  held_on: Day,
  summary: optionalText(2000),
  ...sourceColumns,
});
export type Meeting = z.infer<typeof Meeting>;

/** A planned conversation with one stakeholder, with its purpose. */
export const CommunicationStep = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  opportunity_id: Uuid.nullable().default(null),
  stakeholder_id: Uuid,
  purpose: requiredText(1000),
  status: z.enum(COMMUNICATION_STEP_STATUSES).default('planned'),
  planned_on: Day.nullable().default(null),
  ...sourceColumns,
});
export type CommunicationStep = z.infer<typeof CommunicationStep>;
