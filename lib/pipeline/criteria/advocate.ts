import type { CommunicationStepFact, StakeholderFact } from '../facts';
import { hasHappened, isWithinDays } from '../days';
import { defineCriterion, lacks, met, MET_VACUOUSLY, notMet, textByNumber, type Verdict } from './criterion';

/** How many mapped stakeholders `stakeholders_mapped` asks for. */
export const MIN_MAPPED_STAKEHOLDERS = 3;
/** How many engaged stakeholders `multi_threaded` asks for: one more than a single thread. */
export const MIN_ENGAGED_STAKEHOLDERS = 2;

// The texts below are exported for the one-pass evaluation (`one-pass/advocate.ts`),
// which must say exactly what these rules say.
export const mappedOfNeeded = textByNumber((n) => `${n} of the ${MIN_MAPPED_STAKEHOLDERS} stakeholders needed have both a role and a position.`);
export const NO_SPONSOR = lacks('Nobody at the customer is known to sponsor this yet.');
export const NOBODY_ENGAGED = lacks('No stakeholder is engaged yet as a sponsor or supporter.');
export const notSharedIn = textByNumber((days) => `No insight has been shared with the customer in the last ${days} days.`);
export const NO_INSIGHT = lacks('No insight has been shared with the customer yet.');
export const NO_ALIGNMENT_MEETING = lacks('No alignment meeting has been held yet.');
export const NO_HIGH_INFLUENCE = lacks('No stakeholder is marked as high influence yet.');
export const ONLY_ONE_ENGAGED = 'Only one person is engaged: if they moved on, the case would leave with them.';
export const detractorsWithoutStep = textByNumber((n) => (n === 1 ? '1 detractor has' : `${n} detractors have`) + ' no planned next step.');
export const influentialWithoutStep = textByNumber(
  (n) => (n === 1 ? '1 high-influence stakeholder has' : `${n} high-influence stakeholders have`) + ' no planned next step.',
);

/** Engaged means on our side: a sponsor or a supporter. A friendly contact with no position is not. */
export function isEngaged(stakeholder: StakeholderFact): boolean {
  return stakeholder.position === 'sponsor' || stakeholder.position === 'supporter';
}

/** Mapped means we know both their part in the decision and where they stand. */
export function isMapped(stakeholder: StakeholderFact): boolean {
  return stakeholder.roles.length > 0 && stakeholder.position !== 'unknown';
}

/** Advocate → Intent: someone at the customer can carry the case without the CSM. */
export const ADVOCATE_CRITERIA = [
  defineCriterion({
    id: 'stakeholders_mapped',
    stage: 'advocate',
    importance: 'required',
    label: `At least ${MIN_MAPPED_STAKEHOLDERS} stakeholders mapped`,
    question: 'Besides you, who cares how this turns out, and what part do they usually play in decisions like this?',
    isMet: ({ stakeholders }) => countWhere(stakeholders, isMapped) >= MIN_MAPPED_STAKEHOLDERS,
    explain: ({ stakeholders }) => {
      const mapped = idsWhere(stakeholders, isMapped);
      return mapped.length >= MIN_MAPPED_STAKEHOLDERS ? met(mapped) : notMet(mappedOfNeeded(mapped.length), mapped);
    },
  }),
  defineCriterion({
    id: 'sponsor_identified',
    stage: 'advocate',
    importance: 'required',
    label: 'Sponsor identified',
    question: 'Who on your side would speak up for this when we are not in the room?',
    isMet: ({ stakeholders }) => stakeholders.some(isSponsor),
    explain: ({ stakeholders }) => {
      const sponsors = idsWhere(stakeholders, isSponsor);
      return sponsors.length > 0 ? met(sponsors) : NO_SPONSOR;
    },
  }),
  defineCriterion({
    id: 'multi_threaded',
    stage: 'advocate',
    importance: 'required',
    label: `At least ${MIN_ENGAGED_STAKEHOLDERS} engaged stakeholders`,
    question: 'Who else on your team should hear how this is going, so it does not all rest on one person?',
    isMet: ({ stakeholders }) => countWhere(stakeholders, isEngaged) >= MIN_ENGAGED_STAKEHOLDERS,
    explain: ({ stakeholders }) => {
      const engaged = idsWhere(stakeholders, isEngaged);
      if (engaged.length >= MIN_ENGAGED_STAKEHOLDERS) return met(engaged);
      if (engaged.length === 1) return notMet(ONLY_ONE_ENGAGED, engaged);
      return NOBODY_ENGAGED;
    },
  }),
  defineCriterion({
    id: 'insight_shared',
    stage: 'advocate',
    importance: 'required',
    label: 'Insight shared recently',
    question: 'Would a short summary of the progress we have measured together be useful for your leadership?',
    isMet: ({ insights }, { today, settings }) =>
      insights.some((i) => i.shared_on !== null && isWithinDays(i.shared_on, today, settings.freshness_days.insight_shared)),
    explain: ({ insights }, { today, settings }) => {
      const window = settings.freshness_days.insight_shared;
      const recent: string[] = [];
      const older: string[] = [];
      for (const insight of insights) {
        if (insight.shared_on === null || !hasHappened(insight.shared_on, today)) continue;
        if (isWithinDays(insight.shared_on, today, window)) recent.push(insight.id);
        else older.push(insight.id);
      }
      if (recent.length > 0) return met(recent);
      if (older.length > 0) return notMet(notSharedIn(window), older);
      return NO_INSIGHT;
    },
  }),
  defineCriterion({
    id: 'alignment_meeting_held',
    stage: 'advocate',
    importance: 'recommended',
    label: 'Alignment meeting held',
    question: 'Would it help to sit down with your leadership to look at progress and priorities together?',
    isMet: ({ meetings }, { today }) => meetings.some((m) => m.kind === 'alignment_meeting' && hasHappened(m.held_on, today)),
    explain: ({ meetings }, { today }) => {
      const held: string[] = [];
      for (const m of meetings) if (m.kind === 'alignment_meeting' && hasHappened(m.held_on, today)) held.push(m.id);
      return held.length > 0 ? met(held) : NO_ALIGNMENT_MEETING;
    },
  }),
  defineCriterion({
    id: 'detractors_addressed',
    stage: 'advocate',
    importance: 'recommended',
    label: 'Each detractor has a planned step',
    question: 'Are there concerns on your side we should understand better, and who would be good to hear them from?',
    isMet: ({ stakeholders, communication_steps }) =>
      stakeholders.every((s) => !isDetractor(s) || hasPlannedStep(communication_steps, s.id)),
    explain: ({ stakeholders, communication_steps }) =>
      everyHasPlannedStep(stakeholders, isDetractor, communication_steps, detractorsWithoutStep) ?? MET_VACUOUSLY,
  }),
  defineCriterion({
    id: 'communication_plan',
    stage: 'advocate',
    importance: 'recommended',
    label: 'Next step planned with each high-influence stakeholder',
    question: 'Who has the most say in where this goes, and what would be most useful for them to hear next?',
    isMet: ({ stakeholders, communication_steps }) =>
      stakeholders.some(isHighInfluence) &&
      stakeholders.every((s) => !isHighInfluence(s) || hasPlannedStep(communication_steps, s.id)),
    explain: ({ stakeholders, communication_steps }) =>
      everyHasPlannedStep(stakeholders, isHighInfluence, communication_steps, influentialWithoutStep) ?? NO_HIGH_INFLUENCE,
  }),
] as const;

function countWhere(stakeholders: readonly StakeholderFact[], keep: (s: StakeholderFact) => boolean): number {
  let count = 0;
  for (const s of stakeholders) if (keep(s)) count += 1;
  return count;
}

function hasPlannedStep(steps: readonly CommunicationStepFact[], stakeholderId: string): boolean {
  for (const step of steps) if (step.stakeholder_id === stakeholderId && step.status === 'planned') return true;
  return false;
}

function idsWhere(stakeholders: readonly StakeholderFact[], keep: (s: StakeholderFact) => boolean): string[] {
  const ids: string[] = [];
  for (const s of stakeholders) if (keep(s)) ids.push(s.id);
  return ids;
}

const isSponsor = (s: StakeholderFact) => s.position === 'sponsor';
const isDetractor = (s: StakeholderFact) => s.position === 'detractor';
const isHighInfluence = (s: StakeholderFact) => s.influence === 'high';

/**
 * Whether every stakeholder that `concerned` picks has a planned communication
 * step, or `undefined` when it picks nobody (the caller decides what that means).
 * When met, the evidence is their planned steps; when not, the people still
 * without one.
 */
function everyHasPlannedStep(
  stakeholders: readonly StakeholderFact[],
  concerned: (s: StakeholderFact) => boolean,
  steps: readonly CommunicationStepFact[],
  withoutStep: (count: number) => string,
): Verdict | undefined {
  let anyone = false;
  const planned: string[] = [];
  const uncovered: string[] = [];
  for (const person of stakeholders) {
    if (!concerned(person)) continue;
    anyone = true;
    // Every planned step of the person backs it, not just the first: the answer must
    // not depend on the order the producer sent the steps in.
    let covered = false;
    for (const step of steps) {
      if (step.stakeholder_id !== person.id || step.status !== 'planned') continue;
      planned.push(step.id);
      covered = true;
    }
    if (!covered) uncovered.push(person.id);
  }
  if (!anyone) return undefined;
  return uncovered.length === 0 ? met(planned) : notMet(withoutStep(uncovered.length), uncovered);
}
