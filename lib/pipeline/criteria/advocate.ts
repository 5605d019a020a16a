import type { CommunicationStepFact, StakeholderFact } from '../facts';
import { hasHappened, isWithinDays } from '../days';
import { defineCriterion, met, metVacuously, notMet } from './criterion';

/** How many mapped stakeholders `stakeholders_mapped` asks for. */
export const MIN_MAPPED_STAKEHOLDERS = 3;
/** How many engaged stakeholders `multi_threaded` asks for: one more than a single thread. */
export const MIN_ENGAGED_STAKEHOLDERS = 2;

/** Engaged means on our side: a sponsor or a supporter. A friendly contact with no position is not. */
export function isEngaged(stakeholder: StakeholderFact): boolean {
  return stakeholder.position === 'sponsor' || stakeholder.position === 'supporter';
}

/** Mapped means we know both their part in the decision and where they stand. */
function isMapped(stakeholder: StakeholderFact): boolean {
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
    rule: ({ stakeholders }) => {
      const mapped = idsWhere(stakeholders, isMapped);
      if (mapped.length >= MIN_MAPPED_STAKEHOLDERS) return met(mapped);
      return notMet(
        `${mapped.length} of the ${MIN_MAPPED_STAKEHOLDERS} stakeholders needed have both a role and a position.`,
        mapped,
      );
    },
  }),
  defineCriterion({
    id: 'sponsor_identified',
    stage: 'advocate',
    importance: 'required',
    label: 'Sponsor identified',
    question: 'Who on your side would speak up for this when we are not in the room?',
    rule: ({ stakeholders }) => {
      const sponsors = idsWhere(stakeholders, (s) => s.position === 'sponsor');
      return sponsors.length > 0 ? met(sponsors) : notMet('Nobody at the customer is known to sponsor this yet.');
    },
  }),
  defineCriterion({
    id: 'multi_threaded',
    stage: 'advocate',
    importance: 'required',
    label: `At least ${MIN_ENGAGED_STAKEHOLDERS} engaged stakeholders`,
    question: 'Who else on your team should hear how this is going, so it does not all rest on one person?',
    rule: ({ stakeholders }) => {
      const engaged = idsWhere(stakeholders, isEngaged);
      if (engaged.length >= MIN_ENGAGED_STAKEHOLDERS) return met(engaged);
      if (engaged.length === 1) return notMet('Only one person is engaged: if they moved on, the case would leave with them.', engaged);
      return notMet('No stakeholder is engaged yet as a sponsor or supporter.');
    },
  }),
  defineCriterion({
    id: 'insight_shared',
    stage: 'advocate',
    importance: 'required',
    label: 'Insight shared recently',
    question: 'Would a short summary of the progress we have measured together be useful for your leadership?',
    rule: ({ insights }, { today, settings }) => {
      const window = settings.freshness_days.insight_shared;
      const recent: string[] = [];
      const older: string[] = [];
      for (const insight of insights) {
        if (insight.shared_on === null || !hasHappened(insight.shared_on, today)) continue;
        if (isWithinDays(insight.shared_on, today, window)) recent.push(insight.id);
        else older.push(insight.id);
      }
      if (recent.length > 0) return met(recent);
      if (older.length > 0) return notMet(`No insight has been shared with the customer in the last ${window} days.`, older);
      return notMet('No insight has been shared with the customer yet.');
    },
  }),
  defineCriterion({
    id: 'alignment_meeting_held',
    stage: 'advocate',
    importance: 'recommended',
    label: 'Alignment meeting held',
    question: 'Would it help to sit down with your leadership to look at progress and priorities together?',
    rule: ({ meetings }, { today }) => {
      const held = meetings.filter((m) => m.kind === 'alignment_meeting' && hasHappened(m.held_on, today)).map((m) => m.id);
      return held.length > 0 ? met(held) : notMet('No alignment meeting has been held yet.');
    },
  }),
  defineCriterion({
    id: 'detractors_addressed',
    stage: 'advocate',
    importance: 'recommended',
    label: 'Each detractor has a planned step',
    question: 'Are there concerns on your side we should understand better, and who would be good to hear them from?',
    rule: ({ stakeholders, communication_steps }) =>
      everyHasPlannedStep(
        stakeholders.filter((s) => s.position === 'detractor'),
        communication_steps,
        'detractor',
      ) ?? metVacuously(),
  }),
  defineCriterion({
    id: 'communication_plan',
    stage: 'advocate',
    importance: 'recommended',
    label: 'Next step planned with each high-influence stakeholder',
    question: 'Who has the most say in where this goes, and what would be most useful for them to hear next?',
    rule: ({ stakeholders, communication_steps }) =>
      everyHasPlannedStep(
        stakeholders.filter((s) => s.influence === 'high'),
        communication_steps,
        'high-influence stakeholder',
      ) ?? notMet('No stakeholder is marked as high influence yet.'),
  }),
] as const;

function idsWhere(stakeholders: readonly StakeholderFact[], keep: (s: StakeholderFact) => boolean): string[] {
  const ids: string[] = [];
  for (const s of stakeholders) if (keep(s)) ids.push(s.id);
  return ids;
}

/**
 * Whether every one of `people` has a planned communication step, or `undefined`
 * when `people` is empty (the caller decides what that means). When met, the
 * evidence is the planned steps; when not, the people still without one.
 */
function everyHasPlannedStep(people: readonly StakeholderFact[], steps: readonly CommunicationStepFact[], who: string) {
  if (people.length === 0) return undefined;
  const planned: string[] = [];
  const uncovered: string[] = [];
  for (const person of people) {
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
  if (uncovered.length === 0) return met(planned);
  const count = uncovered.length === 1 ? `1 ${who} has` : `${uncovered.length} ${who}s have`;
  return notMet(`${count} no planned next step.`, uncovered);
}
