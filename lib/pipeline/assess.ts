import { LAST_STAGE, rangeMask, REQUIRED_MASKS, STAGE_RANGES } from './catalog-layout';
import { CRITERIA, type CriterionId } from './criteria';
import type { RuleContext } from './criteria/criterion';
import { ruleContext, type EvaluateOptions } from './evaluate';
import type { OpportunityFacts } from './facts';
import { unmetRecommended, unmetRequired } from './one-pass/unmet-bits';
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

/** Assesses one opportunity at `options.now`; for a batch, use `assessWithContext` with one `ruleContext`. */
export function assessOpportunity(facts: OpportunityFacts, options: EvaluateOptions): OpportunityAssessment {
  return assessWithContext(facts, ruleContext(options.now, options.settings));
}

/**
 * Assesses one opportunity from the bits of its unmet criteria (`one-pass/unmet-bits.ts`,
 * the criteria's `isMet` written as one loop per stage). It checks stages in order
 * and stops once it knows the evidence stage and every stage the declaration
 * claims, so an early opportunity costs only its first stages; a stage the evidence
 * has passed shows none of its criteria, so its recommended ones are not checked.
 * Facts must be validated; build `ctx` once per batch with `ruleContext`.
 */
export function assessWithContext(facts: OpportunityFacts, ctx: RuleContext): OpportunityAssessment {
  const declaredStage = facts.opportunity.declared_stage;
  const declaredIndex = stageIndex(declaredStage);
  let evidenceIndex = -1;
  let unmet = 0;
  for (let s = 0; s <= LAST_STAGE; s += 1) {
    const required = unmetRequired(s, facts, ctx);
    if (evidenceIndex < 0 && required !== 0) evidenceIndex = s;
    // Recommended criteria show in `missing` (the evidence stage, or the last stage
    // when complete) and in `unbacked` (from the evidence stage on): never before it.
    if (evidenceIndex >= 0 || s === LAST_STAGE) unmet |= required | unmetRecommended(s, facts, ctx);
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
