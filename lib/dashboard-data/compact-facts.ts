import { insightsSharedOfLists, stakeholderCountsOfLists, type OpportunityEntry, type StakeholderCounts } from '../dashboard/source';
import { openAnswers } from '../pipeline/criteria/align';
import { dayNumber } from '../pipeline/days';
import {
  ADVOCACY_ASK_KINDS,
  BusinessCaseFact,
  CloseRecordFact,
  CommunicationStepFact,
  GoalFact,
  InsightFact,
  IntentSignalFact,
  MeetingFact,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_STATUSES,
  OPPORTUNITY_TYPES,
  OpportunityRecord,
  OutcomeFact,
  StakeholderFact,
  UseCaseFact,
} from '../pipeline/facts';
import { NO_DAY, PERSON, stepCode, type PreparedAccountLists, type PreparedFacts } from '../pipeline/prepared-facts';
import { STAGE_IDS } from '../pipeline/stages';
import { fieldIndexes } from '../zod-positional';
import { AccountFactsRow, AccountFactsWire, OpportunityOwnFacts } from './account-facts';

/**
 * One `account_facts_compact` row straight into what the dashboard reads:
 * the account's lists prepared for the stage rules (`PreparedAccountLists`),
 * and per opportunity its prepared facts beside its named record. The wire
 * already carries what the prepared form holds (day numbers, enum positions
 * in the lists of facts.ts), so no evidence record is ever built as a named
 * object, no day is written out as text and read back, no enum is looked up
 * by its string (issue 9: that round trip was most of the page's decoding).
 *
 * Checked exactly as the named decoding checks it: the row must first fit
 * `AccountFactsWire.fitsExceptRefinements` (every value, by the schema's own
 * rules), then the row's refinement is checked here; on any misfit the named
 * decoder names the path and the reason. The result equals `prepareFacts` of
 * the named decoding (compact-facts.property.test.ts), and the field
 * positions come from the schemas (`fieldIndexes`), so a reordered schema
 * moves both.
 */
export interface AccountFactsEntry {
  accountId: string;
  /** The account's lists, shared by its opportunities' prepared facts. */
  lists: PreparedAccountLists;
  /** What the account lists read of its people (source.ts), worked out here, while later pages are still being read. */
  stakeholders: StakeholderCounts;
  insightsShared: readonly number[];
  opportunities: OpportunityEntry[];
}

export type CompactRowDecoded = { ok: true; entry: AccountFactsEntry } | { ok: false; path: (string | number)[]; message: string };

const ROW = fieldIndexes(AccountFactsRow);
const OWN = fieldIndexes(OpportunityOwnFacts);
const RECORD = fieldIndexes(OpportunityRecord);
const GOAL = fieldIndexes(GoalFact);
const OUTCOME = fieldIndexes(OutcomeFact);
const USE_CASE = fieldIndexes(UseCaseFact);
const PERSON_AT = fieldIndexes(StakeholderFact);
const INSIGHT = fieldIndexes(InsightFact);
const MEETING = fieldIndexes(MeetingFact);
const STEP = fieldIndexes(CommunicationStepFact);
const SIGNAL = fieldIndexes(IntentSignalFact);
const CASE = fieldIndexes(BusinessCaseFact);
const CLOSE = fieldIndexes(CloseRecordFact);

type Wire = readonly unknown[];
/** Read only after `fitsExceptRefinements` said yes: every value has its schema's type. */
const list = (wire: Wire, at: number) => wire[at] as Wire[];
const text = (wire: Wire, at: number) => wire[at] as string;
const num = (wire: Wire, at: number) => wire[at] as number;
const dayOrNone = (wire: Wire, at: number) => (wire[at] === null ? NO_DAY : (wire[at] as number));

/** The account facts row's compact form → the dashboard's entry, or where and why it does not fit. */
export function decodeCompactRow(wire: unknown): CompactRowDecoded {
  if (!AccountFactsWire.fitsExceptRefinements(wire) || !opportunitiesAreTheAccounts(wire as Wire)) return misfit(wire);
  const row = wire as Wire;
  const lists = listsOf(row);
  const own = list(row, ROW.opportunities);
  const opportunities = new Array<OpportunityEntry>(own.length);
  for (let i = 0; i < own.length; i += 1) opportunities[i] = opportunityOf(own[i]!, lists);
  return {
    ok: true,
    entry: { accountId: text(row, ROW.account_id), lists, stakeholders: stakeholderCountsOfLists(lists), insightsShared: insightsSharedOfLists(lists), opportunities },
  };
}

/** AccountFactsRow's refinement, on the compact form: every opportunity is filed under its own account. */
function opportunitiesAreTheAccounts(row: Wire): boolean {
  const account = row[ROW.account_id];
  for (const own of list(row, ROW.opportunities)) if ((own[OWN.opportunity] as Wire)[RECORD.account_id] !== account) return false;
  return true;
}

function misfit(wire: unknown): CompactRowDecoded {
  const named = AccountFactsWire.decode(wire);
  // The two checks are the same rules: a row one refuses and the other takes is a defect here, not bad data.
  if (named.ok) throw new Error('compact-facts: a row the named decoding accepts was refused');
  return named;
}

function listsOf(row: Wire): PreparedAccountLists {
  const goals = list(row, ROW.goals);
  const outcomes = list(row, ROW.outcomes);
  const useCases = list(row, ROW.use_cases);
  const people = list(row, ROW.stakeholders);
  const insights = list(row, ROW.insights);
  const meetings = list(row, ROW.meetings);
  const steps = list(row, ROW.communication_steps);
  const total = goals.length + outcomes.length + useCases.length + people.length + insights.length + meetings.length + steps.length;
  // At their final length, filled by plain loops: this runs for every account a dashboard reads.
  const ids = new Array<string>(total);
  const codes = new Array<number>(total);
  let k = 0;
  for (const goal of goals) {
    ids[k] = text(goal, GOAL.id);
    codes[k++] = dayOrNone(goal, GOAL.confirmed_current_on);
  }
  const outcomesAt = k;
  const goalIndex = indexOfLong(ids, 0, outcomesAt);
  for (const outcome of outcomes) {
    ids[k] = text(outcome, OUTCOME.id);
    codes[k++] = firstIndexOf(ids, 0, outcomesAt, goalIndex, text(outcome, OUTCOME.goal_id));
  }
  const useCasesAt = k;
  for (const useCase of useCases) {
    ids[k] = text(useCase, USE_CASE.id);
    codes[k++] = num(useCase, USE_CASE.status);
  }
  const peopleAt = k;
  for (const person of people) ids[k++] = text(person, PERSON_AT.id);
  const insightsAt = k;
  const personIndex = indexOfLong(ids, peopleAt, insightsAt);
  for (let i = 0; i < people.length; i += 1) {
    // An earlier stakeholder with the same id is the same person to the steps (prepared-facts.ts, `personIndex`).
    const duplicate = firstIndexOf(ids, peopleAt, insightsAt, personIndex, ids[peopleAt + i]!) < i ? PERSON.DUPLICATE : 0;
    codes[peopleAt + i] = personCode(people[i]!) | duplicate;
  }
  for (const insight of insights) {
    ids[k] = text(insight, INSIGHT.id);
    codes[k++] = dayOrNone(insight, INSIGHT.shared_on);
  }
  const meetingsAt = k;
  for (const meeting of meetings) {
    ids[k] = text(meeting, MEETING.id);
    codes[k++] = num(meeting, MEETING.held_on) * 2 + num(meeting, MEETING.kind);
  }
  const stepsAt = k;
  for (const step of steps) {
    ids[k] = text(step, STEP.id);
    codes[k++] = stepCode(firstIndexOf(ids, peopleAt, insightsAt, personIndex, text(step, STEP.stakeholder_id)), num(step, STEP.status));
  }
  return { ids, codes, goals: 0, outcomes: outcomesAt, useCases: useCasesAt, stakeholders: peopleAt, insights: insightsAt, meetings: meetingsAt, steps: stepsAt, end: k };
}

/** For a long list `ids[from … to)`, each id's first position (counted from `from`); `null` for a short one, which is scanned instead (cheaper than a map for a handful). */
function indexOfLong(ids: readonly string[], from: number, to: number): Map<string, number> | null {
  if (to - from <= 16) return null;
  const first = new Map<string, number>();
  for (let i = to - 1; i >= from; i -= 1) first.set(ids[i]!, i - from);
  return first;
}

/** Within `ids[from … to)`, the position (counted from `from`) of the first `id`; -1 when none. */
function firstIndexOf(ids: readonly string[], from: number, to: number, index: Map<string, number> | null, id: string): number {
  if (index !== null) return index.get(id) ?? -1;
  for (let i = from; i < to; i += 1) if (ids[i] === id) return i - from;
  return -1;
}

function personCode(person: Wire): number {
  const influence = person[PERSON_AT.influence];
  let code = (num(person, PERSON_AT.position) << 11) | (influence === null ? 0 : ((influence as number) + 1) << 14);
  for (const role of list(person, PERSON_AT.roles) as unknown as number[]) code |= 1 << role;
  return code;
}

function opportunityOf(own: Wire, lists: PreparedAccountLists): OpportunityEntry {
  const o = own[OWN.opportunity] as Wire;
  const declaredIndex = num(o, RECORD.declared_stage);
  const source = o[RECORD.source];
  const signals = list(own, OWN.intent_signals);
  const signalIds = new Array<string>(signals.length);
  const signalCodes = new Array<number>(signals.length);
  for (let i = 0; i < signals.length; i += 1) {
    const signal = signals[i]!;
    signalIds[i] = text(signal, SIGNAL.id);
    signalCodes[i] = num(signal, SIGNAL.kind) * 2 + (signal[SIGNAL.has_next_steps_with_owners] ? 1 : 0);
  }
  const close = own[OWN.close_record] as Wire | null;
  const closeRecord = closeRecordOf(close);
  const facts: PreparedFacts = {
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
    intentSignals: { ids: signalIds, codes: signalCodes },
    businessCase: businessCaseOf(own[OWN.business_case] as Wire | null),
    closeRecord,
  };
  return {
    record: {
      id: facts.opportunity.id,
      account_id: text(o, RECORD.account_id),
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
const answers = { id: '', goal_answered: false, progress_answered: false, path_answered: false, success_answered: false, portable: false };

function businessCaseOf(bc: Wire | null): PreparedFacts['businessCase'] {
  if (bc === null) return null;
  answers.goal_answered = bc[CASE.goal_answered] as boolean;
  answers.progress_answered = bc[CASE.progress_answered] as boolean;
  answers.path_answered = bc[CASE.path_answered] as boolean;
  answers.success_answered = bc[CASE.success_answered] as boolean;
  return { id: text(bc, CASE.id), unanswered: openAnswers(answers), portable: bc[CASE.portable] as boolean };
}

/** The close record stays named in the prepared facts (the rules ask only which of its days are set). */
function closeRecordOf(close: Wire | null): PreparedFacts['closeRecord'] {
  if (close === null) return null;
  const ask = close[CLOSE.advocacy_ask];
  return {
    id: text(close, CLOSE.id),
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
