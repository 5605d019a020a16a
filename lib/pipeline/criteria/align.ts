import { hasHappened, isWithinDays } from '../days';
import type { GoalFact } from '../facts';
import { defineCriterion, lacks, met, notMet, textByNumber } from './criterion';

// The texts are exported for the one-pass evaluation (`one-pass/align.ts`), which
// must say exactly what these rules say.
export const NO_GOAL = lacks('No customer goal is recorded yet.');
export const NO_GOAL_TO_CONFIRM = lacks('No customer goal is recorded yet, so none can be confirmed as current.');
export const NEVER_CONFIRMED = lacks('No goal has been confirmed with the customer as still current.');
export const notReconfirmedIn = textByNumber((days) => `No goal has been reconfirmed with the customer in the last ${days} days.`);
export const NO_OUTCOME = lacks('No progress toward a goal is recorded yet.');
export const NO_USE_CASE = lacks('No use case is recorded yet.');
export const NO_BUSINESS_CASE = lacks('No business case is started for this opportunity.');
export const OUTCOMES_OFF_GOAL = 'Progress is recorded, but not against any goal on record.';
export const ONLY_ACTIVE_USE_CASES = 'Only active use cases are recorded: none that could come next.';
export const NO_ACTIVE_USE_CASE = 'No use case is recorded as active yet.';
export const CASE_NOT_PORTABLE = 'The business case still depends on us to explain it.';

/** Align → Advocate: the opportunity is tied to the customer's own goals, progress and use cases. */
export const ALIGN_CRITERIA = [
  defineCriterion({
    id: 'goal_documented',
    stage: 'align',
    importance: 'required',
    label: 'Customer goal recorded',
    question: 'When your team chose us, what were you hoping to change? How would you put it today?',
    isMet: ({ goals }) => goals.length > 0,
    explain: ({ goals }) => (goals.length === 0 ? NO_GOAL : met(goals.map((g) => g.id))),
  }),
  defineCriterion({
    id: 'goal_current',
    stage: 'align',
    importance: 'required',
    label: 'Goal confirmed as still current',
    question: 'Is that still the priority for your team, or has something moved up since we last spoke?',
    isMet: ({ goals }, { today, settings }) =>
      goals.some((g) => g.confirmed_current_on !== null && isWithinDays(g.confirmed_current_on, today, settings.freshness_days.goal_current)),
    explain: ({ goals }, { today, settings }) => {
      if (goals.length === 0) return NO_GOAL_TO_CONFIRM;
      const window = settings.freshness_days.goal_current;
      const fresh: string[] = [];
      const stale: string[] = [];
      for (const goal of goals) {
        // A confirmation dated after today has not happened yet: it backs nothing.
        if (goal.confirmed_current_on === null || !hasHappened(goal.confirmed_current_on, today)) continue;
        if (isWithinDays(goal.confirmed_current_on, today, window)) fresh.push(goal.id);
        else stale.push(goal.id);
      }
      if (fresh.length > 0) return met(fresh);
      if (stale.length > 0) return notMet(notReconfirmedIn(window), stale);
      return NEVER_CONFIRMED;
    },
  }),
  defineCriterion({
    id: 'outcomes_recorded',
    stage: 'align',
    importance: 'required',
    label: 'Progress toward a goal recorded',
    question: 'Where have you seen the most progress toward that goal so far, and what is still ahead?',
    isMet: ({ goals, outcomes }) => outcomes.some((o) => hasGoal(goals, o.goal_id)),
    explain: ({ goals, outcomes }) => {
      if (outcomes.length === 0) return NO_OUTCOME;
      const linked: string[] = [];
      for (const outcome of outcomes) if (hasGoal(goals, outcome.goal_id)) linked.push(outcome.id);
      return linked.length > 0
        ? met(linked)
        : notMet(OUTCOMES_OFF_GOAL, outcomes.map((o) => o.id));
    },
  }),
  defineCriterion({
    id: 'use_cases_recorded',
    stage: 'align',
    importance: 'recommended',
    label: 'Active and not-yet-active use cases recorded',
    question: 'Which teams or workflows rely on this today, and where else could it help that you have not started yet?',
    isMet: ({ use_cases }) => use_cases.some((u) => u.status === 'active') && use_cases.some((u) => u.status !== 'active'),
    explain: ({ use_cases }) => {
      if (use_cases.length === 0) return NO_USE_CASE;
      let active = 0;
      for (const u of use_cases) if (u.status === 'active') active += 1;
      const all = use_cases.map((u) => u.id);
      if (active > 0 && active < all.length) return met(all);
      return active > 0
        ? notMet(ONLY_ACTIVE_USE_CASES, all)
        : notMet(NO_ACTIVE_USE_CASE, all);
    },
  }),
  defineCriterion({
    id: 'business_case_complete',
    stage: 'align',
    importance: 'required',
    label: 'Business case answers all four questions',
    question: 'If you were describing this next step to your leadership, what would success look like in their terms?',
    isMet: ({ business_case: bc }) => bc !== null && bc.goal_answered && bc.progress_answered && bc.path_answered && bc.success_answered,
    explain: ({ business_case: bc }) => {
      if (bc === null) return NO_BUSINESS_CASE;
      const open = openAnswers(bc);
      return open === 0 ? met([bc.id]) : notMet(unansweredText(open), [bc.id]);
    },
  }),
  defineCriterion({
    id: 'business_case_portable',
    stage: 'align',
    importance: 'recommended',
    label: 'Customer can tell the business case unaided',
    question: 'How would you explain the case for this to a colleague, and what would make that easier without us in the room?',
    isMet: ({ business_case: bc }) => bc !== null && bc.portable,
    explain: ({ business_case: bc }) => {
      if (bc === null) return NO_BUSINESS_CASE;
      return bc.portable ? met([bc.id]) : notMet(CASE_NOT_PORTABLE, [bc.id]);
    },
  }),
] as const;

function hasGoal(goals: readonly GoalFact[], goalId: string): boolean {
  for (const goal of goals) if (goal.id === goalId) return true;
  return false;
}

/** The four answers of a business case, in the order they are told, with a bit each. */
const ANSWERS = [
  ['goal_answered', 'the goal and whether it still holds'],
  ['progress_answered', 'progress so far and what remains'],
  ['path_answered', 'how this moves the goal forward'],
  ['success_answered', 'what success looks like to the customer'],
] as const;

/** A bit set of the unanswered questions (bit i = ANSWERS[i] missing). */
export function openAnswers(bc: Readonly<Record<(typeof ANSWERS)[number][0], boolean>>): number {
  let open = 0;
  for (let i = 0; i < ANSWERS.length; i += 1) if (!bc[ANSWERS[i]![0]]) open |= 1 << i;
  return open;
}

export const unansweredText = textByNumber(
  (open) => `The business case does not yet answer: ${ANSWERS.filter((_, i) => open & (1 << i)).map(([, text]) => text).join('; ')}.`,
);
