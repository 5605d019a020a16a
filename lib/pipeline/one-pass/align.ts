import {
  CASE_NOT_PORTABLE,
  NEVER_CONFIRMED,
  NO_ACTIVE_USE_CASE,
  NO_BUSINESS_CASE,
  NO_GOAL,
  NO_GOAL_TO_CONFIRM,
  NO_OUTCOME,
  NO_USE_CASE,
  notReconfirmedIn,
  ONLY_ACTIVE_USE_CASES,
  openAnswers,
  OUTCOMES_OFF_GOAL,
  unansweredText,
} from '../criteria/align';
import type { RuleContext } from '../criteria/criterion';
import { dayNumber as dayNumberImported } from '../days';
import type { GoalFact, OpportunityFacts, OutcomeFact } from '../facts';
import { marksFor, metBy, resultOf, sharedResult, type ResultSlots } from './results';
import { SLOT } from './slots';

const GOAL_DOCUMENTED = SLOT.goal_documented;
const GOAL_CURRENT = SLOT.goal_current;
const OUTCOMES_RECORDED = SLOT.outcomes_recorded;
const USE_CASES_RECORDED = SLOT.use_cases_recorded;
const BUSINESS_CASE_COMPLETE = SLOT.business_case_complete;
const BUSINESS_CASE_PORTABLE = SLOT.business_case_portable;

const NO_GOAL_RESULT = sharedResult(GOAL_DOCUMENTED, NO_GOAL);
const NO_GOAL_TO_CONFIRM_RESULT = sharedResult(GOAL_CURRENT, NO_GOAL_TO_CONFIRM);
const NEVER_CONFIRMED_RESULT = sharedResult(GOAL_CURRENT, NEVER_CONFIRMED);
const NO_OUTCOME_RESULT = sharedResult(OUTCOMES_RECORDED, NO_OUTCOME);
const NO_USE_CASE_RESULT = sharedResult(USE_CASES_RECORDED, NO_USE_CASE);
const NO_CASE_RESULT = sharedResult(BUSINESS_CASE_COMPLETE, NO_BUSINESS_CASE);
const NO_CASE_TO_CARRY_RESULT = sharedResult(BUSINESS_CASE_PORTABLE, NO_BUSINESS_CASE);

// A module-local copy: an imported binding can cost a property read per use where modules are not bundled.
const dayNumber = dayNumberImported;

/** A goal's confirmation, as `goal_current` reads it. */
const FRESH = 1;
const STALE = 2;

/**
 * The results of the Align criteria (`criteria/align.ts`) into `out`, reading each
 * list once and each goal's date once: same verdicts, same evidence order, same
 * texts. Returns the bits of the unmet ones.
 */
export function explainAlign(facts: OpportunityFacts, ctx: RuleContext, out: ResultSlots): number {
  const { goals, outcomes, use_cases: useCases, business_case: bc } = facts;
  let unmet = 0;

  if (goals.length === 0) {
    out[GOAL_DOCUMENTED] = NO_GOAL_RESULT;
    out[GOAL_CURRENT] = NO_GOAL_TO_CONFIRM_RESULT;
    unmet |= (1 << GOAL_DOCUMENTED) | (1 << GOAL_CURRENT);
  } else {
    out[GOAL_DOCUMENTED] = metBy(GOAL_DOCUMENTED, goalIds(goals, null, 0, goals.length));
    const current = goalCurrent(goals, ctx);
    out[GOAL_CURRENT] = current;
    if (!current.met) unmet |= 1 << GOAL_CURRENT;
  }

  if (outcomes.length === 0) {
    out[OUTCOMES_RECORDED] = NO_OUTCOME_RESULT;
    unmet |= 1 << OUTCOMES_RECORDED;
  } else {
    const marked = marksFor(outcomes.length);
    let linked = 0;
    for (let i = 0; i < outcomes.length; i += 1) {
      const onGoal = hasGoal(goals, outcomes[i]!.goal_id);
      marked[i] = onGoal ? 1 : 0;
      if (onGoal) linked += 1;
    }
    if (linked > 0) out[OUTCOMES_RECORDED] = metBy(OUTCOMES_RECORDED, outcomeIds(outcomes, marked, linked));
    else {
      out[OUTCOMES_RECORDED] = resultOf(OUTCOMES_RECORDED, false, outcomeIds(outcomes, null, outcomes.length), OUTCOMES_OFF_GOAL);
      unmet |= 1 << OUTCOMES_RECORDED;
    }
  }

  if (useCases.length === 0) {
    out[USE_CASES_RECORDED] = NO_USE_CASE_RESULT;
    unmet |= 1 << USE_CASES_RECORDED;
  } else {
    let active = 0;
    for (let i = 0; i < useCases.length; i += 1) if (useCases[i]!.status === 'active') active += 1;
    const all = new Array<string>(useCases.length);
    for (let i = 0; i < useCases.length; i += 1) all[i] = useCases[i]!.id;
    if (active > 0 && active < useCases.length) out[USE_CASES_RECORDED] = metBy(USE_CASES_RECORDED, all);
    else {
      out[USE_CASES_RECORDED] = resultOf(USE_CASES_RECORDED, false, all, active > 0 ? ONLY_ACTIVE_USE_CASES : NO_ACTIVE_USE_CASE);
      unmet |= 1 << USE_CASES_RECORDED;
    }
  }

  if (bc === null) {
    out[BUSINESS_CASE_COMPLETE] = NO_CASE_RESULT;
    out[BUSINESS_CASE_PORTABLE] = NO_CASE_TO_CARRY_RESULT;
    unmet |= (1 << BUSINESS_CASE_COMPLETE) | (1 << BUSINESS_CASE_PORTABLE);
  } else {
    const open = openAnswers(bc);
    if (open === 0) out[BUSINESS_CASE_COMPLETE] = metBy(BUSINESS_CASE_COMPLETE, [bc.id]);
    else {
      out[BUSINESS_CASE_COMPLETE] = resultOf(BUSINESS_CASE_COMPLETE, false, [bc.id], unansweredText(open));
      unmet |= 1 << BUSINESS_CASE_COMPLETE;
    }
    if (bc.portable) out[BUSINESS_CASE_PORTABLE] = metBy(BUSINESS_CASE_PORTABLE, [bc.id]);
    else {
      out[BUSINESS_CASE_PORTABLE] = resultOf(BUSINESS_CASE_PORTABLE, false, [bc.id], CASE_NOT_PORTABLE);
      unmet |= 1 << BUSINESS_CASE_PORTABLE;
    }
  }
  return unmet;
}

/** `goal_current` for a non-empty goal list: fresh confirmations back it; else stale ones show what to renew. */
function goalCurrent(goals: readonly GoalFact[], { today, settings }: RuleContext) {
  const window = settings.freshness_days.goal_current;
  const marked = marksFor(goals.length);
  let fresh = 0;
  let stale = 0;
  for (let i = 0; i < goals.length; i += 1) {
    const day = goals[i]!.confirmed_current_on;
    // A confirmation dated after today has not happened yet: it backs nothing.
    const age = day === null ? -1 : today - dayNumber(day);
    if (age < 0) marked[i] = 0;
    else if (age <= window) {
      marked[i] = FRESH;
      fresh += 1;
    } else {
      marked[i] = STALE;
      stale += 1;
    }
  }
  if (fresh > 0) return metBy(GOAL_CURRENT, goalIds(goals, marked, FRESH, fresh));
  if (stale > 0) return resultOf(GOAL_CURRENT, false, goalIds(goals, marked, STALE, stale), notReconfirmedIn(window));
  return NEVER_CONFIRMED_RESULT;
}

function hasGoal(goals: readonly GoalFact[], goalId: string): boolean {
  for (let i = 0; i < goals.length; i += 1) if (goals[i]!.id === goalId) return true;
  return false;
}

/** The ids of the goals whose mark has a bit of `mask` (all of them when `marked` is null), in list order; `count` of them. */
function goalIds(goals: readonly GoalFact[], marked: Uint8Array | null, mask: number, count: number): string[] {
  const ids = new Array<string>(count);
  for (let i = 0, k = 0; i < goals.length; i += 1) if (marked === null || (marked[i]! & mask) !== 0) ids[k++] = goals[i]!.id;
  return ids;
}

/** The ids of the outcomes marked on a goal (all of them when `marked` is null), in list order; `count` of them. */
function outcomeIds(outcomes: readonly OutcomeFact[], marked: Uint8Array | null, count: number): string[] {
  const ids = new Array<string>(count);
  for (let i = 0, k = 0; i < outcomes.length; i += 1) if (marked === null || marked[i] === 1) ids[k++] = outcomes[i]!.id;
  return ids;
}
