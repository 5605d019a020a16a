import type { OpportunityFacts } from '@/lib/pipeline/facts';
import type { PipelineRecords } from './rows';

/**
 * The facts of every opportunity in `records`, derived the way the database's
 * `opportunity_facts` view derives them (supabase/migrations/*_read_api.sql),
 * so the panel (from its local copy) and the dashboard (from the view) judge
 * the same evidence alike. A parity test (tests/db/facts-parity.test.ts) holds
 * the two to each other on the seed.
 *
 * Scope, as in lib/pipeline/facts.ts: the business case, intent signals and
 * close record are the opportunity's; every other list is its account's.
 */
export function deriveOpportunityFacts(records: PipelineRecords): OpportunityFacts[] {
  const byAccount = <T extends { account_id: string }>(rows: readonly T[]) => groupBy(rows, (row) => row.account_id);
  const goals = byAccount(records.goals);
  const outcomes = byAccount(records.outcomes);
  const useCases = byAccount(records.use_cases);
  const stakeholders = byAccount(records.stakeholders);
  const insights = byAccount(records.insights);
  const meetings = byAccount(records.meetings);
  const steps = byAccount(records.communication_steps);
  const signals = groupBy(records.intent_signals, (row) => row.opportunity_id);
  const businessCases = new Map(records.business_cases.map((row) => [row.opportunity_id, row]));
  const closeRecords = new Map(records.close_records.map((row) => [row.opportunity_id, row]));

  return records.opportunities.map((o) => {
    const account = o.account_id;
    const bc = businessCases.get(o.id);
    const close = closeRecords.get(o.id);
    return {
      opportunity: {
        id: o.id,
        account_id: o.account_id,
        type: o.type,
        source: o.source,
        declared_stage: o.declared_stage,
        status: o.status,
        amount: o.amount,
        target_date: o.target_date,
        target_date_confirmed_on: o.target_date_confirmed_on,
      },
      goals: (goals.get(account) ?? []).map((g) => ({ id: g.id, confirmed_current_on: g.confirmed_current_on })),
      outcomes: (outcomes.get(account) ?? []).map((x) => ({ id: x.id, goal_id: x.goal_id })),
      use_cases: (useCases.get(account) ?? []).map((u) => ({ id: u.id, status: u.status })),
      business_case: bc
        ? {
            id: bc.id,
            goal_answered: isAnswered(bc.goal_answer),
            progress_answered: isAnswered(bc.progress_answer),
            path_answered: isAnswered(bc.path_answer),
            success_answered: isAnswered(bc.success_answer),
            portable: bc.portable,
          }
        : null,
      stakeholders: (stakeholders.get(account) ?? []).map((s) => ({ id: s.id, roles: s.roles, position: s.position, influence: s.influence })),
      intent_signals: (signals.get(o.id) ?? []).map((s) => ({
        id: s.id,
        kind: s.kind,
        occurred_on: s.occurred_on,
        has_next_steps_with_owners: s.has_next_steps_with_owners,
      })),
      insights: (insights.get(account) ?? []).map((i) => ({ id: i.id, shared_on: i.shared_on })),
      meetings: (meetings.get(account) ?? []).map((m) => ({ id: m.id, kind: m.kind, held_on: m.held_on })),
      communication_steps: (steps.get(account) ?? []).map((s) => ({
        id: s.id,
        stakeholder_id: s.stakeholder_id,
        status: s.status,
        planned_on: s.planned_on,
      })),
      close_record: close
        ? {
            id: close.id,
            agreement_finalized_on: close.agreement_finalized_on,
            close_reason_count: close.close_reasons.length,
            win_summary_sent_on: close.win_summary_sent_on,
            advocacy_ask: close.advocacy_ask,
            next_cycle_goal_count: close.next_cycle_goals.length,
          }
        : null,
    };
  });
}

/**
 * An answer counts once it has a character other than ASCII whitespace. Spelt
 * out rather than `trim()` (which also strips Unicode spaces) so that the view's
 * regular expression, `~ '[^ \t\n\r\f\v]'`, agrees on every input.
 */
function isAnswered(answer: string | null): boolean {
  return answer !== null && /[^ \t\n\r\f\v]/.test(answer);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
