import { z } from 'zod';
import { USE_CASE_STATUSES } from '../pipeline/facts';
import { Day, optionalText, recordMeta, requiredText, sourceColumns, Uuid } from './common';

/**
 * The evidence that ties an opportunity to the customer's own aims (the Align
 * stage): goals, the progress toward them, use cases, and the business case.
 */

/** Why the customer bought, in their words; `confirmed_current_on`: the last day they said it still holds. */
export const Goal = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  statement: requiredText(1000),
  confirmed_current_on: Day.nullable().default(null),
  ...sourceColumns,
});
export type Goal = z.infer<typeof Goal>;

/** Progress made toward one goal, and what remains. */
export const Outcome = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  goal_id: Uuid,
  summary: requiredText(2000),
  remaining: optionalText(2000),
  ...sourceColumns,
});
export type Outcome = z.infer<typeof Outcome>;

export const UseCase = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  name: requiredText(200),
  status: z.enum(USE_CASE_STATUSES),
  description: optionalText(2000),
  ...sourceColumns,
});
export type UseCase = z.infer<typeof UseCase>;

/** The four answers of an opportunity's business case (at most one per opportunity). */
export const BusinessCase = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  opportunity_id: Uuid,
  goal_answer: optionalText(4000),
  goal_still_current: z.boolean().nullable().default(null),
  progress_answer: optionalText(4000),
  path_answer: optionalText(4000),
  success_answer: optionalText(4000),
  /** The customer can explain it without the CSM. */
  portable: z.boolean().default(false),
  ...sourceColumns,
});
export type BusinessCase = z.infer<typeof BusinessCase>;
