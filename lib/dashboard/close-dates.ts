import { dayNumber } from '../pipeline/days';
import type { PreparedDashboard, PreparedOpportunity } from './prepare';

/**
 * The day a won or lost opportunity closed, as a day number; null when open or when
 * nothing dates it. A win is dated by its close record's `agreement_finalized_on`,
 * else by the last change of status to won; a loss by its last change of status to
 * lost, else by the close record's date.
 */
export function closedDay(o: PreparedOpportunity, prepared: PreparedDashboard): number | null {
  const status = o.record.status;
  if (status === 'open') return null;
  const finalized = o.finalizedDay;
  if (status === 'won' && finalized !== null) return finalized;
  const history = prepared.stageChanges.get(o.record.id);
  if (history) {
    for (let i = history.length - 1; i >= 0; i -= 1) {
      const change = history[i]!;
      if (change.status === status) return dayNumber(change.changed_at);
    }
  }
  return finalized;
}
