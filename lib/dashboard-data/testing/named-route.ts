import fc from 'fast-check';
import { insightsSharedOf, stakeholderCountsOf, type OpportunityEntry } from '../../dashboard/source';
import { dayNumber } from '../../pipeline/days';
import { createFactsPreparer, prepareFacts } from '../../pipeline/prepared-facts';
import { uuidFor } from '../../pipeline/testing/facts-factory';
import { opportunityFactsOf, type AccountFactsRow } from '../account-facts';
import type { AccountFactsEntry } from '../compact-facts';

/**
 * What the dashboard read from an `account_facts` row before it decoded the
 * compact form straight into prepared facts: the named row, joined into each
 * opportunity's `OpportunityFacts` and prepared with `prepareFacts`. The
 * reference compact-facts.ts is held to.
 */
export function namedRouteEntry(row: AccountFactsRow): AccountFactsEntry {
  const prepare = createFactsPreparer();
  const opportunities = opportunityFactsOf(row).map(({ facts, stage_entered_at }): OpportunityEntry => {
    const finalized = facts.close_record?.agreement_finalized_on ?? null;
    return {
      record: facts.opportunity,
      facts: prepare(facts),
      stageEnteredDay: dayNumber(stage_entered_at),
      finalizedDay: finalized === null ? null : dayNumber(finalized),
      title: null,
    };
  });
  // An account with no opportunity still has its lists: prepared beside a stand-in opportunity.
  const lists =
    opportunities[0]?.facts.account ??
    prepareFacts({ ...row, opportunity: STAND_IN, business_case: null, intent_signals: [], close_record: null }).account;
  // The people by the named records and isEngaged, as the views read them before.
  return { accountId: row.account_id, lists, stakeholders: stakeholderCountsOf(row.stakeholders), insightsShared: insightsSharedOf(row.insights), opportunities };
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
