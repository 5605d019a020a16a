import { z } from 'zod';
import { ADVOCACY_ASK_KINDS, INTENT_SIGNAL_KINDS } from '../pipeline/facts';
import { Day, Money, optionalText, recordMeta, sourceColumns, Uuid } from './common';

/**
 * The evidence of the decision itself (the Intent and Net Revenue Close
 * stages): intent signals and the close record.
 */

/** A sign the customer is organising the decision (or, `risk_raised`, a sign against). */
export const IntentSignal = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  opportunity_id: Uuid,
  kind: z.enum(INTENT_SIGNAL_KINDS),
  occurred_on: Day,
  summary: optionalText(2000),
  next_steps: optionalText(2000),
  /** Each agreed next step has an owner: what makes a verbal yes count. */
  has_next_steps_with_owners: z.boolean().default(false),
  ...sourceColumns,
});
export type IntentSignal = z.infer<typeof IntentSignal>;

/** A list of short texts: at most 20 items of 1 to 500 characters (`private.texts_within`). */
const ShortTexts = z.array(z.string().min(1).max(500)).max(20).default([]);

/** What was recorded when the opportunity closed (at most one per opportunity). */
export const CloseRecord = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  opportunity_id: Uuid,
  outcome: z.enum(['won', 'lost']),
  amount: Money.nullable().default(null),
  terms_summary: optionalText(4000),
  agreement_finalized_on: Day.nullable().default(null),
  /** Why the customer chose to keep investing, one reason per item. */
  close_reasons: ShortTexts,
  win_summary_sent_on: Day.nullable().default(null),
  advocacy_ask: z.enum(ADVOCACY_ASK_KINDS).nullable().default(null),
  advocacy_answer: optionalText(2000),
  next_cycle_goals: ShortTexts,
  ...sourceColumns,
});
export type CloseRecord = z.infer<typeof CloseRecord>;
