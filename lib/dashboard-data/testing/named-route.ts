import fc from 'fast-check';
import { insightsSharedOf, stakeholderCountsOf, type OpportunityEntry } from '../../dashboard/source';
import { dayNumber } from '../../pipeline/days';
import { createFactsPreparer, prepareFacts, type AssessableFacts, type PreparedFacts } from '../../pipeline/prepared-facts';
import { uuidFor } from '../../pipeline/testing/facts-factory';
import { byId, compareIds, opportunityFactsOf, type AccountFactsRow, type DashboardFactsRow } from '../account-facts';
import type { AccountFactsEntry } from '../dashboard-facts';

/**
 * What the dashboard must read from an `account_facts` row sent as
 * `dashboard_account_facts`: the named row with its lists in id order (as the
 * view sends them), joined into each opportunity's `OpportunityFacts`,
 * prepared with `prepareFacts` (the definition of prepared facts), and every
 * evidence id left out. The reference dashboard-facts.ts is held to.
 */
export function namedRouteEntry(named: AccountFactsRow): AccountFactsEntry {
  return preparedEntry(inIdOrder(named));
}

/** `namedRouteEntry` of a row already in the order it is sent in. */
export function preparedEntry(row: AccountFactsRow): AccountFactsEntry {
  const prepare = createFactsPreparer();
  const opportunities = opportunityFactsOf(row).map(({ facts, stage_entered_at }): OpportunityEntry => {
    const finalized = facts.close_record?.agreement_finalized_on ?? null;
    return {
      record: facts.opportunity,
      facts: withoutIds(prepare(facts)),
      stageEnteredDay: dayNumber(stage_entered_at),
      finalizedDay: finalized === null ? null : dayNumber(finalized),
      title: null,
    };
  });
  // An account with no opportunity still has its lists: prepared beside a stand-in opportunity.
  const lists = opportunities[0]?.facts.account ?? withoutIds(prepareFacts({ ...row, opportunity: STAND_IN, business_case: null, intent_signals: [], close_record: null })).account;
  // The people by the named records and isEngaged, as the views read them before.
  return { accountId: row.account_id, lists, stakeholders: stakeholderCountsOf(row.stakeholders), insightsShared: insightsSharedOf(row.insights), opportunities };
}

/**
 * A named `dashboard_account_facts` row given ids again: each list's records
 * ids that run in list order (so the list is in id order), links turned into
 * the ids of the records they point at (or an id no record has, for -1).
 * The opportunities keep theirs. So any row the decoding accepts can be held
 * to `preparedEntry`.
 */
export function withIdsAgain(row: DashboardFactsRow): AccountFactsRow {
  const ids = (list: number, count: number) => Array.from({ length: count }, (_, i) => uuidFor(list * 0x10000 + i));
  const goals = ids(1, row.goals.length);
  const people = ids(4, row.stakeholders.length);
  const named = <T extends object>(list: number, records: readonly T[]) => records.map((record, i) => ({ id: uuidFor(list * 0x10000 + i), ...record }));
  return {
    account_id: row.account_id,
    goals: named(1, row.goals),
    outcomes: row.outcomes.map((o, i) => ({ id: uuidFor(2 * 0x10000 + i), goal_id: goals[o.goal] ?? NOBODY })),
    use_cases: named(3, row.use_cases),
    stakeholders: named(4, row.stakeholders),
    insights: named(5, row.insights),
    meetings: named(6, row.meetings),
    communication_steps: row.communication_steps.map(({ stakeholder, ...step }, i) => ({ id: uuidFor(7 * 0x10000 + i), stakeholder_id: people[stakeholder] ?? NOBODY, ...step })),
    opportunities: row.opportunities.map((own, o) => ({
      opportunity: { ...own.opportunity, account_id: row.account_id },
      business_case: own.business_case === null ? null : { id: uuidFor(8 * 0x10000 + o), ...own.business_case },
      intent_signals: named(9 + o, own.intent_signals),
      close_record: own.close_record === null ? null : { id: uuidFor(0x80 * 0x10000 + o), ...own.close_record },
      stage_entered_at: own.stage_entered_at,
    })),
  };
}

/** An id no record of `withIdsAgain` has: where a link was -1. */
const NOBODY = uuidFor(0xffff_ffff);

/** The row as `dashboard_account_facts` orders it: every list by id, the opportunities by theirs. */
export function inIdOrder(row: AccountFactsRow): AccountFactsRow {
  return {
    ...row,
    goals: byId(row.goals),
    outcomes: byId(row.outcomes),
    use_cases: byId(row.use_cases),
    stakeholders: byId(row.stakeholders),
    insights: byId(row.insights),
    meetings: byId(row.meetings),
    communication_steps: byId(row.communication_steps),
    opportunities: [...row.opportunities].sort((a, b) => compareIds(a.opportunity.id, b.opportunity.id)).map((o) => ({ ...o, intent_signals: byId(o.intent_signals) })),
  };
}

/** Prepared facts without their evidence ids: what is left is what the stage decisions read. */
export function withoutIds(facts: PreparedFacts): AssessableFacts {
  const { ids: _lists, ...account } = facts.account;
  const { ids: _signals, ...intentSignals } = facts.intentSignals;
  const businessCase = facts.businessCase === null ? null : { unanswered: facts.businessCase.unanswered, portable: facts.businessCase.portable };
  const { id: _close, ...closeRecord } = facts.closeRecord ?? { id: '' };
  return { opportunity: facts.opportunity, account, intentSignals, businessCase, closeRecord: facts.closeRecord === null ? null : (closeRecord as AssessableFacts['closeRecord']) };
}

const STAND_IN = {
  id: uuidFor(0x57a),
  account_id: uuidFor(0x57a),
  type: 'renewal',
  source: null,
  declared_stage: 'identify',
  status: 'open',
  amount: null,
  target_date: null,
  target_date_confirmed_on: null,
} as const;

/** Every place in a JSON-like value: the parent and the key of each node. */
export function places(value: unknown, out: { parent: unknown[] | Record<string, unknown>; key: string | number }[] = []) {
  if (Array.isArray(value)) value.forEach((item, i) => (out.push({ parent: value, key: i }), places(item, out)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push({ parent: value as Record<string, unknown>, key: k }), places(v, out);
  return out;
}

/** Values of every kind the compact form holds, most of them wrong where they land. */
export const oddValue = fc.oneof(
  fc.constantFrom<unknown>(
    null, '', 'x', 0, 1, 2, 5, 14, 15, 99, -1, 1.5, Number.NaN, 2 ** 60, -1e7, 3e6, true, false, [], [[]], {},
    '2026-11-22', '2026-02-30', '2026-11-22T10:00:00', '2026-11-22T10:00:00+00:00',
    '00000000-0000-0000-0000-00000000000g', 'ABCDEF01-2345-6789-abcd-ef0123456789', uuidFor(7), uuidFor(0xacc), 'open', 'renewal',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** `wire` with the node at `at` (any place, counted through `places`) replaced by `value`, or deleted from its list. */
export function mutated(wire: unknown, at: number, kind: 'replace' | 'delete', value: unknown): void {
  const all = places(wire);
  if (all.length === 0) return;
  const { parent, key } = all[at % all.length]!;
  if (kind === 'delete' && Array.isArray(parent)) parent.splice(key as number, 1);
  else (parent as Record<string | number, unknown>)[key] = value;
}
