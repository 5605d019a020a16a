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
  type OpportunityFacts,
  type StakeholderFact,
  type StakeholderPosition,
  type StakeholderRole,
} from './facts';
import { STAGE_IDS, stageIndex, type StageId } from './stages';

/**
 * The facts of one opportunity as the rules read them in memory: derived once,
 * where facts enter (after validation), by `prepareFacts`, and then evaluated as
 * often as needed. The JSON contract stays `OpportunityFacts` (facts.ts); this is
 * only its denser twin, so the rules never parse a date, compare an enum string or
 * match a uuid across lists while they evaluate, and so an opportunity is a handful
 * of objects in memory rather than one per record (the benchmark's profile: reading
 * records scattered through memory cost as much as the rules themselves):
 * - the account's records are one array of `codes`, one small integer per record
 *   holding what the rules read of it, list after list;
 * - dates are day numbers (`days.ts`); a day not recorded is `NO_DAY`;
 * - enums are their index in the lists of facts.ts (`STAKEHOLDER_POSITIONS`…);
 * - links are indexes: an outcome's goal, a step's stakeholder.
 * The property tests evaluate prepared facts against the plain definition of each
 * criterion (`testing/reference-evaluate.ts`), on generated and realistic facts.
 *
 * Two levels. `AssessableFacts` is what deciding stages needs (`assess.ts`,
 * `one-pass/unmet-bits.ts`): no evidence record's id. The dashboard holds only
 * this (lib/dashboard-data/dashboard-facts.ts decodes it from a wire form with
 * no ids, issue 9). `PreparedFacts` adds the ids (`ids` beside the codes, the
 * business case's and the close record's), which the explained evaluation
 * (`evaluate.ts`) writes out as each criterion's evidence.
 *
 * Plain data, never changed once built: the account's lists (`account`) may be
 * shared by all of the account's opportunities (`createFactsPreparer`).
 */
export interface AssessableFacts {
  opportunity: PreparedOpportunity;
  account: AssessableAccountLists;
  intentSignals: AssessableIntentSignals;
  /** `null` when none is started. */
  businessCase: AssessableBusinessCase | null;
  /** The validated record's fields (the rules only ask which of its days are set); `null` until the close. */
  closeRecord: Readonly<AssessableCloseRecord> | null;
}

/** `AssessableFacts` with the id of every evidence record: what the explained evaluation reads. */
export interface PreparedFacts extends AssessableFacts {
  account: PreparedAccountLists;
  intentSignals: PreparedIntentSignals;
  businessCase: PreparedBusinessCase | null;
  /** Copied where the rest is made; `null` until the close. */
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

/**
 * The account-wide lists, the same for every opportunity of the account. Record k
 * has its code at `codes[k]`; a list's records run from its start (the field named
 * after it) to the next list's start (`end` after the steps).
 * What a code holds, by list:
 * - goal: the day it was last confirmed as current, `NO_DAY` when never;
 * - outcome: the index (within the goals) of the first goal with its `goal_id`, -1 when none;
 * - use case: its status, `USE_CASE_STATUS.x`;
 * - stakeholder: roles, position and influence as the fields of `PERSON`
 *   (and, for a second record of one person, `PERSON.DUPLICATE` and the first's index);
 * - insight: the day it was shared, `NO_DAY` while a draft;
 * - meeting: `heldOn * 2 + kind` (`MEETING_KIND.x`; read with `>> 1` and `& 1`);
 * - step: `stakeholder * 4 + status`, `stakeholder` the index (within the
 *   stakeholders) of the first one with its `stakeholder_id`, -1 when none, so a
 *   planned step of person p is the code `stepCode(p, STEP_STATUS.planned)`.
 */
export interface AssessableAccountLists {
  codes: readonly number[];
  goals: number;
  outcomes: number;
  useCases: number;
  stakeholders: number;
  insights: number;
  meetings: number;
  steps: number;
  end: number;
}

/** The lists with record k's id at `ids[k]`. */
export interface PreparedAccountLists extends AssessableAccountLists {
  ids: readonly string[];
}

export interface AssessableBusinessCase {
  /** Which of its four answers are not written down, as the bits of `openAnswers` (`criteria/align.ts`); 0 when complete. */
  unanswered: number;
  portable: boolean;
}

export interface PreparedBusinessCase extends AssessableBusinessCase {
  id: string;
}

/** The opportunity's intent signals: per signal `kind * 2 + (has next steps with owners ? 1 : 0)`. */
export interface AssessableIntentSignals {
  codes: readonly number[];
}

/** The signals with signal i's id at `ids[i]`. */
export interface PreparedIntentSignals extends AssessableIntentSignals {
  ids: readonly string[];
}

/** The close record as the rules read it: its named fields but the id. */
export type AssessableCloseRecord = Omit<CloseRecordFact, 'id'>;

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

/** The fields of a stakeholder's code: compare `code & PERSON.POSITION` with `PERSON.position('sponsor')`, and so on. */
export const PERSON = {
  /** Bit `ROLE.x` per role; 0 while unmapped. */
  ROLES: (1 << STAKEHOLDER_ROLES.length) - 1,
  POSITION: 7 << 11,
  INFLUENCE: 3 << 14,
  /**
   * Set when an earlier stakeholder of the list has the same id: it is the same
   * person to the steps (`personIndex`), and the code then also holds that first
   * one's index, as `index * PERSON.FIRST` above the fields.
   */
  DUPLICATE: 1 << 16,
  /**
   * The unit of a duplicate's first index. Added, not shifted in: an index
   * past 2^13 would overflow a 32-bit shift (and leave V8's small integers,
   * 31 bits); added, it stays exact, and `&` still reads the fields below it,
   * since `&` keeps a number's low 32 bits. Never set from the database, where
   * ids are unique.
   */
  FIRST: 2 ** 17,
  role: (role: StakeholderRole) => 1 << ROLE[role],
  position: (position: StakeholderPosition) => POSITION[position] << 11,
  /** The influence field; `null` (not recorded) is 0. */
  influence: (influence: StakeholderFact['influence']) => (influence === null ? 0 : INFLUENCE[influence] + 1) << 14,
} as const;

/** The code of a step of the stakeholder at index `person` (within the stakeholders) with status `status`. */
export const stepCode = (person: number, status: number): number => person * 4 + status;

/**
 * The index (within the stakeholders) that stands for stakeholder `k` of the
 * account's records: its own, unless an earlier stakeholder has the same id (never
 * in real data; kept so prepared facts decide exactly as the plain ones), read
 * from its code.
 */
export function personIndex(account: AssessableAccountLists, k: number): number {
  const code = account.codes[k]!;
  if ((code & PERSON.DUPLICATE) === 0) return k - account.stakeholders;
  return Math.floor(code / PERSON.FIRST);
}

/**
 * Prepares validated facts (`OpportunityFacts.parse`): pure, and the definition
 * of prepared facts. The dashboard's decoder makes their assessable part
 * straight from a wire form without ids (lib/dashboard-data/dashboard-facts.ts);
 * its tests hold it equal to this function on the same facts (ids left out), so
 * a change here must be made there too.
 */
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
  const signalIds = new Array<string>(signals.length);
  const signalCodes = new Array<number>(signals.length);
  for (let i = 0; i < signals.length; i += 1) {
    const signal = signals[i]!;
    signalIds[i] = signal.id;
    signalCodes[i] = SIGNAL_KIND_CODES.get(signal.kind)! * 2 + (signal.has_next_steps_with_owners ? 1 : 0);
  }
  const declaredIndex = stageIndex(o.declared_stage);
  return {
    opportunity: {
      id: o.id,
      declaredStage: STAGE_IDS[declaredIndex]!,
      declaredIndex,
      hasSource: o.source !== null,
      status: STATUS_CODES.get(o.status)!,
      targetDay: dayOrNone(o.target_date),
      targetConfirmedDay: dayOrNone(o.target_date_confirmed_on),
    },
    account,
    intentSignals: { ids: signalIds, codes: signalCodes },
    businessCase: businessCaseOf(facts.business_case),
    closeRecord: closeRecordOf(facts.close_record),
  };
}

function prepareAccountLists(facts: OpportunityFacts): PreparedAccountLists {
  const { goals, outcomes, use_cases: useCases, stakeholders, insights, meetings, communication_steps: steps } = facts;
  const total = goals.length + outcomes.length + useCases.length + stakeholders.length + insights.length + meetings.length + steps.length;
  // At their final length: no growing. Plain loops, no closure: this runs for every account a dashboard reads.
  const ids = new Array<string>(total);
  const codes = new Array<number>(total);
  let k = 0;
  for (const goal of goals) {
    ids[k] = goal.id;
    codes[k++] = dayOrNone(goal.confirmed_current_on);
  }
  const outcomesAt = k;
  const goalIndex = indexById(goals);
  for (const outcome of outcomes) {
    ids[k] = outcome.id;
    codes[k++] = firstIndexOf(goals, goalIndex, outcome.goal_id);
  }
  const useCasesAt = k;
  for (const useCase of useCases) {
    ids[k] = useCase.id;
    codes[k++] = USE_CASE_CODES.get(useCase.status)!;
  }
  const stakeholdersAt = k;
  const personIndexOf = indexById(stakeholders);
  for (let i = 0; i < stakeholders.length; i += 1) {
    const person = stakeholders[i]!;
    ids[k] = person.id;
    const first = firstIndexOf(stakeholders, personIndexOf, person.id);
    codes[k++] = first < i ? (personCode(person) | PERSON.DUPLICATE) + first * PERSON.FIRST : personCode(person);
  }
  const insightsAt = k;
  for (const insight of insights) {
    ids[k] = insight.id;
    codes[k++] = dayOrNone(insight.shared_on);
  }
  const meetingsAt = k;
  for (const meeting of meetings) {
    ids[k] = meeting.id;
    codes[k++] = dayNumber(meeting.held_on) * 2 + MEETING_KIND_CODES.get(meeting.kind)!;
  }
  const stepsAt = k;
  for (const step of steps) {
    ids[k] = step.id;
    codes[k++] = stepCode(firstIndexOf(stakeholders, personIndexOf, step.stakeholder_id), STEP_STATUS_CODES.get(step.status)!);
  }
  return {
    ids,
    codes,
    goals: 0,
    outcomes: outcomesAt,
    useCases: useCasesAt,
    stakeholders: stakeholdersAt,
    insights: insightsAt,
    meetings: meetingsAt,
    steps: stepsAt,
    end: k,
  };
}

// Maps, not the objects above, for the lookups by value: the values come from JSON and are read once each here.
const codeMap = (values: readonly string[]) => new Map(values.map((value, i) => [value, i]));
const STATUS_CODES = codeMap(OPPORTUNITY_STATUSES);
const USE_CASE_CODES = codeMap(USE_CASE_STATUSES);
const ROLE_CODES = codeMap(STAKEHOLDER_ROLES);
const POSITION_CODES = codeMap(STAKEHOLDER_POSITIONS);
const INFLUENCE_CODES = codeMap(STAKEHOLDER_INFLUENCES);
const SIGNAL_KIND_CODES = codeMap(INTENT_SIGNAL_KINDS);
const MEETING_KIND_CODES = codeMap(MEETING_KINDS);
const STEP_STATUS_CODES = codeMap(COMMUNICATION_STEP_STATUSES);

function personCode(person: StakeholderFact): number {
  let code = (POSITION_CODES.get(person.position)! << 11) | (person.influence === null ? 0 : (INFLUENCE_CODES.get(person.influence)! + 1) << 14);
  for (const role of person.roles) code |= 1 << ROLE_CODES.get(role)!;
  return code;
}

// Read once here: the answers are read by name from a list (`openAnswers`), slow to do per evaluation.
const businessCaseOf = (bc: BusinessCaseFact | null): PreparedBusinessCase | null =>
  bc === null ? null : { id: bc.id, unanswered: openAnswers(bc), portable: bc.portable };

/**
 * A copy made here, not the validated object: the prepared facts are then one run
 * of memory, allocated together, and reading the close does not jump back to where
 * the parser put the record (50,000 evaluations read 3-4 ms faster; ARCHITECTURE.md).
 */
const closeRecordOf = (close: CloseRecordFact | null): Readonly<CloseRecordFact> | null =>
  close === null
    ? null
    : {
        id: close.id,
        agreement_finalized_on: close.agreement_finalized_on,
        close_reason_count: close.close_reason_count,
        win_summary_sent_on: close.win_summary_sent_on,
        advocacy_ask: close.advocacy_ask,
        next_cycle_goal_count: close.next_cycle_goal_count,
      };

const dayOrNone = (isoDay: string | null): number => (isoDay === null ? NO_DAY : dayNumber(isoDay));

/** For a long list, each id's first index; `null` for a short one, which is scanned instead (cheaper than a map for a handful). */
function indexById(records: readonly { id: string }[]): Map<string, number> | null {
  if (records.length <= 16) return null;
  const first = new Map<string, number>();
  for (let i = records.length - 1; i >= 0; i -= 1) first.set(records[i]!.id, i);
  return first;
}

/** The index of the first record with id `id`, -1 when none: uuids matched once, here. */
function firstIndexOf(records: readonly { id: string }[], index: Map<string, number> | null, id: string): number {
  if (index !== null) return index.get(id) ?? -1;
  for (let i = 0; i < records.length; i += 1) if (records[i]!.id === id) return i;
  return -1;
}
