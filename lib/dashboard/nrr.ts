import { closedDay } from './close-dates';
import { byText } from './compare';
import type { FilteredDashboard } from './filters';

/**
 * Net revenue retention over the period [from, to] (inclusive days):
 *
 *   NRR = (starting ARR + expansion won − churned ARR) / starting ARR
 *
 * - Cohort: accounts with an ARR above 0 that were customers when the period began:
 *   their `purchase_welcome` milestone is on or before `from`, or not recorded (an
 *   account without the milestone is taken as an existing customer). New customers
 *   of the period are left out, as NRR asks.
 * - Starting ARR: the account's `arr`. Limit: the store keeps only today's figure,
 *   no history, so if a CSM already raised `arr` after an expansion it is counted in
 *   the start as well; a database snapshot of ARR would lift this (later).
 * - Expansion: `amount` of the cohort's won opportunities of any type but renewal,
 *   closed within the period (dated as in close-dates.ts). Won renewals keep ARR
 *   and add nothing; a renewal's new price is not tracked, so contraction is not.
 * - Churned ARR: the account's whole `arr` when one of its renewal opportunities
 *   was lost within the period (counted once per account).
 * - Closed opportunities with no date at all cannot be placed in a period: they are
 *   counted in `undated_closes` so the figure's gap is visible.
 * Narrowed by CSM and renewal window only (see filters.ts).
 */
export interface NrrSummary {
  period_from: string;
  period_to: string;
  accounts: number;
  starting_arr: number;
  expansion: number;
  churned: number;
  /** null when the cohort has no ARR to retain. */
  nrr: number | null;
  undated_closes: number;
}

export interface NrrAccountRow {
  account_id: string;
  account_name: string;
  owner_id: string | null;
  starting_arr: number;
  expansion: number;
  churned: number;
  ending_arr: number;
}

export function netRevenueRetention(view: FilteredDashboard): { summary: NrrSummary; accounts: NrrAccountRow[] } {
  const { from, to } = view.period;
  const rows: NrrAccountRow[] = [];
  let undated = 0;
  for (const a of view.accounts) {
    const arr = a.account.arr ?? 0;
    if (arr <= 0 || (a.purchasedDay !== null && a.purchasedDay > from)) continue;
    let expansion = 0;
    let lostRenewal = false;
    for (const o of a.opportunities) {
      if (o.record.status === 'open') continue;
      const day = closedDay(o, view.prepared);
      if (day === null) {
        undated += 1;
        continue;
      }
      if (day < from || day > to) continue;
      if (o.record.status === 'won' && o.record.type !== 'renewal') expansion += o.record.amount ?? 0;
      if (o.record.status === 'lost' && o.record.type === 'renewal') lostRenewal = true;
    }
    const churned = lostRenewal ? arr : 0;
    rows.push({
      account_id: a.account.id,
      account_name: a.account.name,
      owner_id: a.account.owner_id,
      starting_arr: arr,
      expansion,
      churned,
      ending_arr: arr + expansion - churned,
    });
  }
  const starting = sum(rows, (r) => r.starting_arr);
  const expansion = sum(rows, (r) => r.expansion);
  const churned = sum(rows, (r) => r.churned);
  return {
    summary: {
      period_from: isoDay(from),
      period_to: isoDay(to),
      accounts: rows.length,
      starting_arr: starting,
      expansion,
      churned,
      nrr: starting > 0 ? (starting + expansion - churned) / starting : null,
      undated_closes: undated,
    },
    accounts: rows.sort((a, b) => b.churned - a.churned || b.expansion - a.expansion || byText(a.account_name, b.account_name)),
  };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
