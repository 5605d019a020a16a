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
 * evidence lists once, and the own part of each of its opportunities, by
 * name and with every record's id (Studio's reading; the dashboard reads the
 * same rows without ids, below). One row per account rather than
 * `opportunity_facts`, where every opportunity repeats its account's lists
 * (half the bytes at 20,000 accounts). `opportunityFactsOf` joins them
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
 * What the dashboard reads instead: the view `dashboard_account_facts`
 * (supabase/API.md), one `facts` column per account, in the positional form
 * of lib/zod-positional.ts (objects as lists of their values in key order,
 * enums as indexes, days as day numbers) and without evidence ids. The
 * dashboard never shows an evidence record's id; it only needs the links
 * between lists (an outcome's goal, a step's stakeholder), which travel as
 * positions. Ids were 72% of the compact form's bytes (issue 9). Only the
 * account's id and each opportunity's id remain.
 */
export const DASHBOARD_FACTS_RELATION = 'dashboard_account_facts';
/** Columns the dashboard asks of it (the `select=` of its request). */
export const DASHBOARD_FACTS_COLUMNS = 'facts';

/**
 * A link to another list of the account: the position, in that list ordered
 * by id, of the record it names; -1 when it names none (or nothing).
 */
const Link = z.int().min(-1);

// Each record as its named schema without its id, a link in place of the
// id it held; the fields keep their named schemas (one definition of each rule).
export const DashboardGoal = GoalFact.omit({ id: true });
export const DashboardOutcome = z.object({ goal: Link });
export const DashboardUseCase = UseCaseFact.omit({ id: true });
export const DashboardStakeholder = StakeholderFact.omit({ id: true });
export const DashboardInsight = InsightFact.omit({ id: true });
export const DashboardMeeting = MeetingFact.omit({ id: true });
export const DashboardStep = z.object({
  stakeholder: Link,
  status: CommunicationStepFact.shape.status,
  planned_on: CommunicationStepFact.shape.planned_on,
});
/** The opportunity's record without `account_id`: it is the row's. */
export const DashboardOpportunity = OpportunityRecord.omit({ account_id: true });
export const DashboardBusinessCase = BusinessCaseFact.omit({ id: true });
export const DashboardIntentSignal = IntentSignalFact.omit({ id: true });
export const DashboardCloseRecord = CloseRecordFact.omit({ id: true });

export const DashboardOpportunityFacts = z.object({
  opportunity: DashboardOpportunity,
  business_case: DashboardBusinessCase.nullable(),
  intent_signals: z.array(DashboardIntentSignal),
  close_record: DashboardCloseRecord.nullable(),
  stage_entered_at: Timestamp,
});

const DashboardFactsFields = z.object({
  account_id: Id,
  goals: z.array(DashboardGoal),
  outcomes: z.array(DashboardOutcome),
  use_cases: z.array(DashboardUseCase),
  stakeholders: z.array(DashboardStakeholder),
  insights: z.array(DashboardInsight),
  meetings: z.array(DashboardMeeting),
  communication_steps: z.array(DashboardStep),
  opportunities: z.array(DashboardOpportunityFacts),
});
type DashboardFactsFields = z.infer<typeof DashboardFactsFields>;

/** The first record of `links` pointing past the end of a list of `count` records, -1 when none does. */
function linkPastEnd(links: readonly number[], count: number): number {
  for (let i = 0; i < links.length; i += 1) if (links[i]! >= count) return i;
  return -1;
}

/**
 * The refinement that every link of list `from` (read by `linkOf`) points
 * inside list `to`, naming the first record that does not: one rule for
 * both kinds of link.
 */
function linksInside<From extends 'outcomes' | 'communication_steps'>(
  from: From,
  linkOf: (record: DashboardFactsFields[From][number]) => number,
  to: 'goals' | 'stakeholders',
  recordName: string,
): [check: (row: DashboardFactsFields) => boolean, params: { path: string[]; error: (issue: { input: unknown }) => string }] {
  const firstPastEnd = (row: DashboardFactsFields) => linkPastEnd((row[from] as DashboardFactsFields[From][number][]).map(linkOf), row[to].length);
  return [
    (row) => firstPastEnd(row) < 0,
    {
      path: [from],
      error: (issue) => {
        const row = issue.input as DashboardFactsFields;
        const at = firstPastEnd(row);
        const link = linkOf((row[from] as DashboardFactsFields[From][number][])[at]!);
        return `${recordName} ${at} links to position ${link}, past the end of the account's ${row[to].length} ${to}`;
      },
    },
  ];
}

/**
 * One row of `dashboard_account_facts`, named. Every list is ordered by its
 * records' ids (as PostgreSQL orders a uuid: lowercase hex text order), the
 * opportunities by theirs; a link points into its list as so ordered, and
 * one past its end is refused.
 */
export const DashboardFactsRow = DashboardFactsFields.refine(...linksInside('outcomes', (o: DashboardFactsFields['outcomes'][number]) => o.goal, 'goals', 'outcome')).refine(
  ...linksInside('communication_steps', (s: DashboardFactsFields['communication_steps'][number]) => s.stakeholder, 'stakeholders', 'communication step'),
);

export type DashboardFactsRow = z.infer<typeof DashboardFactsRow>;

/**
 * `DashboardFactsRow` ↔ its positional form, derived from the schema above.
 * The dashboard decodes the positional form straight into assessable facts
 * (dashboard-facts.ts); this named decoding is the reference it is held to,
 * and names the path and reason of a misfit.
 */
export const DashboardFactsWire = positionalOf(DashboardFactsRow);

/**
 * The named `account_facts` row in its `dashboard_account_facts` form (the
 * positional JSON value the view sends): lists ordered by id, compared with
 * `<` as PostgreSQL orders uuids, links as positions in them (the first
 * record with the id named, -1 for none), ids dropped. For tests, the
 * benchmarks' synthetic pages and the parity check against the view.
 */
export function dashboardFactsOf(row: AccountFactsRow): unknown {
  const goals = byId(row.goals);
  const stakeholders = byId(row.stakeholders);
  const named: DashboardFactsRow = {
    account_id: row.account_id,
    goals: goals.map(({ id: _id, ...goal }) => goal),
    outcomes: byId(row.outcomes).map((outcome) => ({ goal: positionOf(goals, outcome.goal_id) })),
    use_cases: byId(row.use_cases).map(({ id: _id, ...useCase }) => useCase),
    stakeholders: stakeholders.map(({ id: _id, ...person }) => person),
    insights: byId(row.insights).map(({ id: _id, ...insight }) => insight),
    meetings: byId(row.meetings).map(({ id: _id, ...meeting }) => meeting),
    communication_steps: byId(row.communication_steps).map((step) => ({ stakeholder: positionOf(stakeholders, step.stakeholder_id), status: step.status, planned_on: step.planned_on })),
    opportunities: [...row.opportunities]
      .sort((a, b) => compareIds(a.opportunity.id, b.opportunity.id))
      .map((own) => {
        const { account_id: _account, ...opportunity } = own.opportunity;
        return {
          opportunity,
          business_case: own.business_case === null ? null : withoutId(own.business_case),
          intent_signals: byId(own.intent_signals).map(withoutId),
          close_record: own.close_record === null ? null : withoutId(own.close_record),
          stage_entered_at: own.stage_entered_at,
        };
      }),
  };
  return DashboardFactsWire.encode(named);
}

/** PostgreSQL's order of uuids: their text, compared code unit by code unit. */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A copy of `records` ordered by id (stable: records with one id keep their order). */
export const byId = <T extends { id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => compareIds(a.id, b.id));

const positionOf = (records: readonly { id: string }[], id: string): number => records.findIndex((record) => record.id === id);

const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T): Omit<T, 'id'> => rest;

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
