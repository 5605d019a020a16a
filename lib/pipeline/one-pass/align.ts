import {
  CASE_NOT_PORTABLE,
  NEVER_CONFIRMED as NEVER_CONFIRMED_VERDICT,
  NO_ACTIVE_USE_CASE,
  NO_BUSINESS_CASE as NO_BUSINESS_CASE_VERDICT,
  NO_GOAL as NO_GOAL_VERDICT,
  NO_GOAL_TO_CONFIRM as NO_GOAL_TO_CONFIRM_VERDICT,
  NO_OUTCOME as NO_OUTCOME_VERDICT,
  NO_USE_CASE as NO_USE_CASE_VERDICT,
  notReconfirmedIn,
  ONLY_ACTIVE_USE_CASES,
  OUTCOMES_OFF_GOAL,
  unansweredText,
} from '../criteria/align';
import type { RuleContext } from '../criteria/criterion';
import { USE_CASE_STATUS, type PreparedAccountLists, type PreparedBusinessCase, type PreparedFacts } from '../prepared-facts';
import { SLOT } from './slots';
import { lackingText, marksFor, type ExplanationWriter } from './writer';

const GOAL_DOCUMENTED = SLOT.goal_documented;
const GOAL_CURRENT = SLOT.goal_current;
const OUTCOMES_RECORDED = SLOT.outcomes_recorded;
const USE_CASES_RECORDED = SLOT.use_cases_recorded;
const BUSINESS_CASE_COMPLETE = SLOT.business_case_complete;
const BUSINESS_CASE_PORTABLE = SLOT.business_case_portable;
const ACTIVE = USE_CASE_STATUS.active;

const NO_GOAL = lackingText(NO_GOAL_VERDICT);
const NO_GOAL_TO_CONFIRM = lackingText(NO_GOAL_TO_CONFIRM_VERDICT);
const NEVER_CONFIRMED = lackingText(NEVER_CONFIRMED_VERDICT);
const NO_OUTCOME = lackingText(NO_OUTCOME_VERDICT);
const NO_USE_CASE = lackingText(NO_USE_CASE_VERDICT);
const NO_BUSINESS_CASE = lackingText(NO_BUSINESS_CASE_VERDICT);

/** A goal's confirmation, as `goal_current` reads it. */
const FRESH = 1;
const STALE = 2;

/**
 * The Align criteria (`criteria/align.ts`), into `out` in catalog order, reading
 * each list once: same verdicts, same evidence order, same texts.
 */
export function explainAlign(facts: PreparedFacts, ctx: RuleContext, out: ExplanationWriter): void {
  const account = facts.account;
  explainGoals(account, ctx, out);
  explainOutcomes(account, out);
  explainUseCases(account, out);
  explainBusinessCase(facts.businessCase, out);
}

/** `goal_documented` and `goal_current`: every goal backs the first; fresh confirmations back the second, else stale ones show what to renew. */
function explainGoals({ ids, codes, goals: from, outcomes: to }: PreparedAccountLists, { today, settings }: RuleContext, out: ExplanationWriter): void {
  if (from === to) {
    out.notMet(GOAL_DOCUMENTED, NO_GOAL);
    out.notMet(GOAL_CURRENT, NO_GOAL_TO_CONFIRM);
    return;
  }
  const window = settings.freshness_days.goal_current;
  const marked = marksFor(to - from);
  let fresh = 0;
  let stale = 0;
  for (let k = from; k < to; k += 1) {
    out.id(ids[k]!);
    // A confirmation dated after today has not happened yet: it backs nothing (nor does none, NO_DAY).
    const age = today - codes[k]!;
    if (age < 0) marked[k - from] = 0;
    else if (age <= window) {
      marked[k - from] = FRESH;
      fresh += 1;
    } else {
      marked[k - from] = STALE;
      stale += 1;
    }
  }
  out.met(GOAL_DOCUMENTED);
  if (fresh > 0) {
    writeMarked(ids, from, to, marked, FRESH, out);
    out.met(GOAL_CURRENT);
  } else if (stale > 0) {
    writeMarked(ids, from, to, marked, STALE, out);
    out.notMet(GOAL_CURRENT, notReconfirmedIn(window));
  } else out.notMet(GOAL_CURRENT, NEVER_CONFIRMED);
}

function writeMarked(ids: readonly string[], from: number, to: number, marked: Uint8Array, mark: number, out: ExplanationWriter): void {
  for (let k = from; k < to; k += 1) if (marked[k - from] === mark) out.id(ids[k]!);
}

/** `outcomes_recorded`: the outcomes on a recorded goal (a code of -1 is on none) back it; outcomes on none fall short. */
function explainOutcomes({ ids, codes, outcomes: from, useCases: to }: PreparedAccountLists, out: ExplanationWriter): void {
  if (from === to) {
    out.notMet(OUTCOMES_RECORDED, NO_OUTCOME);
    return;
  }
  let linked = 0;
  for (let k = from; k < to; k += 1) if (codes[k]! >= 0) linked += 1;
  // With none on a goal, every outcome is written: they are what falls short.
  for (let k = from; k < to; k += 1) if (linked === 0 || codes[k]! >= 0) out.id(ids[k]!);
  if (linked > 0) out.met(OUTCOMES_RECORDED);
  else out.notMet(OUTCOMES_RECORDED, OUTCOMES_OFF_GOAL);
}

/** `use_cases_recorded`: an active use case beside one that could come next; every use case is its evidence either way. */
function explainUseCases({ ids, codes, useCases: from, stakeholders: to }: PreparedAccountLists, out: ExplanationWriter): void {
  if (from === to) {
    out.notMet(USE_CASES_RECORDED, NO_USE_CASE);
    return;
  }
  let active = 0;
  for (let k = from; k < to; k += 1) {
    out.id(ids[k]!);
    if (codes[k] === ACTIVE) active += 1;
  }
  if (active > 0 && active < to - from) out.met(USE_CASES_RECORDED);
  else out.notMet(USE_CASES_RECORDED, active > 0 ? ONLY_ACTIVE_USE_CASES : NO_ACTIVE_USE_CASE);
}

/** `business_case_complete` and `business_case_portable`: both point at the case, met or not. */
function explainBusinessCase(bc: PreparedBusinessCase | null, out: ExplanationWriter): void {
  if (bc === null) {
    out.notMet(BUSINESS_CASE_COMPLETE, NO_BUSINESS_CASE);
    out.notMet(BUSINESS_CASE_PORTABLE, NO_BUSINESS_CASE);
    return;
  }
  const open = bc.unanswered;
  out.id(bc.id);
  if (open === 0) out.met(BUSINESS_CASE_COMPLETE);
  else out.notMet(BUSINESS_CASE_COMPLETE, unansweredText(open));
  out.id(bc.id);
  if (bc.portable) out.met(BUSINESS_CASE_PORTABLE);
  else out.notMet(BUSINESS_CASE_PORTABLE, CASE_NOT_PORTABLE);
}
