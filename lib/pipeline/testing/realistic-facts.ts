/**
 * A seeded generator of realistic opportunity facts for the benchmark: portfolios
 * where most opportunities sit early in the pipeline, a minority close, and records
 * come in the numbers a CSM logs (a few goals, a handful of stakeholders, some
 * intent signals). Same seed, same facts.
 */
import {
  ADVOCACY_ASK_KINDS,
  INTENT_SIGNAL_KINDS,
  OPPORTUNITY_SOURCES,
  OPPORTUNITY_TYPES,
  STAKEHOLDER_INFLUENCES,
  STAKEHOLDER_POSITIONS,
  STAKEHOLDER_ROLES,
  USE_CASE_STATUSES,
  type OpportunityFacts,
} from '../facts';
import { STAGE_IDS } from '../stages';
import { seededRandom as prng } from '../../../tests/support/seeded-random';


export function realisticFacts(count: number, today: string, seed = 42): OpportunityFacts[] {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const base = Date.parse(today);
  /** A day up to `maxAgo` days before today (a few percent in the future, as real data has). */
  const daysAgo = (maxAgo: number) => new Date(base - int(-3, maxAgo) * 86_400_000).toISOString().slice(0, 10);

  const all: OpportunityFacts[] = [];
  for (let i = 0; i < count; i += 1) {
    // How far this opportunity's evidence has got: skewed early, as in a real book of business.
    const depth = pick([0, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
    const won = depth === 4 && chance(0.7);
    const goals = Array.from({ length: depth === 0 ? int(0, 1) : int(1, 3) }, () => ({
      id: uuid(),
      confirmed_current_on: chance(0.8) ? daysAgo(depth >= 2 ? 80 : 200) : null,
    }));
    const stakeholders = Array.from({ length: depth >= 2 ? int(3, 8) : int(0, 3) }, (_, k) => ({
      id: uuid(),
      roles: Array.from({ length: int(0, 2) }, () => pick(STAKEHOLDER_ROLES)),
      position: k === 0 && depth >= 2 ? ('sponsor' as const) : pick(STAKEHOLDER_POSITIONS),
      influence: chance(0.8) ? pick(STAKEHOLDER_INFLUENCES) : null,
    }));
    all.push({
      opportunity: {
        id: uuid(),
        account_id: uuid(),
        type: pick(OPPORTUNITY_TYPES),
        source: depth === 0 && chance(0.5) ? null : pick(OPPORTUNITY_SOURCES),
        declared_stage: pick(STAGE_IDS),
        status: won ? 'won' : chance(0.05) ? 'lost' : 'open',
        amount: chance(0.9) ? int(5, 300) * 1000 : null,
        target_date: depth >= 2 ? daysAgo(-120) : null,
        target_date_confirmed_on: depth >= 3 ? daysAgo(30) : null,
      },
      goals,
      outcomes: goals.flatMap((g) => (depth >= 1 && chance(0.8) ? [{ id: uuid(), goal_id: g.id }] : [])),
      use_cases: Array.from({ length: int(0, 4) }, () => ({ id: uuid(), status: pick(USE_CASE_STATUSES) })),
      business_case:
        depth >= 1
          ? {
              id: uuid(),
              goal_answered: true,
              progress_answered: chance(0.9),
              path_answered: chance(0.85),
              success_answered: chance(0.85),
              portable: chance(0.4),
            }
          : null,
      stakeholders,
      intent_signals: Array.from({ length: depth >= 3 ? int(3, 9) : int(0, 2) }, () => ({
        id: uuid(),
        kind: pick(INTENT_SIGNAL_KINDS),
        occurred_on: daysAgo(120),
        has_next_steps_with_owners: chance(0.5),
      })),
      insights: Array.from({ length: int(0, 4) }, () => ({ id: uuid(), shared_on: chance(0.8) ? daysAgo(150) : null })),
      meetings: Array.from({ length: int(0, 3) }, () => ({
        id: uuid(),
        kind: chance(0.6) ? ('alignment_meeting' as const) : ('executive_conversation' as const),
        held_on: daysAgo(200),
      })),
      communication_steps: stakeholders.flatMap((s) =>
        chance(0.5) ? [{ id: uuid(), stakeholder_id: s.id, status: pick(['planned', 'planned', 'done', 'cancelled'] as const), planned_on: daysAgo(-30) }] : [],
      ),
      close_record:
        depth === 4
          ? {
              id: uuid(),
              agreement_finalized_on: won ? daysAgo(60) : null,
              close_reason_count: int(0, 3),
              win_summary_sent_on: chance(0.5) ? daysAgo(30) : null,
              advocacy_ask: chance(0.5) ? pick(ADVOCACY_ASK_KINDS) : null,
              next_cycle_goal_count: int(0, 2),
            }
          : null,
    });
  }
  return all;
}
