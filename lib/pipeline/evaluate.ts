import { firstBlockedStage, LAST_STAGE, rangeMask, REQUIRED_MASKS, STAGE_RANGES } from './catalog-layout';
import { CRITERIA, type CriterionId } from './criteria';
import type { Importance, RuleContext } from './criteria/criterion';
import { todayFrom } from './days';
import type { OpportunityFacts } from './facts';
import { explainEvery } from './one-pass';
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
 * Evaluates one opportunity, with the why of every criterion: what the panel and
 * the calendar prep show. Pure: the same facts, `now` and settings always give the
 * same answer. Facts must already be validated (`OpportunityFacts.parse`) where
 * they were read; it does not validate again. For many opportunities at once
 * (a team's dashboard), `assessOpportunity` gives the same verdict, by id, faster.
 */
export function evaluateOpportunity(facts: OpportunityFacts, options: EvaluateOptions): OpportunityEvaluation {
  return evaluateWithContext(facts, { today: todayFrom(options.now), settings: options.settings ?? DEFAULT_SETTINGS });
}

/**
 * As `evaluateOpportunity`, for callers evaluating many opportunities at one
 * moment: build the context once with `ruleContext`.
 *
 * Written for speed (the definition, written plainly, is `testing/reference-evaluate.ts`;
 * a property test holds the two to the same output): one explainer per stage reads
 * each list of the facts once and writes every result directly (`one-pass/`), a
 * result that points at no record is shared between opportunities, unmet criteria
 * are bits of one integer, and stages are looked up in the precomputed catalog layout.
 */
export function evaluateWithContext(facts: OpportunityFacts, ctx: RuleContext): OpportunityEvaluation {
  const criteria = new Array<CriterionResult>(CRITERION_COUNT);
  const unmet = explainEvery(facts, ctx, criteria);
  const evidenceIndex = firstBlockedStage(unmet);
  const complete = evidenceIndex < 0;
  const declaredStage = facts.opportunity.declared_stage;
  const declaredIndex = stageIndex(declaredStage);
  const declaredAhead = !complete && declaredIndex > evidenceIndex;
  return {
    opportunityId: facts.opportunity.id,
    declaredStage,
    evidenceStage: complete ? 'complete' : STAGE_IDS[evidenceIndex]!,
    criteria,
    missing: missingOf(criteria, unmet, complete ? LAST_STAGE : evidenceIndex),
    declaredAhead,
    unbacked: declaredAhead ? unmetIn(criteria, unmet, STAGE_RANGES[evidenceIndex]![0], STAGE_RANGES[declaredIndex - 1]![1]) : NOTHING,
  };
}

/** The rule context for one moment and one team's settings. */
export function ruleContext(now: string | number, settings: PipelineSettings = DEFAULT_SETTINGS): RuleContext {
  return { today: todayFrom(now), settings };
}

const CRITERION_COUNT = CRITERIA.length;

/** The unmet criteria of a stage: required first, then recommended, each in catalog order. */
function missingOf(criteria: readonly CriterionResult[], unmet: number, stage: number): readonly CriterionResult[] {
  const [first, end] = STAGE_RANGES[stage]!;
  const gaps = unmet & rangeMask(first, end);
  if (gaps === 0) return [];
  const required = gaps & REQUIRED_MASKS[stage]!;
  const missing = new Array<CriterionResult>(bitCount(gaps));
  let k = 0;
  for (let i = first; i < end; i += 1) if (required & (1 << i)) missing[k++] = criteria[i]!;
  for (let i = first; i < end; i += 1) if (gaps & ~required & (1 << i)) missing[k++] = criteria[i]!;
  return missing;
}

/** The unmet criteria with catalog index in [first, end), in catalog order. */
function unmetIn(criteria: readonly CriterionResult[], unmet: number, first: number, end: number): CriterionResult[] {
  const found = new Array<CriterionResult>(bitCount(unmet & rangeMask(first, end)));
  let k = 0;
  for (let i = first; i < end; i += 1) if (unmet & (1 << i)) found[k++] = criteria[i]!;
  return found;
}

/** How many bits are set: lists are allocated at their exact length. */
function bitCount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
