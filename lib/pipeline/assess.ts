import { CRITERIA, CRITERIA_BY_STAGE, type CriterionId } from './criteria';
import type { RuleContext } from './criteria/criterion';
import { ruleContext, type EvaluateOptions } from './evaluate';
import type { OpportunityFacts } from './facts';
import { STAGE_IDS, stageIndex, type EvidenceStage, type StageId } from './stages';

/**
 * The verdict of `evaluateOpportunity` without the explanations: stage, the honesty
 * check, and criterion ids. This is what a dashboard computes for every open
 * opportunity of a team; the panel explains the one in front of the CSM with
 * `evaluateOpportunity`. Both give the same stage and the same ids in the same
 * order (a property test holds them together).
 */
export interface OpportunityAssessment {
  opportunityId: string;
  declaredStage: StageId;
  evidenceStage: EvidenceStage;
  declaredAhead: boolean;
  /** As `OpportunityEvaluation.missing`, by id. */
  missing: readonly CriterionId[];
  /** As `OpportunityEvaluation.unbacked`, by id. */
  unbacked: readonly CriterionId[];
}

const NONE: readonly CriterionId[] = Object.freeze([]);
const LAST_STAGE = STAGE_IDS.length - 1;
/** Where each stage's criteria sit in the catalog: [first index, index after the last). */
const STAGE_RANGES = STAGE_IDS.map((stage) => {
  const first = CRITERIA.findIndex((c) => c.stage === stage);
  return [first, first + CRITERIA_BY_STAGE[stage].length] as const;
});
/** Per stage, a bit set of its required criteria (bit i = CRITERIA[i]). */
const REQUIRED_MASKS = STAGE_RANGES.map(([first, end]) => {
  let mask = 0;
  for (let i = first; i < end; i += 1) if (CRITERIA[i]!.importance === 'required') mask |= 1 << i;
  return mask;
});
// Unmet criteria are kept as bits of one 32-bit integer: no allocation while checking.
if (CRITERIA.length > 31) throw new Error('assess.ts keeps criteria in a 31-bit set: the catalog outgrew it');

/** Assesses one opportunity at `options.now`; for a batch, use `assessWithContext` with one `ruleContext`. */
export function assessOpportunity(facts: OpportunityFacts, options: EvaluateOptions): OpportunityAssessment {
  return assessWithContext(facts, ruleContext(options.now, options.settings));
}

/**
 * Assesses one opportunity with the criteria's `isMet`. It checks stages in order
 * and stops once it knows the evidence stage and every stage the declaration
 * claims, so an early opportunity costs only its first stages. Facts must be
 * validated; build `ctx` once per batch with `ruleContext`.
 */
export function assessWithContext(facts: OpportunityFacts, ctx: RuleContext): OpportunityAssessment {
  const declaredStage = facts.opportunity.declared_stage;
  const declaredIndex = stageIndex(declaredStage);
  let evidenceIndex = -1;
  let unmet = 0;
  for (let s = 0; s <= LAST_STAGE; s += 1) {
    const [first, end] = STAGE_RANGES[s]!;
    for (let i = first; i < end; i += 1) if (!CRITERIA[i]!.isMet(facts, ctx)) unmet |= 1 << i;
    if (evidenceIndex < 0 && (unmet & REQUIRED_MASKS[s]!) !== 0) evidenceIndex = s;
    if (evidenceIndex >= 0 && s + 1 >= declaredIndex) break;
  }

  const complete = evidenceIndex < 0;
  const missingStage = complete ? LAST_STAGE : evidenceIndex;
  const declaredAhead = !complete && declaredIndex > evidenceIndex;
  return {
    opportunityId: facts.opportunity.id,
    declaredStage,
    evidenceStage: complete ? 'complete' : STAGE_IDS[evidenceIndex]!,
    declaredAhead,
    missing: missingIds(unmet, missingStage),
    unbacked: declaredAhead ? unmetIds(unmet, STAGE_RANGES[evidenceIndex]![0], STAGE_RANGES[declaredIndex - 1]![1]) : NONE,
  };
}

/** The unmet criteria of a stage, required first, then recommended, each in catalog order. */
function missingIds(unmet: number, stage: number): readonly CriterionId[] {
  const required = unmet & REQUIRED_MASKS[stage]!;
  const [first, end] = STAGE_RANGES[stage]!;
  if ((unmet & rangeMask(first, end)) === 0) return NONE;
  const ids: CriterionId[] = [];
  for (let i = first; i < end; i += 1) if (required & (1 << i)) ids.push(CRITERIA[i]!.id);
  for (let i = first; i < end; i += 1) if (unmet & ~required & (1 << i)) ids.push(CRITERIA[i]!.id);
  return ids;
}

/** The unmet criteria with catalog index in [first, end), in catalog order. */
function unmetIds(unmet: number, first: number, end: number): CriterionId[] {
  const ids: CriterionId[] = [];
  for (let i = first; i < end; i += 1) if (unmet & (1 << i)) ids.push(CRITERIA[i]!.id);
  return ids;
}

function rangeMask(first: number, end: number): number {
  return ((1 << (end - first)) - 1) << first;
}
