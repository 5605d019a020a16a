import { MIN_ENGAGED_STAKEHOLDERS as MIN_ENGAGED_IMPORTED, MIN_MAPPED_STAKEHOLDERS as MIN_MAPPED_IMPORTED } from '../criteria/advocate';
import type { RuleContext } from '../criteria/criterion';
import type { IntentSignalKind } from '../facts';
import { MEETING_KIND, NO_DAY, PERSON, personIndex, SIGNAL_KIND, STATUS, STEP_STATUS, stepCode, USE_CASE_STATUS, type AssessableAccountLists, type AssessableFacts } from '../prepared-facts';
import { criterionOfKind } from './intent';
import { SLOT } from './slots';

/**
 * The decisions of the catalog (each criterion's `isMet`), as the bits of the unmet
 * criteria of one stage (bit i = CRITERIA[i]), split into the stage's required and
 * its recommended criteria. This is what `assess.ts` runs for every opportunity of a
 * team, so each stage reads its lists in one plain loop: no closure, no array and no
 * string built per criterion, and each date read once.
 *
 * The recommended half is separate because a stage the evidence has passed never
 * shows its recommended criteria: the caller skips that half once the required
 * half comes back empty. Each criterion's `isMet` stays the definition: a property
 * test holds these bits to it on generated and realistic facts. They read the assessable facts
 * (`prepared-facts.ts`): days, enums and links are numbers there, and no id is read.
 */
export function unmetRequired(stage: number, facts: AssessableFacts, ctx: RuleContext): number {
  switch (stage) {
    case 0:
      return facts.opportunity.hasSource ? 0 : OPPORTUNITY_LOGGED;
    case 1:
      return alignRequired(facts, ctx);
    case 2:
      return advocateRequired(facts, ctx);
    case 3:
      return intentRequired(facts);
    default:
      return closeRequired(facts);
  }
}

/** As `unmetRequired`, for the recommended criteria of the stage. */
export function unmetRecommended(stage: number, facts: AssessableFacts, ctx: RuleContext): number {
  switch (stage) {
    case 0:
      return 0;
    case 1:
      return alignRecommended(facts);
    case 2:
      return advocateRecommended(facts, ctx);
    case 3:
      return intentRecommended(facts);
    default:
      return closeRecommended(facts);
  }
}

// Module-local copies of imports read per opportunity: an imported binding can cost
// a property read per use where modules are not bundled (tsx, vitest).
const MIN_MAPPED_STAKEHOLDERS = MIN_MAPPED_IMPORTED;
const MIN_ENGAGED_STAKEHOLDERS = MIN_ENGAGED_IMPORTED;
const ACTIVE = USE_CASE_STATUS.active;
const POSITION_FIELD = PERSON.POSITION;
const SPONSOR_POSITION = PERSON.position('sponsor');
const SUPPORTER_POSITION = PERSON.position('supporter');
const DETRACTOR_POSITION = PERSON.position('detractor');
const UNKNOWN_POSITION = PERSON.position('unknown');
const ROLES_FIELD = PERSON.ROLES;
const INFLUENCE_FIELD = PERSON.INFLUENCE;
const HIGH_INFLUENCE = PERSON.influence('high');
const PLANNED = STEP_STATUS.planned;
const ALIGNMENT_MEETING = MEETING_KIND.alignment_meeting;
const EXECUTIVE_CONVERSATION = MEETING_KIND.executive_conversation;
const BUDGET_OWNER_ROLE = PERSON.role('budget_owner');
const WON = STATUS.won;

const bit = (id: keyof typeof SLOT) => 1 << SLOT[id];

const OPPORTUNITY_LOGGED = bit('opportunity_logged');

const GOAL_DOCUMENTED = bit('goal_documented');
const GOAL_CURRENT = bit('goal_current');
const OUTCOMES_RECORDED = bit('outcomes_recorded');
const USE_CASES_RECORDED = bit('use_cases_recorded');
const BUSINESS_CASE_COMPLETE = bit('business_case_complete');
const BUSINESS_CASE_PORTABLE = bit('business_case_portable');

function alignRequired({ account, businessCase: bc }: AssessableFacts, { today, settings }: RuleContext): number {
  const { codes, goals, outcomes, useCases } = account;
  let unmet = 0;
  if (goals === outcomes) unmet |= GOAL_DOCUMENTED;
  const window = settings.freshness_days.goal_current;
  let current = false;
  for (let k = goals; k < outcomes && !current; k += 1) current = isFresh(codes[k]!, today, window);
  if (!current) unmet |= GOAL_CURRENT;
  // An outcome's code is its goal's index, -1 when on none.
  let onGoal = false;
  for (let k = outcomes; k < useCases && !onGoal; k += 1) onGoal = codes[k]! >= 0;
  if (!onGoal) unmet |= OUTCOMES_RECORDED;
  if (bc === null || bc.unanswered !== 0) unmet |= BUSINESS_CASE_COMPLETE;
  return unmet;
}

function alignRecommended({ account: { codes, useCases: from, stakeholders: to }, businessCase: bc }: AssessableFacts): number {
  let active = false;
  let other = false;
  for (let k = from; k < to && !(active && other); k += 1) {
    if (codes[k] === ACTIVE) active = true;
    else other = true;
  }
  let unmet = active && other ? 0 : USE_CASES_RECORDED;
  if (bc === null || !bc.portable) unmet |= BUSINESS_CASE_PORTABLE;
  return unmet;
}

const STAKEHOLDERS_MAPPED = bit('stakeholders_mapped');
const SPONSOR_IDENTIFIED = bit('sponsor_identified');
const MULTI_THREADED = bit('multi_threaded');
const INSIGHT_SHARED = bit('insight_shared');
const ALIGNMENT_MEETING_HELD = bit('alignment_meeting_held');
const DETRACTORS_ADDRESSED = bit('detractors_addressed');
const COMMUNICATION_PLAN = bit('communication_plan');

function advocateRequired({ account: { codes, stakeholders, insights, meetings } }: AssessableFacts, { today, settings }: RuleContext): number {
  let mapped = 0;
  let sponsor = false;
  let engaged = 0;
  for (let k = stakeholders; k < insights; k += 1) {
    const code = codes[k]!;
    const position = code & POSITION_FIELD;
    if ((code & ROLES_FIELD) !== 0 && position !== UNKNOWN_POSITION) mapped += 1;
    if (position === SPONSOR_POSITION) {
      sponsor = true;
      engaged += 1;
    } else if (position === SUPPORTER_POSITION) engaged += 1;
  }
  let unmet = 0;
  if (mapped < MIN_MAPPED_STAKEHOLDERS) unmet |= STAKEHOLDERS_MAPPED;
  if (!sponsor) unmet |= SPONSOR_IDENTIFIED;
  if (engaged < MIN_ENGAGED_STAKEHOLDERS) unmet |= MULTI_THREADED;
  const window = settings.freshness_days.insight_shared;
  let shared = false;
  for (let k = insights; k < meetings && !shared; k += 1) shared = isFresh(codes[k]!, today, window);
  if (!shared) unmet |= INSIGHT_SHARED;
  return unmet;
}

function advocateRecommended({ account }: AssessableFacts, { today }: RuleContext): number {
  const { codes, stakeholders, insights, meetings, steps } = account;
  // A meeting's code is `heldOn * 2 + kind`.
  let held = false;
  for (let k = meetings; k < steps && !held; k += 1) held = (codes[k]! & 1) === ALIGNMENT_MEETING && codes[k]! >> 1 <= today;
  let unmet = held ? 0 : ALIGNMENT_MEETING_HELD;
  let anyInfluential = false;
  for (let k = stakeholders; k < insights; k += 1) {
    const code = codes[k]!;
    const detractor = (code & POSITION_FIELD) === DETRACTOR_POSITION;
    const influential = (code & INFLUENCE_FIELD) === HIGH_INFLUENCE;
    if (influential) anyInfluential = true;
    if ((detractor || influential) && !hasPlannedStep(account, personIndex(account, k))) {
      if (detractor) unmet |= DETRACTORS_ADDRESSED;
      if (influential) unmet |= COMMUNICATION_PLAN;
    }
  }
  if (!anyInfluential) unmet |= COMMUNICATION_PLAN;
  return unmet;
}

/** Whether person `person` (index within the stakeholders) has a planned step: one code compared per step. */
function hasPlannedStep({ codes, steps, end }: AssessableAccountLists, person: number): boolean {
  const planned = stepCode(person, PLANNED);
  for (let k = steps; k < end; k += 1) if (codes[k] === planned) return true;
  return false;
}

const DECISION_TIMING_KNOWN = bit('decision_timing_known');
const BUDGET_OWNER_IDENTIFIED = bit('budget_owner_identified');
const APPROVAL_PATH_MAPPED = bit('approval_path_mapped');
const TIMELINE_CONFIRMED = bit('timeline_confirmed');
const VERBAL_COMMITMENT_WITH_PATH = bit('verbal_commitment_with_path');
const PROCUREMENT_ENGAGED = bit('procurement_engaged');
const LEGAL_REVIEW = bit('legal_review');
const SECURITY_REVIEW = bit('security_review');
const EXEC_CONVERSATION_SCHEDULED = bit('exec_conversation_scheduled');
const COMMERCIAL_PARTNER_ENGAGED = bit('commercial_partner_engaged');

const INTENT_REQUIRED = DECISION_TIMING_KNOWN | BUDGET_OWNER_IDENTIFIED | APPROVAL_PATH_MAPPED | TIMELINE_CONFIRMED | VERBAL_COMMITMENT_WITH_PATH;
const INTENT_RECOMMENDED = PROCUREMENT_ENGAGED | LEGAL_REVIEW | SECURITY_REVIEW | EXEC_CONVERSATION_SCHEDULED | COMMERCIAL_PARTNER_ENGAGED;

/** By signal kind code, the Intent criterion bit a signal of that kind meets (the explainer's table, `criterionOfKind`); 0 for none. */
const MET_BY_KIND: Int32Array = Int32Array.from(Object.keys(SIGNAL_KIND) as IntentSignalKind[], (kind) => {
  const slot = criterionOfKind(kind);
  return slot < 0 ? 0 : 1 << slot;
});
/** A yes without owned next steps meets nothing. */
const YES_WITHOUT_OWNERS_CODE = SIGNAL_KIND.verbal_commitment * 2;

/** The Intent criteria the intent signals meet, as bits (a signal's code is `kind * 2 + withOwners`). */
function metBySignals({ intentSignals: { codes } }: AssessableFacts): number {
  let met = 0;
  for (let i = 0; i < codes.length; i += 1) {
    const code = codes[i]!;
    if (code !== YES_WITHOUT_OWNERS_CODE) met |= MET_BY_KIND[code >> 1]!;
  }
  return met;
}

function intentRequired(facts: AssessableFacts): number {
  let met = metBySignals(facts);
  const opportunity = facts.opportunity;
  if (opportunity.targetDay !== NO_DAY && opportunity.targetConfirmedDay !== NO_DAY) met |= TIMELINE_CONFIRMED;
  if ((met & BUDGET_OWNER_IDENTIFIED) === 0) {
    const { codes, stakeholders, insights } = facts.account;
    for (let k = stakeholders; k < insights; k += 1) {
      if ((codes[k]! & BUDGET_OWNER_ROLE) !== 0) {
        met |= BUDGET_OWNER_IDENTIFIED;
        break;
      }
    }
  }
  return INTENT_REQUIRED & ~met;
}

function intentRecommended(facts: AssessableFacts): number {
  let met = metBySignals(facts);
  if ((met & EXEC_CONVERSATION_SCHEDULED) === 0) {
    const { codes, meetings, steps } = facts.account;
    for (let k = meetings; k < steps; k += 1) {
      if ((codes[k]! & 1) === EXECUTIVE_CONVERSATION) {
        met |= EXEC_CONVERSATION_SCHEDULED;
        break;
      }
    }
  }
  return INTENT_RECOMMENDED & ~met;
}

const AGREEMENT_FINALIZED = bit('agreement_finalized');
const CLOSE_REASONS_DOCUMENTED = bit('close_reasons_documented');
const WIN_SUMMARY_SENT = bit('win_summary_sent');
const ADVOCACY_ASK_MADE = bit('advocacy_ask_made');
const NEXT_CYCLE_GOALS_SET = bit('next_cycle_goals_set');

function closeRequired({ opportunity, closeRecord: close }: AssessableFacts): number {
  if (close === null) return AGREEMENT_FINALIZED | CLOSE_REASONS_DOCUMENTED | NEXT_CYCLE_GOALS_SET;
  let unmet = 0;
  if (opportunity.status !== WON || close.agreement_finalized_on === null) unmet |= AGREEMENT_FINALIZED;
  if (close.close_reason_count <= 0) unmet |= CLOSE_REASONS_DOCUMENTED;
  if (close.next_cycle_goal_count <= 0) unmet |= NEXT_CYCLE_GOALS_SET;
  return unmet;
}

function closeRecommended({ closeRecord: close }: AssessableFacts): number {
  if (close === null) return WIN_SUMMARY_SENT | ADVOCACY_ASK_MADE;
  let unmet = 0;
  if (close.win_summary_sent_on === null) unmet |= WIN_SUMMARY_SENT;
  if (close.advocacy_ask === null) unmet |= ADVOCACY_ASK_MADE;
  return unmet;
}

/** As `isWithinDays` (`days.ts`): dated at most `window` days before `today`, and not after it (nor `NO_DAY`). */
function isFresh(day: number, today: number, window: number): boolean {
  const age = today - day;
  return age >= 0 && age <= window;
}
