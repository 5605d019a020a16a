import { createHash } from 'node:crypto';
import { dashboardFactsOf, type AccountFactsRow } from '../../lib/dashboard-data/account-facts';
import { STAGE_IDS } from '../../lib/pipeline/stages';

/**
 * The facts pages of the scale benchmark's organization (bench/supabase-scale-data.ts)
 * as `dashboard_account_facts` sends them, built in Node without a database: the
 * same records per account (2 goals, 2 outcomes, 2 use cases, 4 stakeholders,
 * 4 insights, 2 meetings, 2 steps; 2 opportunities, each with a business case
 * and 4 intent signals, the second closed with a close record), md5-derived ids,
 * and pages of about 900 accounts written as PostgREST's `json_agg` writes them.
 * So the page's decoding can be measured and profiled in one Node process.
 */
const uuidOf = (label: string): string => {
  const hex = createHash('md5').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const dayOf = (today: number, offset: number) => new Date((today + offset) * 86_400_000).toISOString().slice(0, 10);

export function syntheticAccountFactsRow(i: number, today: number): AccountFactsRow {
  const account = uuidOf(`account:${i}`);
  const range = (n: number) => Array.from({ length: n }, (_, k) => k + 1);
  return {
    account_id: account,
    goals: range(2).map((k) => ({ id: uuidOf(`goal:${i}:${k}`), confirmed_current_on: dayOf(today, -((i + k) % 200)) })),
    outcomes: range(2).map((k) => ({ id: uuidOf(`outcome:${i}:${k}`), goal_id: uuidOf(`goal:${i}:${k}`) })),
    use_cases: range(2).map((k) => ({ id: uuidOf(`use-case:${i}:${k}`), status: k === 1 ? ('active' as const) : ('discussed_not_active' as const) })),
    stakeholders: range(4).map((k) => ({
      id: uuidOf(`stakeholder:${i}:${k}`),
      roles: [(['executive_sponsor', 'budget_owner', 'approver', 'end_user'] as const)[k - 1]!],
      position: (['sponsor', 'supporter', 'needs_education', 'unknown'] as const)[k - 1]!,
      influence: (['high', 'high', 'medium', 'low'] as const)[k - 1]!,
    })),
    insights: range(4).map((k) => ({ id: uuidOf(`insight:${i}:${k}`), shared_on: dayOf(today, -((i * k) % 150)) })),
    meetings: range(2).map((k) => ({
      id: uuidOf(`meeting:${i}:${k}`),
      kind: k === 1 ? ('alignment_meeting' as const) : ('executive_conversation' as const),
      held_on: dayOf(today, -((i + k) % 90)),
    })),
    communication_steps: range(2).map((k) => ({
      id: uuidOf(`step:${i}:${k}`),
      stakeholder_id: uuidOf(`stakeholder:${i}:${k}`),
      status: 'planned' as const,
      planned_on: dayOf(today, k),
    })),
    opportunities: range(2).map((k) => {
      const opportunity = uuidOf(`opportunity:${i}:${k}`);
      return {
        opportunity: {
          id: opportunity,
          account_id: account,
          type: k === 1 ? ('renewal' as const) : ('expansion' as const),
          source: 'future_need' as const,
          declared_stage: STAGE_IDS[(i + k) % 5]!,
          status: k === 1 ? ('open' as const) : i % 2 === 0 ? ('won' as const) : ('lost' as const),
          amount: 5000 + (i % 100) * 100,
          target_date: dayOf(today, i % 200),
          target_date_confirmed_on: null,
        },
        business_case: {
          id: uuidOf(`business-case:${i}:${k}`),
          goal_answered: true,
          progress_answered: true,
          path_answered: i % 3 !== 0,
          success_answered: true,
          portable: i % 2 === 0,
        },
        intent_signals: range(4).map((s) => ({
          id: uuidOf(`signal:${i}:${k}:${s}`),
          kind: (['decision_timing_known', 'budget_owner_identified', 'approval_path_mapped', 'verbal_commitment'] as const)[s - 1]!,
          occurred_on: dayOf(today, -s),
          has_next_steps_with_owners: s === 4,
        })),
        close_record:
          k === 2
            ? { id: uuidOf(`close:${i}`), agreement_finalized_on: dayOf(today, -10), close_reason_count: 1, win_summary_sent_on: null, advocacy_ask: null, next_cycle_goal_count: 1 }
            : null,
        stage_entered_at: `${dayOf(today, -(i % 120))}T09:${String(i % 60).padStart(2, '0')}:12.345678+00:00`,
      };
    }),
  };
}

/** The organization's facts as page texts of `perPage` accounts each (`json_agg(t)::text`: rows joined by ", \n "). */
export function syntheticFactsPages(accounts: number, today: string, perPage = 900): string[] {
  const day = Date.parse(`${today}T00:00:00Z`) / 86_400_000;
  const pages: string[] = [];
  for (let first = 0; first < accounts; first += perPage) {
    const rows: string[] = [];
    for (let i = first; i < Math.min(accounts, first + perPage); i += 1) {
      rows.push(`{"facts":${JSON.stringify(dashboardFactsOf(syntheticAccountFactsRow(i + 1, day)))}}`);
    }
    pages.push(`[${rows.join(', \n ')}]`);
  }
  return pages;
}
