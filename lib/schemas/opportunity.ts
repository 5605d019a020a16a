import { z } from 'zod';
import { OPPORTUNITY_SOURCES, OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES } from '../pipeline/facts';
import { STAGE_IDS } from '../pipeline/stages';
import { Day, Money, optionalText, recordMeta, requiredText, Timestamp, Uuid } from './common';

/**
 * A renewal or growth motion on an account. `stage_entered_at` is kept by the
 * store (and by the database's trigger): it restarts whenever the declared
 * stage changes.
 */
export const Opportunity = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  title: requiredText(200),
  type: z.enum(OPPORTUNITY_TYPES),
  source: z.enum(OPPORTUNITY_SOURCES).nullable().default(null),
  declared_stage: z.enum(STAGE_IDS).default('identify'),
  status: z.enum(OPPORTUNITY_STATUSES).default('open'),
  amount: Money.nullable().default(null),
  target_date: Day.nullable().default(null),
  target_date_confirmed_on: Day.nullable().default(null),
  notes: optionalText(5000),
  stage_entered_at: Timestamp,
});
export type Opportunity = z.infer<typeof Opportunity>;

/** One entry of an opportunity's stage history, appended on every change of declared stage or status. */
export const OpportunityStageChange = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  opportunity_id: Uuid,
  stage: z.enum(STAGE_IDS),
  status: z.enum(OPPORTUNITY_STATUSES),
  changed_at: Timestamp,
});
export type OpportunityStageChange = z.infer<typeof OpportunityStageChange>;
