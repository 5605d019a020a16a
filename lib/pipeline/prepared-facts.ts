import { openAnswers } from './criteria/align';
import { dayNumber } from './days';
import {
  COMMUNICATION_STEP_STATUSES,
  INTENT_SIGNAL_KINDS,
  MEETING_KINDS,
  OPPORTUNITY_STATUSES,
  STAKEHOLDER_INFLUENCES,
  STAKEHOLDER_POSITIONS,
  STAKEHOLDER_ROLES,
  USE_CASE_STATUSES,
  type BusinessCaseFact,
  type CloseRecordFact,
  type CommunicationStepFact,
  type GoalFact,
  type OpportunityFacts,
  type OutcomeFact,
  type StakeholderFact,
} from './facts';
import { STAGE_IDS, stageIndex, type StageId } from './stages';

/**
 * The facts of one opportunity as the rules read them in memory: derived once,
 * where facts enter (after validation), by `prepareFacts`, and then evaluated as
 * often as needed. The JSON contract stays `OpportunityFacts` (facts.ts); this is
 * only its denser twin, so the rules never parse a date, compare an enum string or
 * match a uuid across lists while they evaluate:
 * - dates are day numbers (`days.ts`); a day not recorded is `NO_DAY`;
 * - enums are their index in the lists of facts.ts (`STAKEHOLDER_POSITIONS`…),
 *   read through the codes below; a stakeholder's roles are one bit set;
 * - links are indexes: an outcome's goal, a step's stakeholder;
 * - each list is a few columns (plain arrays of small integers, and the ids the
 *   evaluation hands out as evidence) instead of an object per record.
 * The property tests evaluate prepared facts against the plain definition of each
 * criterion (`testing/reference-evaluate.ts`), on generated and realistic facts.
 *
 * Plain data, never changed once built: the account's lists (`account`) may be
 * shared by all of the account's opportunities (`createFactsPreparer`).
 */
export interface PreparedFacts {
  opportunity: PreparedOpportunity;
  account: PreparedAccountLists;
  intentSignals: PreparedIntentSignals;
  /** `null` when none is started. */
  businessCase: PreparedBusinessCase | null;
  /** As validated (the rules only ask which of its days are set); `null` until the close. */
  closeRecord: Readonly<CloseRecordFact> | null;
}

export interface PreparedOpportunity {
  id: string;
  /** The catalog's own string for the declared stage, and its position (0 … 4). */
  declaredStage: StageId;
  declaredIndex: number;
  hasSource: boolean;
  /** `STATUS.open`, `STATUS.won` or `STATUS.lost`. */
  status: number;
  targetDay: number;
  targetConfirmedDay: number;
}

/** The account-wide lists, the same for every opportunity of the account. */
export interface PreparedAccountLists {
  goals: { ids: readonly string[]; confirmedOn: readonly number[] };
  /** `goal`: the index in `goals` of the first goal with the outcome's `goal_id`, -1 when there is none. */
  outcomes: { ids: readonly string[]; goal: readonly number[] };
  useCases: { ids: readonly string[]; status: readonly number[] };
  stakeholders: {
    ids: readonly string[];
    /** Bit `ROLE.x` set for each role (`1 << ROLE.budget_owner`…); 0 while unmapped. */
    roles: readonly number[];
    position: readonly number[];
    /** `INFLUENCE.x`, or -1 when not recorded. */
    influence: readonly number[];
    /**
     * The index of the first stakeholder with the same id (its own index, unless an
     * id is listed twice): a step is this person's when `steps.stakeholder` equals it.
     */
    self: readonly number[];
  };
  insights: { ids: readonly string[]; sharedOn: readonly number[] };
  meetings: { ids: readonly string[]; kind: readonly number[]; heldOn: readonly number[] };
  steps: {
    ids: readonly string[];
    /** The index of the first stakeholder with the step's `stakeholder_id`, -1 when there is none. */
    stakeholder: readonly number[];
    status: readonly number[];
  };
}

export interface PreparedBusinessCase {
  id: string;
  /** Which of its four answers are not written down, as the bits of `openAnswers` (`criteria/align.ts`); 0 when complete. */
  unanswered: number;
  portable: boolean;
}

export interface PreparedIntentSignals {
  ids: readonly string[];
  kind: readonly number[];
  withOwners: readonly boolean[];
}

/**
 * A day that is not recorded: later than any real day (day numbers of years
 * 0000–9999 stay within ±3 million), so "has it happened by today" is false for
 * it without a test for null. Rules that tell "none" from "later" compare to it.
 */
export const NO_DAY = 0x3fff_ffff;

const codesOf = <const T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((value, i) => [value, i])) as { readonly [K in T[number]]: number };

/** The code of each enum value: its index in facts.ts's list, the one definition of the order. */
export const STATUS = codesOf(OPPORTUNITY_STATUSES);
export const USE_CASE_STATUS = codesOf(USE_CASE_STATUSES);
export const ROLE = codesOf(STAKEHOLDER_ROLES);
export const POSITION = codesOf(STAKEHOLDER_POSITIONS);
export const INFLUENCE = codesOf(STAKEHOLDER_INFLUENCES);
export const SIGNAL_KIND = codesOf(INTENT_SIGNAL_KINDS);
export const MEETING_KIND = codesOf(MEETING_KINDS);
export const STEP_STATUS = codesOf(COMMUNICATION_STEP_STATUSES);

/** Prepares validated facts (`OpportunityFacts.parse`): pure, and the only way prepared facts are made. */
export function prepareFacts(facts: OpportunityFacts): PreparedFacts {
  return ownPart(facts, prepareAccountLists(facts));
}

/**
 * `prepareFacts` for a batch in which opportunities of one account share their
 * account's lists (the same list objects, as `opportunityFactsOf` hands them out):
 * those are prepared once and shared. The result equals `prepareFacts` of each.
 */
export function createFactsPreparer(): (facts: OpportunityFacts) => PreparedFacts {
  let last: { source: OpportunityFacts; lists: PreparedAccountLists } | null = null;
  return (facts) => {
    // Opportunities of one account come one after another: remembering the last account's lists is enough.
    if (last === null || !sameAccountLists(last.source, facts)) last = { source: facts, lists: prepareAccountLists(facts) };
    return ownPart(facts, last.lists);
  };
}

function sameAccountLists(a: OpportunityFacts, b: OpportunityFacts): boolean {
  return (
    a.goals === b.goals &&
    a.outcomes === b.outcomes &&
    a.use_cases === b.use_cases &&
    a.stakeholders === b.stakeholders &&
    a.insights === b.insights &&
    a.meetings === b.meetings &&
    a.communication_steps === b.communication_steps
  );
}

function ownPart(facts: OpportunityFacts, account: PreparedAccountLists): PreparedFacts {
  const o = facts.opportunity;
  const signals = facts.intent_signals;
  const declaredIndex = stageIndex(o.declared_stage);
  return {
    opportunity: {
      id: o.id,
      declaredStage: STAGE_IDS[declaredIndex]!,
      declaredIndex,
      hasSource: o.source !== null,
      status: STATUS[o.status],
      targetDay: dayOrNone(o.target_date),
      targetConfirmedDay: dayOrNone(o.target_date_confirmed_on),
    },
    account,
    intentSignals: {
      ids: signals.map((s) => s.id),
      kind: signals.map((s) => SIGNAL_KIND[s.kind]),
      withOwners: signals.map((s) => s.has_next_steps_with_owners),
    },
    businessCase: businessCaseOf(facts.business_case),
    closeRecord: facts.close_record,
  };
}

function prepareAccountLists(facts: OpportunityFacts): PreparedAccountLists {
  const { goals, outcomes, use_cases: useCases, stakeholders, insights, meetings, communication_steps: steps } = facts;
  return {
    goals: { ids: idsOf(goals), confirmedOn: goals.map((g) => dayOrNone(g.confirmed_current_on)) },
    outcomes: { ids: idsOf(outcomes), goal: linksTo(outcomes, (o: OutcomeFact) => o.goal_id, goals) },
    useCases: { ids: idsOf(useCases), status: useCases.map((u) => USE_CASE_STATUS[u.status]) },
    stakeholders: {
      ids: idsOf(stakeholders),
      roles: stakeholders.map(roleBits),
      position: stakeholders.map((s) => POSITION[s.position]),
      influence: stakeholders.map((s) => (s.influence === null ? -1 : INFLUENCE[s.influence])),
      self: linksTo(stakeholders, (s: StakeholderFact) => s.id, stakeholders),
    },
    insights: { ids: idsOf(insights), sharedOn: insights.map((i) => dayOrNone(i.shared_on)) },
    meetings: { ids: idsOf(meetings), kind: meetings.map((m) => MEETING_KIND[m.kind]), heldOn: meetings.map((m) => dayNumber(m.held_on)) },
    steps: {
      ids: idsOf(steps),
      stakeholder: linksTo(steps, (s: CommunicationStepFact) => s.stakeholder_id, stakeholders),
      status: steps.map((s) => STEP_STATUS[s.status]),
    },
  };
}

// Read once here: the answers are read by name from a list (`openAnswers`), slow to do per evaluation.
const businessCaseOf = (bc: BusinessCaseFact | null): PreparedBusinessCase | null =>
  bc === null ? null : { id: bc.id, unanswered: openAnswers(bc), portable: bc.portable };

const idsOf = (records: readonly { id: string }[]): string[] => records.map((r) => r.id);

const dayOrNone = (isoDay: string | null): number => (isoDay === null ? NO_DAY : dayNumber(isoDay));

function roleBits(stakeholder: StakeholderFact): number {
  let bits = 0;
  for (const role of stakeholder.roles) bits |= 1 << ROLE[role];
  return bits;
}

/** For each record, the index of the first target whose id is its link, -1 when none: uuids matched once, here. */
function linksTo<T>(records: readonly T[], linkOf: (record: T) => string, targets: readonly (GoalFact | StakeholderFact)[]): number[] {
  if (records.length === 0) return [];
  const first = new Map<string, number>();
  for (let i = targets.length - 1; i >= 0; i -= 1) first.set(targets[i]!.id, i);
  return records.map((record) => first.get(linkOf(record)) ?? -1);
}
