import { deriveOpportunityFacts } from '../facts/derive-facts';
import {
  criterionResult,
  evaluateOpportunity,
  missingCriteria,
  prepareFacts,
  STAGE_IDS,
  STAGE_LABELS,
  stageIndex,
  unbackedCriteria,
  type CriterionResult,
  type EvidenceStage,
  type StageId,
} from '../pipeline';
import type { AccountDetail } from '../store/reads';
import { MILESTONE_LABELS } from './labels';

/**
 * What the account view shows, computed from the store's account detail and
 * the stage rules, so the components only lay it out.
 */
export interface OpportunityView {
  id: string;
  title: string;
  declaredStage: StageId;
  evidenceStage: EvidenceStage;
  declaredAhead: boolean;
  /** The unmet criteria of the evidence stage, each with its question. */
  missing: readonly CriterionResult[];
  /** Ids of the missing criteria the declared stage claims without evidence. */
  unbackedIds: ReadonlySet<string>;
  /** Every unmet criterion between the evidence stage and the declared stage. */
  unbacked: readonly CriterionResult[];
}

export interface AccountView {
  id: string;
  name: string;
  ownerId: string | null;
  arr: number | null;
  renewalOn: string | null;
  /** Open opportunities, the most advanced (by evidence, then declared stage) first. */
  opportunities: OpportunityView[];
  milestones: { kind: string; label: string; reachedOn: string }[];
}

export function accountView(detail: AccountDetail, now: string | number): AccountView {
  const opportunities = detail.opportunities
    .filter((opportunity) => opportunity.status === 'open')
    .map((opportunity): OpportunityView => {
      // The facts enter the rules here: derived from the store's records, prepared once, evaluated once.
      const evaluation = evaluateOpportunity(prepareFacts(deriveOpportunityFacts(opportunity, detail)), { now });
      // Rows only for the criteria the panel lists: the catalog's words with this opportunity's verdict.
      const row = (i: number) => criterionResult(evaluation, i);
      const unbacked = unbackedCriteria(evaluation).map(row);
      return {
        id: opportunity.id,
        title: opportunity.title,
        declaredStage: evaluation.declaredStage,
        evidenceStage: evaluation.evidenceStage,
        declaredAhead: evaluation.declaredAhead,
        missing: missingCriteria(evaluation).map(row),
        unbacked,
        unbackedIds: new Set(unbacked.map((criterion) => criterion.id)),
      };
    })
    .sort((a, b) => stageIndex(b.evidenceStage) - stageIndex(a.evidenceStage) || stageIndex(b.declaredStage) - stageIndex(a.declaredStage));
  return {
    id: detail.account.id,
    name: detail.account.name,
    ownerId: detail.account.owner_id,
    arr: detail.account.arr,
    renewalOn: detail.account.renewal_on,
    opportunities,
    milestones: [...detail.milestones]
      .sort((a, b) => a.reached_on.localeCompare(b.reached_on))
      .map((milestone) => ({ kind: milestone.kind, label: MILESTONE_LABELS[milestone.kind], reachedOn: milestone.reached_on })),
  };
}

/** One step of the five-stage track. */
export interface TrackStep {
  stage: StageId;
  label: string;
  /** The CSM's declared stage is this one. */
  declared: boolean;
  /** The evidence stage is this one. */
  evidence: boolean;
  /** The evidence has carried the opportunity past this stage. */
  passed: boolean;
}

export function stageTrack(declared: StageId, evidence: EvidenceStage): TrackStep[] {
  const evidenceAt = stageIndex(evidence);
  return STAGE_IDS.map((stage) => ({
    stage,
    label: STAGE_LABELS[stage],
    declared: stage === declared,
    evidence: stage === evidence,
    passed: stageIndex(stage) < evidenceAt,
  }));
}

/** A sentence for screen readers and tooltips: the track in words. */
export function stageTrackSummary(declared: StageId, evidence: EvidenceStage): string {
  const evidenceLabel = evidence === 'complete' ? 'complete' : STAGE_LABELS[evidence];
  if (declared === evidence) return `Declared and evidenced at ${STAGE_LABELS[declared]}.`;
  return `Declared ${STAGE_LABELS[declared]}; evidence ${evidence === 'complete' ? 'is' : 'at'} ${evidenceLabel}.`;
}

/** Money as a CSM reads it in a narrow panel: `$120K`, `$1.2M`. */
export function formatArr(arr: number | null): string {
  if (arr === null) return 'Not set';
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(arr);
}
