import type { DashboardInputJson } from '../dashboard/input';
import type { SidecarDb } from '../store/db';
import { readDashboardLists } from '../store/reads';
import { readAllOf } from '../store/record-access';

/**
 * The dashboard input from this browser's local store (solo mode): the same
 * facts the panel derives (`readDashboardLists`, as `store.dashboard` answers),
 * with milestones, stage history, and each account's stakeholders and insights.
 */
export async function localDashboardInput(db: SidecarDb, now: string): Promise<DashboardInputJson> {
  const lists = await readDashboardLists(db);
  const { account_milestones: milestones, opportunity_stage_changes: changes, stakeholders, insights } = await readAllOf(db, [
    'account_milestones',
    'opportunity_stage_changes',
    'stakeholders',
    'insights',
  ]);
  const people = group(stakeholders.map((s) => ({ account_id: s.account_id, fact: { id: s.id, roles: s.roles, position: s.position, influence: s.influence } })));
  const shared = group(insights.map((i) => ({ account_id: i.account_id, fact: { id: i.id, shared_on: i.shared_on } })));
  return {
    now,
    settings: {
      pipeline: lists.organization
        ? { freshness_days: { goal_current: lists.organization.goal_current_days, insight_shared: lists.organization.insight_shared_days } }
        : {},
    },
    accounts: lists.accounts.map((a) => ({
      id: a.id,
      name: a.name,
      owner_id: a.owner_id,
      arr: a.arr,
      renewal_on: a.renewal_on,
      stakeholders: people.get(a.id) ?? [],
      insights: shared.get(a.id) ?? [],
    })),
    opportunities: lists.opportunities.map((o) => ({ facts: o.facts, stage_entered_at: o.opportunity.stage_entered_at, title: o.opportunity.title })),
    milestones: milestones.map((m) => ({ account_id: m.account_id, kind: m.kind, reached_on: m.reached_on })),
    stage_changes: changes.map((c) => ({ opportunity_id: c.opportunity_id, stage: c.stage, status: c.status, changed_at: c.changed_at })),
  };
}

function group<T>(rows: readonly { account_id: string; fact: T }[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const { account_id, fact } of rows) {
    let list = groups.get(account_id);
    if (!list) groups.set(account_id, (list = []));
    list.push(fact);
  }
  return groups;
}
