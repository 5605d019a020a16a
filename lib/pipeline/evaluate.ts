import { CRITERIA, type CriterionId } from './criteria';
import type { Importance, RuleContext } from './criteria/criterion';
import { todayFrom } from './days';
import type { OpportunityFacts } from './facts';
import { DEFAULT_SETTINGS, type PipelineSettings } from './settings';
import { STAGE_IDS, stageIndex, type EvidenceStage, type StageId } from './stages';

/** One criterion, judged for one opportunity. Plain data: it can be stored or sent as JSON. */
export interface CriterionResult {
  id: CriterionId;
  stage: StageId;
  importance: Importance;
  label: string;
  /** The question to ask next time; meaningful while `met` is false. */
  question: string;
  met: boolean;
  /** Met: the records that back it. Not met: the records that fall short (may be empty). */
  evidence: readonly string[];
  /** Not met: what is missing, in the product's words. Met: `null`. */
  lacking: string | null;
}

export interface OpportunityEvaluation {
  opportunityId: string;
  declaredStage: StageId;
  /**
   * The first stage whose required criteria are not all met; `complete` when every
   * required criterion of every stage is met (which needs the opportunity won).
   * Computed from the evidence only: the declared stage never changes it.
   */
  evidenceStage: EvidenceStage;
  /** Every criterion of the catalog, in catalog order. */
  criteria: readonly CriterionResult[];
  /**
   * What to gather next: the unmet criteria of the evidence stage, required before
   * recommended, then in catalog order. For a complete opportunity, the unmet
   * recommended criteria of Net Revenue Close (worth doing; nothing is blocked).
   */
  missing: readonly CriterionResult[];
  /** The declared stage is further along than the evidence: the honesty check. */
  declaredAhead: boolean;
  /**
   * When `declaredAhead`: every unmet criterion of the stages the CSM has declared
   * passed but the evidence has not (from the evidence stage up to, not including,
   * the declared stage), required and recommended, in catalog order. Only required
   * ones are why the stage is unbacked; recommended ones are shown with their flag.
   * Empty otherwise.
   */
  unbacked: readonly CriterionResult[];
}

export interface EvaluateOptions {
  /** The moment of evaluation: ISO date or timestamp (its written day counts), or epoch ms (UTC day). */
  now: string | number;
  /** Parsed team settings; defaults when absent. */
  settings?: PipelineSettings;
}

const NOTHING: readonly CriterionResult[] = Object.freeze([]);

/**
 * Evaluates one opportunity. Pure: the same facts, `now` and settings always give
 * the same answer. Facts must already be validated (`OpportunityFacts.parse`) at
 * the boundary where they were read; this runs on every opportunity of a
 * dashboard, so it does not validate again.
 */
export function evaluateOpportunity(facts: OpportunityFacts, options: EvaluateOptions): OpportunityEvaluation {
  return evaluateWithContext(facts, { today: todayFrom(options.now), settings: options.settings ?? DEFAULT_SETTINGS });
}

/**
 * As `evaluateOpportunity`, for callers evaluating many opportunities at one
 * moment: build the context once with `ruleContext`.
 */
export function evaluateWithContext(facts: OpportunityFacts, ctx: RuleContext): OpportunityEvaluation {
  const criteria: CriterionResult[] = new Array<CriterionResult>(CRITERIA.length);
  // Index of the first stage with an unmet required criterion; STAGE_IDS.length = none.
  let evidenceIndex: number = STAGE_IDS.length;
  for (let i = 0; i < CRITERIA.length; i += 1) {
    const criterion = CRITERIA[i]!;
    const verdict = criterion.rule(facts, ctx);
    criteria[i] = {
      id: criterion.id,
      stage: criterion.stage,
      importance: criterion.importance,
      label: criterion.label,
      question: criterion.question,
      met: verdict.met,
      evidence: verdict.evidence,
      lacking: verdict.lacking,
    };
    if (!verdict.met && criterion.importance === 'required') {
      const index = stageIndex(criterion.stage);
      if (index < evidenceIndex) evidenceIndex = index;
    }
  }

  const evidenceStage: EvidenceStage = stageAt(evidenceIndex) ?? 'complete';
  const declaredStage = facts.opportunity.declared_stage;
  const declaredAhead = stageIndex(declaredStage) > evidenceIndex;
  const missingStage: StageId = stageAt(evidenceIndex) ?? 'net_revenue_close';

  return {
    opportunityId: facts.opportunity.id,
    declaredStage,
    evidenceStage,
    criteria,
    missing: missingOf(criteria, missingStage),
    declaredAhead,
    unbacked: declaredAhead ? unbackedOf(criteria, evidenceIndex, stageIndex(declaredStage)) : NOTHING,
  };
}

/** The rule context for one moment and one team's settings. */
export function ruleContext(now: string | number, settings: PipelineSettings = DEFAULT_SETTINGS): RuleContext {
  return { today: todayFrom(now), settings };
}

function stageAt(index: number): StageId | undefined {
  return (STAGE_IDS as readonly StageId[])[index];
}

function missingOf(criteria: readonly CriterionResult[], stage: StageId): CriterionResult[] {
  const required: CriterionResult[] = [];
  const recommended: CriterionResult[] = [];
  for (const result of criteria) {
    if (result.met || result.stage !== stage) continue;
    (result.importance === 'required' ? required : recommended).push(result);
  }
  return required.length === 0 ? recommended : required.concat(recommended);
}

function unbackedOf(criteria: readonly CriterionResult[], fromIndex: number, toIndex: number): CriterionResult[] {
  const unbacked: CriterionResult[] = [];
  for (const result of criteria) {
    if (result.met) continue;
    const index = stageIndex(result.stage);
    if (index >= fromIndex && index < toIndex) unbacked.push(result);
  }
  return unbacked;
}
