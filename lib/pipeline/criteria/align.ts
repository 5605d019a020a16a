import type { GoalFact } from '../facts';
import { hasHappened, isWithinDays } from '../days';
import { defineCriterion, met, notMet } from './criterion';

/** Align → Advocate: the opportunity is tied to the customer's own goals, progress and use cases. */
export const ALIGN_CRITERIA = [
  defineCriterion({
    id: 'goal_documented',
    stage: 'align',
    importance: 'required',
    label: 'Customer goal recorded',
    question: 'When your team chose us, what were you hoping to change? How would you put it today?',
    rule: ({ goals }) => (goals.length === 0 ? notMet('No customer goal is recorded yet.') : met(goals.map(idOf))),
  }),
  defineCriterion({
    id: 'goal_current',
    stage: 'align',
    importance: 'required',
    label: 'Goal confirmed as still current',
    question: 'Is that still the priority for your team, or has something moved up since we last spoke?',
    rule: ({ goals }, { today, settings }) => {
      if (goals.length === 0) return notMet('No customer goal is recorded yet, so none can be confirmed as current.');
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
      if (stale.length > 0) return notMet(`No goal has been reconfirmed with the customer in the last ${window} days.`, stale);
      return notMet('No goal has been confirmed with the customer as still current.');
    },
  }),
  defineCriterion({
    id: 'outcomes_recorded',
    stage: 'align',
    importance: 'required',
    label: 'Progress toward a goal recorded',
    question: 'Where have you seen the most progress toward that goal so far, and what is still ahead?',
    rule: ({ goals, outcomes }) => {
      if (outcomes.length === 0) return notMet('No progress toward a goal is recorded yet.');
      const linked: string[] = [];
      for (const outcome of outcomes) if (hasGoal(goals, outcome.goal_id)) linked.push(outcome.id);
      return linked.length > 0
        ? met(linked)
        : notMet('Progress is recorded, but not against any goal on record.', outcomes.map(idOf));
    },
  }),
  defineCriterion({
    id: 'use_cases_recorded',
    stage: 'align',
    importance: 'recommended',
    label: 'Active and not-yet-active use cases recorded',
    question: 'Which teams or workflows rely on this today, and where else could it help that you have not started yet?',
    rule: ({ use_cases }) => {
      const active = use_cases.filter((u) => u.status === 'active').map(idOf);
      const notYet = use_cases.filter((u) => u.status !== 'active').map(idOf);
      if (active.length > 0 && notYet.length > 0) return met([...active, ...notYet]);
      if (active.length > 0) return notMet('Only active use cases are recorded: none that could come next.', active);
      if (notYet.length > 0) return notMet('No use case is recorded as active yet.', notYet);
      return notMet('No use case is recorded yet.');
    },
  }),
  defineCriterion({
    id: 'business_case_complete',
    stage: 'align',
    importance: 'required',
    label: 'Business case answers all four questions',
    question: 'If you were describing this next step to your leadership, what would success look like in their terms?',
    rule: ({ business_case: bc }) => {
      if (bc === null) return notMet('No business case is started for this opportunity.');
      if (bc.goal_answered && bc.progress_answered && bc.path_answered && bc.success_answered) return met([bc.id]);
      const open: string[] = [];
      if (!bc.goal_answered) open.push('the goal and whether it still holds');
      if (!bc.progress_answered) open.push('progress so far and what remains');
      if (!bc.path_answered) open.push('how this moves the goal forward');
      if (!bc.success_answered) open.push('what success looks like to the customer');
      return notMet(`The business case does not yet answer: ${open.join('; ')}.`, [bc.id]);
    },
  }),
  defineCriterion({
    id: 'business_case_portable',
    stage: 'align',
    importance: 'recommended',
    label: 'Customer can tell the business case unaided',
    question: 'How would you explain the case for this to a colleague, and what would make that easier without us in the room?',
    rule: ({ business_case: bc }) => {
      if (bc === null) return notMet('No business case is started for this opportunity.');
      return bc.portable ? met([bc.id]) : notMet('The business case still depends on us to explain it.', [bc.id]);
    },
  }),
] as const;

function idOf(record: { id: string }): string {
  return record.id;
}

function hasGoal(goals: readonly GoalFact[], goalId: string): boolean {
  for (const goal of goals) if (goal.id === goalId) return true;
  return false;
}
