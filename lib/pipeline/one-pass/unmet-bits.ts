import { MIN_ENGAGED_STAKEHOLDERS as MIN_ENGAGED_IMPORTED, MIN_MAPPED_STAKEHOLDERS as MIN_MAPPED_IMPORTED } from '../criteria/advocate';
import type { RuleContext } from '../criteria/criterion';
import { dayNumber as dayNumberImported } from '../days';
import type { CommunicationStepFact, OpportunityFacts, StakeholderFact } from '../facts';
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
 * test holds these bits to it on generated and realistic facts.
 */
export function unmetRequired(stage: number, facts: OpportunityFacts, ctx: RuleContext): number {
  switch (stage) {
    case 0:
      return facts.opportunity.source === null ? OPPORTUNITY_LOGGED : 0;
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
export function unmetRecommended(stage: number, facts: OpportunityFacts, ctx: RuleContext): number {
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
const dayNumber = dayNumberImported;
const MIN_MAPPED_STAKEHOLDERS = MIN_MAPPED_IMPORTED;
const MIN_ENGAGED_STAKEHOLDERS = MIN_ENGAGED_IMPORTED;

const bit = (id: keyof typeof SLOT) => 1 << SLOT[id];

const OPPORTUNITY_LOGGED = bit('opportunity_logged');

const GOAL_DOCUMENTED = bit('goal_documented');
const GOAL_CURRENT = bit('goal_current');
const OUTCOMES_RECORDED = bit('outcomes_recorded');
const USE_CASES_RECORDED = bit('use_cases_recorded');
const BUSINESS_CASE_COMPLETE = bit('business_case_complete');
const BUSINESS_CASE_PORTABLE = bit('business_case_portable');

function alignRequired({ goals, outcomes, business_case: bc }: OpportunityFacts, { today, settings }: RuleContext): number {
  let unmet = 0;
  if (goals.length === 0) unmet |= GOAL_DOCUMENTED;
  const window = settings.freshness_days.goal_current;
  let current = false;
  for (let i = 0; i < goals.length && !current; i += 1) {
    const day = goals[i]!.confirmed_current_on;
    current = day !== null && isFresh(day, today, window);
  }
  if (!current) unmet |= GOAL_CURRENT;
  if (!anyOutcomeOnGoal(goals, outcomes)) unmet |= OUTCOMES_RECORDED;
  if (bc === null || !(bc.goal_answered && bc.progress_answered && bc.path_answered && bc.success_answered)) unmet |= BUSINESS_CASE_COMPLETE;
  return unmet;
}

function alignRecommended({ use_cases, business_case: bc }: OpportunityFacts): number {
  let active = false;
  let other = false;
  for (let i = 0; i < use_cases.length && !(active && other); i += 1) {
    if (use_cases[i]!.status === 'active') active = true;
    else other = true;
  }
  let unmet = active && other ? 0 : USE_CASES_RECORDED;
  if (bc === null || !bc.portable) unmet |= BUSINESS_CASE_PORTABLE;
  return unmet;
}

function anyOutcomeOnGoal(goals: OpportunityFacts['goals'], outcomes: OpportunityFacts['outcomes']): boolean {
  for (let o = 0; o < outcomes.length; o += 1) {
    const goalId = outcomes[o]!.goal_id;
    for (let g = 0; g < goals.length; g += 1) if (goals[g]!.id === goalId) return true;
  }
  return false;
}

const STAKEHOLDERS_MAPPED = bit('stakeholders_mapped');
const SPONSOR_IDENTIFIED = bit('sponsor_identified');
const MULTI_THREADED = bit('multi_threaded');
const INSIGHT_SHARED = bit('insight_shared');
const ALIGNMENT_MEETING_HELD = bit('alignment_meeting_held');
const DETRACTORS_ADDRESSED = bit('detractors_addressed');
const COMMUNICATION_PLAN = bit('communication_plan');

function advocateRequired({ stakeholders, insights }: OpportunityFacts, { today, settings }: RuleContext): number {
  let mapped = 0;
  let sponsor = false;
  let engaged = 0;
  for (let i = 0; i < stakeholders.length; i += 1) {
    const person = stakeholders[i]!;
    const position = person.position;
    if (person.roles.length > 0 && position !== 'unknown') mapped += 1;
    if (position === 'sponsor') {
      sponsor = true;
      engaged += 1;
    } else if (position === 'supporter') engaged += 1;
  }
  let unmet = 0;
  if (mapped < MIN_MAPPED_STAKEHOLDERS) unmet |= STAKEHOLDERS_MAPPED;
  if (!sponsor) unmet |= SPONSOR_IDENTIFIED;
  if (engaged < MIN_ENGAGED_STAKEHOLDERS) unmet |= MULTI_THREADED;
  const window = settings.freshness_days.insight_shared;
  let shared = false;
  for (let i = 0; i < insights.length && !shared; i += 1) {
    const day = insights[i]!.shared_on;
    shared = day !== null && isFresh(day, today, window);
  }
  if (!shared) unmet |= INSIGHT_SHARED;
  return unmet;
}

function advocateRecommended({ stakeholders, communication_steps: steps, meetings }: OpportunityFacts, { today }: RuleContext): number {
  let held = false;
  for (let i = 0; i < meetings.length && !held; i += 1) {
    const meeting = meetings[i]!;
    held = meeting.kind === 'alignment_meeting' && dayNumber(meeting.held_on) <= today;
  }
  let unmet = held ? 0 : ALIGNMENT_MEETING_HELD;
  let anyInfluential = false;
  for (let i = 0; i < stakeholders.length; i += 1) {
    const person = stakeholders[i]!;
    const detractor = person.position === 'detractor';
    const influential = person.influence === 'high';
    if (influential) anyInfluential = true;
    if ((detractor || influential) && !hasPlannedStep(steps, person)) {
      if (detractor) unmet |= DETRACTORS_ADDRESSED;
      if (influential) unmet |= COMMUNICATION_PLAN;
    }
  }
  if (!anyInfluential) unmet |= COMMUNICATION_PLAN;
  return unmet;
}

function hasPlannedStep(steps: readonly CommunicationStepFact[], person: StakeholderFact): boolean {
  const id = person.id;
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i]!;
    if (step.stakeholder_id === id && step.status === 'planned') return true;
  }
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

/** The Intent criteria the intent signals meet (`criteria/intent.ts` has the table), as bits. */
function metBySignals(facts: OpportunityFacts): number {
  const signals = facts.intent_signals;
  let met = 0;
  for (let i = 0; i < signals.length; i += 1) {
    const signal = signals[i]!;
    switch (signal.kind) {
      case 'decision_timing_known':
        met |= DECISION_TIMING_KNOWN;
        break;
      case 'budget_owner_identified':
        met |= BUDGET_OWNER_IDENTIFIED;
        break;
      case 'approval_path_mapped':
        met |= APPROVAL_PATH_MAPPED;
        break;
      case 'timeline_confirmed':
        met |= TIMELINE_CONFIRMED;
        break;
      case 'verbal_commitment':
        if (signal.has_next_steps_with_owners) met |= VERBAL_COMMITMENT_WITH_PATH;
        break;
      case 'procurement_engaged':
      case 'stakeholder_introduced_procurement':
        met |= PROCUREMENT_ENGAGED;
        break;
      case 'legal_review':
        met |= LEGAL_REVIEW;
        break;
      case 'security_review':
        met |= SECURITY_REVIEW;
        break;
      case 'exec_conversation_scheduled':
        met |= EXEC_CONVERSATION_SCHEDULED;
        break;
      case 'commercial_partner_engaged':
        met |= COMMERCIAL_PARTNER_ENGAGED;
        break;
      default:
        // renewal planning, budget reallocated, risk raised, other: context, no criterion.
        break;
    }
  }
  return met;
}

function intentRequired(facts: OpportunityFacts): number {
  let met = metBySignals(facts);
  const { opportunity, stakeholders } = facts;
  if (opportunity.target_date !== null && opportunity.target_date_confirmed_on !== null) met |= TIMELINE_CONFIRMED;
  if ((met & BUDGET_OWNER_IDENTIFIED) === 0) {
    for (let i = 0; i < stakeholders.length; i += 1) {
      if (stakeholders[i]!.roles.includes('budget_owner')) {
        met |= BUDGET_OWNER_IDENTIFIED;
        break;
      }
    }
  }
  return INTENT_REQUIRED & ~met;
}

function intentRecommended(facts: OpportunityFacts): number {
  let met = metBySignals(facts);
  if ((met & EXEC_CONVERSATION_SCHEDULED) === 0) {
    const meetings = facts.meetings;
    for (let i = 0; i < meetings.length; i += 1) {
      if (meetings[i]!.kind === 'executive_conversation') {
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

function closeRequired({ opportunity, close_record: close }: OpportunityFacts): number {
  if (close === null) return AGREEMENT_FINALIZED | CLOSE_REASONS_DOCUMENTED | NEXT_CYCLE_GOALS_SET;
  let unmet = 0;
  if (opportunity.status !== 'won' || close.agreement_finalized_on === null) unmet |= AGREEMENT_FINALIZED;
  if (close.close_reason_count <= 0) unmet |= CLOSE_REASONS_DOCUMENTED;
  if (close.next_cycle_goal_count <= 0) unmet |= NEXT_CYCLE_GOALS_SET;
  return unmet;
}

function closeRecommended({ close_record: close }: OpportunityFacts): number {
  if (close === null) return WIN_SUMMARY_SENT | ADVOCACY_ASK_MADE;
  let unmet = 0;
  if (close.win_summary_sent_on === null) unmet |= WIN_SUMMARY_SENT;
  if (close.advocacy_ask === null) unmet |= ADVOCACY_ASK_MADE;
  return unmet;
}

/** As `isWithinDays` (`days.ts`): dated at most `window` days before `today`, and not after it. */
function isFresh(isoDay: string, today: number, window: number): boolean {
  const age = today - dayNumber(isoDay);
  return age >= 0 && age <= window;
}
