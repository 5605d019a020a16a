import { STAGE_IDS, STAGE_LABELS, type StageId } from '../pipeline/stages';
import { distributionOf, type Distribution } from './distribution';
import type { FilteredDashboard } from './filters';

/**
 * How long things take, as distributions:
 * - purchase to First Value: per account with both milestones reached (the
 *   earliest of each), days from `purchase_welcome` to `first_value`; a First Value
 *   dated before the purchase is a data slip and left out;
 * - days per stage: from each opportunity's stage history, every finished stay in
 *   a declared stage while open: from the change that entered it to the next change
 *   of stage or of status (won, lost). Stays still under way are not counted (the
 *   stalled list shows those), so a stage nobody has left yet has no figures.
 */
export interface CycleTimeRow extends Distribution {
  measure: 'purchase_to_first_value' | StageId;
  label: string;
}

export interface FirstValueRow {
  account_id: string;
  account_name: string;
  owner_id: string | null;
  days_to_first_value: number;
}

const MS_PER_DAY = 86_400_000;

export function cycleTimes(view: FilteredDashboard): { rows: CycleTimeRow[]; accounts: FirstValueRow[] } {
  const accounts: FirstValueRow[] = [];
  for (const a of view.accounts) {
    if (a.purchasedDay === null || a.firstValueDay === null || a.firstValueDay < a.purchasedDay) continue;
    accounts.push({ account_id: a.account.id, account_name: a.account.name, owner_id: a.account.owner_id, days_to_first_value: a.firstValueDay - a.purchasedDay });
  }
  const rows: CycleTimeRow[] = [
    { measure: 'purchase_to_first_value', label: 'Purchase to First Value', ...distributionOf(accounts.map((r) => r.days_to_first_value)) },
  ];
  const stays = daysPerStage(view);
  for (const stage of STAGE_IDS) rows.push({ measure: stage, label: `Days in ${STAGE_LABELS[stage]}`, ...distributionOf(stays[stage]) });
  return { rows, accounts: accounts.sort((a, b) => b.days_to_first_value - a.days_to_first_value) };
}

function daysPerStage(view: FilteredDashboard): Record<StageId, number[]> {
  const stays = Object.fromEntries(STAGE_IDS.map((s) => [s, [] as number[]])) as Record<StageId, number[]>;
  for (const o of view.opportunities) {
    const history = view.prepared.stageChanges.get(o.record.id);
    if (!history) continue;
    let open: { stage: StageId; since: number } | null = null;
    for (const change of history) {
      const at = change.at;
      if (open && (change.stage !== open.stage || change.status !== 'open')) {
        stays[open.stage].push(Math.floor((at - open.since) / MS_PER_DAY));
        open = null;
      }
      if (!open && change.status === 'open') open = { stage: change.stage, since: at };
    }
  }
  return stays;
}
