import {
  detractorsWithoutStep,
  influentialWithoutStep,
  mappedOfNeeded,
  MIN_ENGAGED_STAKEHOLDERS as MIN_ENGAGED_IMPORTED,
  MIN_MAPPED_STAKEHOLDERS as MIN_MAPPED_IMPORTED,
  NO_ALIGNMENT_MEETING,
  NO_HIGH_INFLUENCE,
  NO_INSIGHT,
  NO_SPONSOR,
  NOBODY_ENGAGED,
  notSharedIn,
  ONLY_ONE_ENGAGED,
} from '../criteria/advocate';
import { MET_VACUOUSLY, type RuleContext } from '../criteria/criterion';
import { dayNumber as dayNumberImported } from '../days';
import type { CommunicationStepFact, InsightFact, MeetingFact, OpportunityFacts, StakeholderFact } from '../facts';
import { marksFor, metBy, resultOf, sharedResult, sharedUnmet, type ResultSlots } from './results';
import { SLOT } from './slots';

const STAKEHOLDERS_MAPPED = SLOT.stakeholders_mapped;
const SPONSOR_IDENTIFIED = SLOT.sponsor_identified;
const MULTI_THREADED = SLOT.multi_threaded;
const INSIGHT_SHARED = SLOT.insight_shared;
const ALIGNMENT_MEETING_HELD = SLOT.alignment_meeting_held;
const DETRACTORS_ADDRESSED = SLOT.detractors_addressed;
const COMMUNICATION_PLAN = SLOT.communication_plan;

const NO_SPONSOR_RESULT = sharedResult(SPONSOR_IDENTIFIED, NO_SPONSOR);
const NOBODY_ENGAGED_RESULT = sharedResult(MULTI_THREADED, NOBODY_ENGAGED);
const NO_INSIGHT_RESULT = sharedResult(INSIGHT_SHARED, NO_INSIGHT);
const NO_MEETING_RESULT = sharedResult(ALIGNMENT_MEETING_HELD, NO_ALIGNMENT_MEETING);
const NO_DETRACTOR_RESULT = sharedResult(DETRACTORS_ADDRESSED, MET_VACUOUSLY);
const NO_HIGH_INFLUENCE_RESULT = sharedResult(COMMUNICATION_PLAN, NO_HIGH_INFLUENCE);

// Module-local copies of imports read per opportunity: an imported binding can cost
// a property read per use where modules are not bundled (tsx, vitest).
const dayNumber = dayNumberImported;
const MIN_MAPPED_STAKEHOLDERS = MIN_MAPPED_IMPORTED;
const MIN_ENGAGED_STAKEHOLDERS = MIN_ENGAGED_IMPORTED;

/** What a stakeholder counts toward, as bits of its scratch mark. */
const MAPPED = 1;
const SPONSOR = 2;
const ENGAGED = 4;
const DETRACTOR = 8;
const INFLUENTIAL = 16;
const DETRACTOR_UNCOVERED = 32;
const INFLUENTIAL_UNCOVERED = 64;

/**
 * The results of the Advocate criteria (`criteria/advocate.ts`) into `out`: the
 * people criteria from one pass over the stakeholders (counting each person's
 * planned steps once), then the insights and the meetings, each date read once.
 * Same verdicts, same evidence order, same texts. Returns the bits of the unmet ones.
 */
export function explainAdvocate(facts: OpportunityFacts, ctx: RuleContext, out: ResultSlots): number {
  return explainPeople(facts.stakeholders, facts.communication_steps, out) | explainInsights(facts, ctx, out) | explainMeetings(facts, ctx, out);
}

function explainPeople(stakeholders: readonly StakeholderFact[], steps: readonly CommunicationStepFact[], out: ResultSlots): number {
  const marked = marksFor(stakeholders.length);
  let mapped = 0;
  let sponsors = 0;
  let engaged = 0;
  let detractors = 0;
  let detractorSteps = 0;
  let detractorsUncovered = 0;
  let influential = 0;
  let influentialSteps = 0;
  let influentialUncovered = 0;
  for (let i = 0; i < stakeholders.length; i += 1) {
    const person = stakeholders[i]!;
    const position = person.position;
    let mark = 0;
    // As `isMapped` and `isEngaged` in `criteria/advocate.ts`.
    if (person.roles.length > 0 && position !== 'unknown') {
      mark |= MAPPED;
      mapped += 1;
    }
    if (position === 'sponsor') {
      mark |= SPONSOR | ENGAGED;
      sponsors += 1;
      engaged += 1;
    } else if (position === 'supporter') {
      mark |= ENGAGED;
      engaged += 1;
    }
    const detractor = position === 'detractor';
    const high = person.influence === 'high';
    if (detractor || high) {
      const planned = plannedStepCount(steps, person.id);
      if (detractor) {
        detractors += 1;
        detractorSteps += planned;
        mark |= planned > 0 ? DETRACTOR : DETRACTOR_UNCOVERED;
        if (planned === 0) detractorsUncovered += 1;
      }
      if (high) {
        influential += 1;
        influentialSteps += planned;
        mark |= planned > 0 ? INFLUENTIAL : INFLUENTIAL_UNCOVERED;
        if (planned === 0) influentialUncovered += 1;
      }
    }
    marked[i] = mark;
  }

  let unmet = 0;
  if (mapped >= MIN_MAPPED_STAKEHOLDERS) out[STAKEHOLDERS_MAPPED] = metBy(STAKEHOLDERS_MAPPED, stakeholderIds(stakeholders, marked, MAPPED, mapped));
  else {
    out[STAKEHOLDERS_MAPPED] =
      mapped === 0
        ? sharedUnmet(STAKEHOLDERS_MAPPED, mappedOfNeeded(0))
        : resultOf(STAKEHOLDERS_MAPPED, false, stakeholderIds(stakeholders, marked, MAPPED, mapped), mappedOfNeeded(mapped));
    unmet |= 1 << STAKEHOLDERS_MAPPED;
  }
  if (sponsors > 0) out[SPONSOR_IDENTIFIED] = metBy(SPONSOR_IDENTIFIED, stakeholderIds(stakeholders, marked, SPONSOR, sponsors));
  else {
    out[SPONSOR_IDENTIFIED] = NO_SPONSOR_RESULT;
    unmet |= 1 << SPONSOR_IDENTIFIED;
  }
  if (engaged >= MIN_ENGAGED_STAKEHOLDERS) out[MULTI_THREADED] = metBy(MULTI_THREADED, stakeholderIds(stakeholders, marked, ENGAGED, engaged));
  else {
    out[MULTI_THREADED] =
      engaged === 1 ? resultOf(MULTI_THREADED, false, stakeholderIds(stakeholders, marked, ENGAGED, 1), ONLY_ONE_ENGAGED) : NOBODY_ENGAGED_RESULT;
    unmet |= 1 << MULTI_THREADED;
  }
  if (detractors === 0) out[DETRACTORS_ADDRESSED] = NO_DETRACTOR_RESULT;
  else if (detractorsUncovered === 0) {
    out[DETRACTORS_ADDRESSED] = metBy(DETRACTORS_ADDRESSED, plannedStepIds(stakeholders, marked, DETRACTOR, steps, detractorSteps));
  } else {
    out[DETRACTORS_ADDRESSED] = resultOf(
      DETRACTORS_ADDRESSED,
      false,
      stakeholderIds(stakeholders, marked, DETRACTOR_UNCOVERED, detractorsUncovered),
      detractorsWithoutStep(detractorsUncovered),
    );
    unmet |= 1 << DETRACTORS_ADDRESSED;
  }
  if (influential === 0) {
    out[COMMUNICATION_PLAN] = NO_HIGH_INFLUENCE_RESULT;
    unmet |= 1 << COMMUNICATION_PLAN;
  } else if (influentialUncovered === 0) {
    out[COMMUNICATION_PLAN] = metBy(COMMUNICATION_PLAN, plannedStepIds(stakeholders, marked, INFLUENTIAL, steps, influentialSteps));
  } else {
    out[COMMUNICATION_PLAN] = resultOf(
      COMMUNICATION_PLAN,
      false,
      stakeholderIds(stakeholders, marked, INFLUENTIAL_UNCOVERED, influentialUncovered),
      influentialWithoutStep(influentialUncovered),
    );
    unmet |= 1 << COMMUNICATION_PLAN;
  }
  return unmet;
}

function plannedStepCount(steps: readonly CommunicationStepFact[], stakeholderId: string): number {
  let count = 0;
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i]!;
    if (step.stakeholder_id === stakeholderId && step.status === 'planned') count += 1;
  }
  return count;
}

/** Every planned step of each stakeholder marked with `bit`, person by person, in list order; `count` of them in all. */
function plannedStepIds(
  stakeholders: readonly StakeholderFact[],
  marked: Uint8Array,
  bit: number,
  steps: readonly CommunicationStepFact[],
  count: number,
): string[] {
  const ids = new Array<string>(count);
  let k = 0;
  for (let i = 0; i < stakeholders.length; i += 1) {
    if ((marked[i]! & bit) === 0) continue;
    const id = stakeholders[i]!.id;
    for (let j = 0; j < steps.length; j += 1) {
      const step = steps[j]!;
      if (step.stakeholder_id === id && step.status === 'planned') ids[k++] = step.id;
    }
  }
  return ids;
}

const RECENT = 1;
const OLDER = 2;

function explainInsights({ insights }: OpportunityFacts, { today, settings }: RuleContext, out: ResultSlots): number {
  const window = settings.freshness_days.insight_shared;
  const marked = marksFor(insights.length);
  let recent = 0;
  let older = 0;
  for (let i = 0; i < insights.length; i += 1) {
    const day = insights[i]!.shared_on;
    // Shared on a later day means not shared yet: it backs nothing.
    const age = day === null ? -1 : today - dayNumber(day);
    if (age < 0) marked[i] = 0;
    else if (age <= window) {
      marked[i] = RECENT;
      recent += 1;
    } else {
      marked[i] = OLDER;
      older += 1;
    }
  }
  if (recent > 0) {
    out[INSIGHT_SHARED] = metBy(INSIGHT_SHARED, insightIds(insights, marked, RECENT, recent));
    return 0;
  }
  out[INSIGHT_SHARED] = older > 0 ? resultOf(INSIGHT_SHARED, false, insightIds(insights, marked, OLDER, older), notSharedIn(window)) : NO_INSIGHT_RESULT;
  return 1 << INSIGHT_SHARED;
}

function explainMeetings({ meetings }: OpportunityFacts, { today }: RuleContext, out: ResultSlots): number {
  const marked = marksFor(meetings.length);
  let held = 0;
  for (let i = 0; i < meetings.length; i += 1) {
    const meeting = meetings[i]!;
    const isHeld = meeting.kind === 'alignment_meeting' && dayNumber(meeting.held_on) <= today;
    marked[i] = isHeld ? 1 : 0;
    if (isHeld) held += 1;
  }
  if (held > 0) {
    out[ALIGNMENT_MEETING_HELD] = metBy(ALIGNMENT_MEETING_HELD, meetingIds(meetings, marked, held));
    return 0;
  }
  out[ALIGNMENT_MEETING_HELD] = NO_MEETING_RESULT;
  return 1 << ALIGNMENT_MEETING_HELD;
}

/** The ids of the stakeholders whose mark has a bit of `mask`, in list order; `count` of them. */
function stakeholderIds(stakeholders: readonly StakeholderFact[], marked: Uint8Array, mask: number, count: number): string[] {
  const ids = new Array<string>(count);
  for (let i = 0, k = 0; i < stakeholders.length; i += 1) if ((marked[i]! & mask) !== 0) ids[k++] = stakeholders[i]!.id;
  return ids;
}

function insightIds(insights: readonly InsightFact[], marked: Uint8Array, mark: number, count: number): string[] {
  const ids = new Array<string>(count);
  for (let i = 0, k = 0; i < insights.length; i += 1) if (marked[i] === mark) ids[k++] = insights[i]!.id;
  return ids;
}

function meetingIds(meetings: readonly MeetingFact[], marked: Uint8Array, count: number): string[] {
  const ids = new Array<string>(count);
  for (let i = 0, k = 0; i < meetings.length; i += 1) if (marked[i] === 1) ids[k++] = meetings[i]!.id;
  return ids;
}
