import { CRITERIA_BY_ID, type CriterionId } from '../pipeline/criteria';
import type { StageId } from '../pipeline/stages';
import { byText } from './compare';
import type { FilteredDashboard } from './filters';

/**
 * Per criterion, the open opportunities it holds back: a required criterion of the
 * opportunity's evidence stage that is not met (`blocked_*`), or one of a stage the
 * CSM declared passed without it (`unbacked_count`). Recommended criteria never
 * block, so they are not counted. Most blocking first.
 */
export interface BlockingEvidenceRow {
  criterion_id: CriterionId;
  label: string;
  stage: StageId;
  blocked_count: number;
  blocked_amount: number;
  unbacked_count: number;
  /** The accounts behind the count, each once, in the order met. */
  account_ids: string[];
  account_names: string[];
}

export function blockingEvidence(view: FilteredDashboard): BlockingEvidenceRow[] {
  const rows = new Map<CriterionId, BlockingEvidenceRow & { seen: Set<string> }>();
  const rowFor = (id: CriterionId) => {
    let row = rows.get(id);
    if (!row) {
      const criterion = CRITERIA_BY_ID[id];
      row = { criterion_id: id, label: criterion.label, stage: criterion.stage, blocked_count: 0, blocked_amount: 0, unbacked_count: 0, account_ids: [], account_names: [], seen: new Set() };
      rows.set(id, row);
    }
    return row;
  };
  const addAccount = (row: BlockingEvidenceRow & { seen: Set<string> }, id: string, name: string) => {
    if (row.seen.has(id)) return;
    row.seen.add(id);
    row.account_ids.push(id);
    row.account_names.push(name);
  };

  for (const o of view.pipeline) {
    const { account } = o.account;
    if (o.assessment.evidenceStage !== 'complete') {
      for (const id of o.assessment.missing) {
        if (CRITERIA_BY_ID[id].importance !== 'required') continue;
        const row = rowFor(id);
        row.blocked_count += 1;
        row.blocked_amount += o.record.amount ?? 0;
        addAccount(row, account.id, account.name);
      }
    }
    for (const id of o.assessment.unbacked) {
      if (CRITERIA_BY_ID[id].importance !== 'required') continue;
      const row = rowFor(id);
      row.unbacked_count += 1;
      addAccount(row, account.id, account.name);
    }
  }
  return [...rows.values()]
    .map(({ seen: _seen, ...row }) => row)
    .sort((a, b) => b.blocked_count - a.blocked_count || b.unbacked_count - a.unbacked_count || byText(a.criterion_id, b.criterion_id));
}
