import {
  detractorsWithoutStep,
  influentialWithoutStep,
  isEngaged,
  isMapped,
  mappedOfNeeded,
  MIN_ENGAGED_STAKEHOLDERS,
  MIN_MAPPED_STAKEHOLDERS,
  NO_HIGH_INFLUENCE,
  NO_SPONSOR,
  NOBODY_ENGAGED,
  ONLY_ONE_ENGAGED,
} from '../criteria/advocate';
import { met, MET_VACUOUSLY, NOTHING, notMet } from '../criteria/criterion';
import type { CommunicationStepFact, OpportunityFacts } from '../facts';
import { SLOT, slotMask, type VerdictSlots } from './slots';

/** The criteria `explainStakeholders` fills: the Advocate criteria about people. */
export const STAKEHOLDER_SLOTS = slotMask([
  'stakeholders_mapped',
  'sponsor_identified',
  'multi_threaded',
  'detractors_addressed',
  'communication_plan',
]);

/**
 * The verdicts of the Advocate criteria about stakeholders (`criteria/advocate.ts`)
 * from one pass over the stakeholders, instead of one per criterion: same verdicts,
 * same evidence order, same texts. An empty evidence list is the shared one.
 */
export function explainStakeholders(facts: OpportunityFacts, out: VerdictSlots): void {
  const steps = facts.communication_steps;
  let mapped: string[] | undefined;
  let sponsors: string[] | undefined;
  let engaged: string[] | undefined;
  let anyDetractor = false;
  let detractorSteps: string[] | undefined;
  let detractorsUncovered: string[] | undefined;
  let anyInfluential = false;
  let influentialSteps: string[] | undefined;
  let influentialUncovered: string[] | undefined;
  for (const person of facts.stakeholders) {
    if (isMapped(person)) (mapped ??= []).push(person.id);
    if (person.position === 'sponsor') (sponsors ??= []).push(person.id);
    if (isEngaged(person)) (engaged ??= []).push(person.id);
    const detractor = person.position === 'detractor';
    const influential = person.influence === 'high';
    if (!detractor && !influential) continue;
    const first = firstPlannedStep(steps, person.id, 0);
    if (detractor) {
      anyDetractor = true;
      if (first < 0) (detractorsUncovered ??= []).push(person.id);
      else detractorSteps = plannedStepsInto(detractorSteps ?? [], steps, person.id, first);
    }
    if (influential) {
      anyInfluential = true;
      if (first < 0) (influentialUncovered ??= []).push(person.id);
      else influentialSteps = plannedStepsInto(influentialSteps ?? [], steps, person.id, first);
    }
  }

  const mappedCount = mapped?.length ?? 0;
  out[SLOT.stakeholders_mapped] =
    mappedCount >= MIN_MAPPED_STAKEHOLDERS ? met(mapped!) : notMet(mappedOfNeeded(mappedCount), mapped ?? NOTHING);
  out[SLOT.sponsor_identified] = sponsors ? met(sponsors) : NO_SPONSOR;
  const engagedCount = engaged?.length ?? 0;
  out[SLOT.multi_threaded] =
    engagedCount >= MIN_ENGAGED_STAKEHOLDERS ? met(engaged!) : engagedCount === 1 ? notMet(ONLY_ONE_ENGAGED, engaged) : NOBODY_ENGAGED;
  out[SLOT.detractors_addressed] = !anyDetractor
    ? MET_VACUOUSLY
    : detractorsUncovered
      ? notMet(detractorsWithoutStep(detractorsUncovered.length), detractorsUncovered)
      : met(detractorSteps!);
  out[SLOT.communication_plan] = !anyInfluential
    ? NO_HIGH_INFLUENCE
    : influentialUncovered
      ? notMet(influentialWithoutStep(influentialUncovered.length), influentialUncovered)
      : met(influentialSteps!);
}

function firstPlannedStep(steps: readonly CommunicationStepFact[], stakeholderId: string, from: number): number {
  for (let i = from; i < steps.length; i += 1) {
    const step = steps[i]!;
    if (step.stakeholder_id === stakeholderId && step.status === 'planned') return i;
  }
  return -1;
}

/** Appends every planned step of the stakeholder, from `first` (known planned) on. */
function plannedStepsInto(into: string[], steps: readonly CommunicationStepFact[], stakeholderId: string, first: number): string[] {
  for (let i = first; i >= 0; i = firstPlannedStep(steps, stakeholderId, i + 1)) into.push(steps[i]!.id);
  return into;
}
