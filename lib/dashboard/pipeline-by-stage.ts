import { EVIDENCE_STAGE_LABELS, STAGE_IDS, type EvidenceStage } from '../pipeline/stages';
import type { FilteredDashboard } from './filters';

/**
 * One row per stage of the open pipeline: how many opportunities and how much money
 * the CSMs declare there, and how many the evidence puts there. `unbacked_*` are the
 * opportunities declared at this stage whose evidence is behind it; the share is of
 * those declared here (null when none is). Amounts left blank count as 0 and are
 * counted apart in `unpriced_count` (by declared stage).
 */
export interface PipelineStageRow {
  stage: EvidenceStage;
  label: string;
  declared_count: number;
  declared_amount: number;
  evidence_count: number;
  evidence_amount: number;
  unbacked_count: number;
  unbacked_amount: number;
  unbacked_share: number | null;
  unpriced_count: number;
}

/** Every stage in pipeline order, then `complete` (evidence only: nobody declares it). */
export function pipelineByStage(view: FilteredDashboard): PipelineStageRow[] {
  const stages: EvidenceStage[] = [...STAGE_IDS, 'complete'];
  const rows = new Map<EvidenceStage, PipelineStageRow>(
    stages.map((stage) => [
      stage,
      {
        stage,
        label: EVIDENCE_STAGE_LABELS[stage],
        declared_count: 0,
        declared_amount: 0,
        evidence_count: 0,
        evidence_amount: 0,
        unbacked_count: 0,
        unbacked_amount: 0,
        unbacked_share: null,
        unpriced_count: 0,
      },
    ]),
  );
  for (const o of view.pipeline) {
    const amount = o.record.amount ?? 0;
    const declared = rows.get(o.assessment.declaredStage)!;
    declared.declared_count += 1;
    declared.declared_amount += amount;
    if (o.record.amount === null) declared.unpriced_count += 1;
    if (o.assessment.declaredAhead) {
      declared.unbacked_count += 1;
      declared.unbacked_amount += amount;
    }
    const evidence = rows.get(o.assessment.evidenceStage)!;
    evidence.evidence_count += 1;
    evidence.evidence_amount += amount;
  }
  for (const row of rows.values()) row.unbacked_share = row.declared_count > 0 ? row.unbacked_count / row.declared_count : null;
  return [...rows.values()];
}
