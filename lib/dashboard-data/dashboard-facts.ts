import { insightsSharedOfLists, stakeholderCountsOfLists, type OpportunityEntry, type StakeholderCounts } from '../dashboard/source';
import { openAnswers } from '../pipeline/criteria/align';
import { dayNumber } from '../pipeline/days';
import { ADVOCACY_ASK_KINDS, OPPORTUNITY_SOURCES, OPPORTUNITY_STATUSES, OPPORTUNITY_TYPES } from '../pipeline/facts';
import { NO_DAY, stepCode, type AssessableAccountLists, type AssessableFacts } from '../pipeline/prepared-facts';
import { STAGE_IDS } from '../pipeline/stages';
import { fieldIndexes } from '../zod-positional';
import {
  DashboardBusinessCase,
  DashboardCloseRecord,
  DashboardFactsRow,
  DashboardFactsWire,
  DashboardGoal,
  DashboardInsight,
  DashboardIntentSignal,
  DashboardMeeting,
  DashboardOpportunity,
  DashboardOpportunityFacts,
  DashboardOutcome,
  DashboardStakeholder,
  DashboardStep,
  DashboardUseCase,
} from './account-facts';

/**
 * One `dashboard_account_facts` row straight into what the dashboard reads:
 * the account's lists as the stage rules read them (`AssessableAccountLists`),
 * and per opportunity its assessable facts beside its named record. The wire
 * already carries what that form holds (day numbers, enum positions in the
 * lists of facts.ts, links as positions), so no evidence record is ever built
 * as a named object, no day is written out as text and read back, no enum is
 * looked up by its string, and no id is read, checked or kept (issue 9).
 *
 * Checked exactly as the named decoding checks it: the row must first fit
 * `DashboardFactsWire.fitsExceptRefinements` (every value, by the schema's own
 * rules), then every link must point inside its list (the row's refinements,
 * checked here as the lists are read); on any misfit the named decoder names
 * the path and the reason. The result equals `prepareFacts` of the named
 * facts, with lists in id order and ids left out (dashboard-facts.test.ts),
 * and the field positions come from the schemas (`fieldIndexes`), so a
 * reordered schema moves both.
 */
export interface AccountFactsEntry {
  accountId: string;
  /** The account's lists, shared by its opportunities' facts. */
  lists: AssessableAccountLists;
  /** What the account lists read of its people (source.ts), worked out here, while later pages are still being read. */
  stakeholders: StakeholderCounts;
  insightsShared: readonly number[];
  opportunities: OpportunityEntry[];
}

export type DashboardRowDecoded = { ok: true; entry: AccountFactsEntry } | { ok: false; path: (string | number)[]; message: string };

const ROW = fieldIndexes(DashboardFactsRow);
const OWN = fieldIndexes(DashboardOpportunityFacts);
const RECORD = fieldIndexes(DashboardOpportunity);
const GOAL = fieldIndexes(DashboardGoal);
const OUTCOME = fieldIndexes(DashboardOutcome);
const USE_CASE = fieldIndexes(DashboardUseCase);
const PERSON_AT = fieldIndexes(DashboardStakeholder);
const INSIGHT = fieldIndexes(DashboardInsight);
const MEETING = fieldIndexes(DashboardMeeting);
const STEP = fieldIndexes(DashboardStep);
const SIGNAL = fieldIndexes(DashboardIntentSignal);
const CASE = fieldIndexes(DashboardBusinessCase);
const CLOSE = fieldIndexes(DashboardCloseRecord);

type Wire = readonly unknown[];
/** Read only after `fitsExceptRefinements` said yes: every value has its schema's type. */
const list = (wire: Wire, at: number) => wire[at] as Wire[];
const text = (wire: Wire, at: number) => wire[at] as string;
const num = (wire: Wire, at: number) => wire[at] as number;
const dayOrNone = (wire: Wire, at: number) => (wire[at] === null ? NO_DAY : (wire[at] as number));

/** A `dashboard_account_facts` row's facts → the dashboard's entry, or where and why it does not fit. */
export function decodeDashboardFactsRow(wire: unknown): DashboardRowDecoded {
  if (!DashboardFactsWire.fitsExceptRefinements(wire)) return misfit(wire);
  const row = wire as Wire;
  const lists = listsOf(row);
  if (lists === null) return misfit(wire);
  const accountId = text(row, ROW.account_id);
  const own = list(row, ROW.opportunities);
  const opportunities = new Array<OpportunityEntry>(own.length);
  for (let i = 0; i < own.length; i += 1) opportunities[i] = opportunityOf(own[i]!, accountId, lists);
  return { ok: true, entry: { accountId, lists, stakeholders: stakeholderCountsOfLists(lists), insightsShared: insightsSharedOfLists(lists), opportunities } };
}

function misfit(wire: unknown): DashboardRowDecoded {
  const named = DashboardFactsWire.decode(wire);
  // The two checks are the same rules: a row one refuses and the other takes is a defect here, not bad data.
  if (named.ok) throw new Error('dashboard-facts: a row the named decoding accepts was refused');
  return named;
}

/** The account's lists as codes; `null` when a link points past the end of its list (the row's refinements). */
function listsOf(row: Wire): AssessableAccountLists | null {
  const goals = list(row, ROW.goals);
  const outcomes = list(row, ROW.outcomes);
  const useCases = list(row, ROW.use_cases);
  const people = list(row, ROW.stakeholders);
  const insights = list(row, ROW.insights);
  const meetings = list(row, ROW.meetings);
  const steps = list(row, ROW.communication_steps);
  // At its final length, filled by plain loops: this runs for every account a dashboard reads.
  const codes = new Array<number>(goals.length + outcomes.length + useCases.length + people.length + insights.length + meetings.length + steps.length);
  let k = 0;
  for (const goal of goals) codes[k++] = dayOrNone(goal, GOAL.confirmed_current_on);
  const outcomesAt = k;
  for (const outcome of outcomes) {
    // A link is already the goal's index (-1 for none), as prepareFacts resolves `goal_id`.
    const goal = num(outcome, OUTCOME.goal);
    if (goal >= goals.length) return null;
    codes[k++] = goal;
  }
  const useCasesAt = k;
  for (const useCase of useCases) codes[k++] = num(useCase, USE_CASE.status);
  const peopleAt = k;
  // No ids, so no person listed twice: the database's ids are unique.
  for (const person of people) codes[k++] = personCode(person);
  const insightsAt = k;
  for (const insight of insights) codes[k++] = dayOrNone(insight, INSIGHT.shared_on);
  const meetingsAt = k;
  for (const meeting of meetings) codes[k++] = num(meeting, MEETING.held_on) * 2 + num(meeting, MEETING.kind);
  const stepsAt = k;
  for (const step of steps) {
    const person = num(step, STEP.stakeholder);
    if (person >= people.length) return null;
    codes[k++] = stepCode(person, num(step, STEP.status));
  }
  return { codes, goals: 0, outcomes: outcomesAt, useCases: useCasesAt, stakeholders: peopleAt, insights: insightsAt, meetings: meetingsAt, steps: stepsAt, end: k };
}

function personCode(person: Wire): number {
  const influence = person[PERSON_AT.influence];
  let code = (num(person, PERSON_AT.position) << 11) | (influence === null ? 0 : ((influence as number) + 1) << 14);
  for (const role of list(person, PERSON_AT.roles) as unknown as number[]) code |= 1 << role;
  return code;
}

function opportunityOf(own: Wire, accountId: string, lists: AssessableAccountLists): OpportunityEntry {
  const o = own[OWN.opportunity] as Wire;
  const declaredIndex = num(o, RECORD.declared_stage);
  const source = o[RECORD.source];
  const signals = list(own, OWN.intent_signals);
  const signalCodes = new Array<number>(signals.length);
  for (let i = 0; i < signals.length; i += 1) {
    const signal = signals[i]!;
    signalCodes[i] = num(signal, SIGNAL.kind) * 2 + (signal[SIGNAL.has_next_steps_with_owners] ? 1 : 0);
  }
  const close = own[OWN.close_record] as Wire | null;
  const facts: AssessableFacts = {
    opportunity: {
      id: text(o, RECORD.id),
      declaredStage: STAGE_IDS[declaredIndex]!,
      declaredIndex,
      hasSource: source !== null,
      status: num(o, RECORD.status),
      targetDay: dayOrNone(o, RECORD.target_date),
      targetConfirmedDay: dayOrNone(o, RECORD.target_date_confirmed_on),
    },
    account: lists,
    intentSignals: { codes: signalCodes },
    businessCase: businessCaseOf(own[OWN.business_case] as Wire | null),
    closeRecord: closeRecordOf(close),
  };
  return {
    record: {
      id: facts.opportunity.id,
      account_id: accountId,
      type: OPPORTUNITY_TYPES[num(o, RECORD.type)]!,
      source: source === null ? null : OPPORTUNITY_SOURCES[source as number]!,
      declared_stage: facts.opportunity.declaredStage,
      status: OPPORTUNITY_STATUSES[facts.opportunity.status]!,
      amount: o[RECORD.amount] as number | null,
      target_date: dayText(o[RECORD.target_date]),
      target_date_confirmed_on: dayText(o[RECORD.target_date_confirmed_on]),
    },
    facts,
    // The day written in the (checked) timestamp, as the named route reads it.
    stageEnteredDay: dayNumber(text(own, OWN.stage_entered_at)),
    finalizedDay: close === null || close[CLOSE.agreement_finalized_on] === null ? null : num(close, CLOSE.agreement_finalized_on),
    title: null,
  };
}

/** Reused: `openAnswers` reads the four answers by name, and this is asked 40,000 times a read. */
const answers = { goal_answered: false, progress_answered: false, path_answered: false, success_answered: false };

function businessCaseOf(bc: Wire | null): AssessableFacts['businessCase'] {
  if (bc === null) return null;
  answers.goal_answered = bc[CASE.goal_answered] as boolean;
  answers.progress_answered = bc[CASE.progress_answered] as boolean;
  answers.path_answered = bc[CASE.path_answered] as boolean;
  answers.success_answered = bc[CASE.success_answered] as boolean;
  return { unanswered: openAnswers(answers), portable: bc[CASE.portable] as boolean };
}

/** The close record stays named in the facts (the rules ask only which of its days are set). */
function closeRecordOf(close: Wire | null): AssessableFacts['closeRecord'] {
  if (close === null) return null;
  const ask = close[CLOSE.advocacy_ask];
  return {
    agreement_finalized_on: dayText(close[CLOSE.agreement_finalized_on]),
    close_reason_count: num(close, CLOSE.close_reason_count),
    win_summary_sent_on: dayText(close[CLOSE.win_summary_sent_on]),
    advocacy_ask: ask === null ? null : ADVOCACY_ASK_KINDS[ask as number]!,
    next_cycle_goal_count: num(close, CLOSE.next_cycle_goal_count),
  };
}

const MS_PER_DAY = 86_400_000;
/** A few hundred distinct days in an organization: each written out once. */
const dayTexts = new Map<number, string>();

/** A checked day number (or null) as `YYYY-MM-DD`, as the named decoding writes it. */
function dayText(day: unknown): string | null {
  if (day === null) return null;
  let known = dayTexts.get(day as number);
  if (known === undefined) {
    known = new Date((day as number) * MS_PER_DAY).toISOString().slice(0, 10);
    if (dayTexts.size < 100_000) dayTexts.set(day as number, known);
  }
  return known;
}
