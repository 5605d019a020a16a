import { z } from 'zod';
import {
  BusinessCaseFact,
  CloseRecordFact,
  CommunicationStepFact,
  GoalFact,
  InsightFact,
  IntentSignalFact,
  MeetingFact,
  OpportunityRecord,
  OutcomeFact,
  StakeholderFact,
  UseCaseFact,
  type OpportunityFacts,
} from '../pipeline/facts';
import { positionalOf } from '../zod-positional';

/**
 * One row of the `account_facts` view (supabase/API.md): an account's
 * evidence lists once, and the own part of each of its opportunities. The
 * dashboard reads this rather than `opportunity_facts`, where every
 * opportunity repeats its account's lists (half the bytes at 20,000 accounts,
 * and each copy had to be parsed and checked). `opportunityFactsOf` joins them
 * back into the `OpportunityFacts` the stage rules read; a parity test holds
 * the result equal to `opportunity_facts` (tests/db/facts-parity.test.ts).
 */
const Id = z.guid();
/** PostgreSQL prints `timestamptz` inside JSON with an offset (`+00:00`). */
const Timestamp = z.iso.datetime({ offset: true });

/** What belongs to one opportunity alone, plus when its declared stage (or status) last changed. */
export const OpportunityOwnFacts = z.object({
  opportunity: OpportunityRecord,
  business_case: BusinessCaseFact.nullable(),
  intent_signals: z.array(IntentSignalFact),
  close_record: CloseRecordFact.nullable(),
  stage_entered_at: Timestamp,
});

export const AccountFactsRow = z
  .object({
    account_id: Id,
    goals: z.array(GoalFact),
    outcomes: z.array(OutcomeFact),
    use_cases: z.array(UseCaseFact),
    stakeholders: z.array(StakeholderFact),
    insights: z.array(InsightFact),
    meetings: z.array(MeetingFact),
    communication_steps: z.array(CommunicationStepFact),
    opportunities: z.array(OpportunityOwnFacts),
  })
  .refine((row) => row.opportunities.every((o) => o.opportunity.account_id === row.account_id), {
    message: 'an opportunity of another account is listed under this one',
    path: ['opportunities'],
  });

export type OpportunityOwnFacts = z.infer<typeof OpportunityOwnFacts>;
export type AccountFactsRow = z.infer<typeof AccountFactsRow>;

/**
 * The dashboard reads the same rows in their compact form: the view
 * `account_facts_compact` (supabase/API.md), one `facts` column per account,
 * laid out by `AccountFactsRow` (lib/zod-positional.ts: objects as lists of
 * their values in key order, enums as indexes, days as day numbers). About a
 * third of the bytes of the named form, and cheaper to parse and check.
 */
export const ACCOUNT_FACTS_RELATION = 'account_facts_compact';
/** Columns the dashboard asks of it (the `select=` of its request). */
export const ACCOUNT_FACTS_COLUMNS = 'facts';

/**
 * `AccountFactsRow` ↔ its compact form, derived from the schema above. The
 * dashboard decodes the compact form straight into prepared facts
 * (compact-facts.ts); the named decoding is the reference it is held to, and
 * names the path and reason of a misfit.
 */
export const AccountFactsWire = positionalOf(AccountFactsRow);

/**
 * The facts of each opportunity of the account, with when it entered its stage.
 * The account's lists are shared, not copied, between its opportunities:
 * nothing reading facts changes them.
 */
export function opportunityFactsOf(row: AccountFactsRow): { facts: OpportunityFacts; stage_entered_at: string }[] {
  const { goals, outcomes, use_cases, stakeholders, insights, meetings, communication_steps } = row;
  return row.opportunities.map(({ stage_entered_at, opportunity, business_case, intent_signals, close_record }) => ({
    facts: { opportunity, goals, outcomes, use_cases, business_case, stakeholders, intent_signals, insights, meetings, communication_steps, close_record },
    stage_entered_at,
  }));
}
