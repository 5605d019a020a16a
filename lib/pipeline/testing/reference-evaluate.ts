import { CRITERIA } from '../criteria';
import type { RuleContext } from '../criteria/criterion';
import type { CriterionResult, PlainEvaluation } from '../explained';
import type { OpportunityFacts } from '../facts';
import { STAGE_IDS, stageIndex, type StageId } from '../stages';

/**
 * The evaluation written the plain way, straight from its definition: every
 * criterion explained into a fresh result, the evidence stage as the first stage
 * with an unmet required criterion, then filters for the missing and unbacked
 * lists, spelled out as one object per criterion. `evaluateWithContext` computes
 * the same in its compact form with precomputed catalog tables; a property test
 * holds `plainEvaluation` of it to this.
 */
export function referenceEvaluate(facts: OpportunityFacts, ctx: RuleContext): PlainEvaluation {
  const criteria: CriterionResult[] = CRITERIA.map((criterion) => {
    const verdict = criterion.explain(facts, ctx);
    return {
      id: criterion.id,
      stage: criterion.stage,
      importance: criterion.importance,
      label: criterion.label,
      question: criterion.question,
      met: verdict.met,
      evidence: [...verdict.evidence],
      lacking: verdict.lacking,
    };
  });
  const unmetRequired = criteria.filter((c) => !c.met && c.importance === 'required');
  const evidenceIndex = Math.min(STAGE_IDS.length, ...unmetRequired.map((c) => stageIndex(c.stage)));
  const missingStage: StageId = STAGE_IDS[evidenceIndex] ?? 'net_revenue_close';
  const gaps = criteria.filter((c) => !c.met && c.stage === missingStage);
  const declaredStage = facts.opportunity.declared_stage;
  const declaredAhead = stageIndex(declaredStage) > evidenceIndex;
  return {
    opportunityId: facts.opportunity.id,
    declaredStage,
    evidenceStage: STAGE_IDS[evidenceIndex] ?? 'complete',
    criteria,
    missing: [...gaps.filter((c) => c.importance === 'required'), ...gaps.filter((c) => c.importance === 'recommended')],
    declaredAhead,
    unbacked: declaredAhead
      ? criteria.filter((c) => !c.met && stageIndex(c.stage) >= evidenceIndex && stageIndex(c.stage) < stageIndex(declaredStage))
      : [],
  };
}
