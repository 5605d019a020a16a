import { firstBlockedStage, LAST_STAGE, rangeMask, REQUIRED_MASKS, STAGE_RANGES } from './catalog-layout';
import { CRITERIA, type CriterionId } from './criteria';
import { MET_VACUOUSLY, NOTHING as NO_RECORDS, type Criterion, type Importance, type RuleContext, type Verdict } from './criteria/criterion';
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
 * a property test holds the two to the same output): criteria reading the same
 * list are explained in one pass over it (`one-pass/`), unmet criteria are bits of
 * one integer, stages are looked up in the precomputed catalog layout, and a
 * verdict that points at no record gets a result shared between opportunities
 * instead of a new object each time.
 */
export function evaluateWithContext(facts: OpportunityFacts, ctx: RuleContext): OpportunityEvaluation {
  const criteria: CriterionResult[] = [];
  explainEvery(facts, ctx, VERDICTS);
  let unmet = 0;
  for (let i = 0; i < CATALOG.length; i += 1) {
    const verdict = VERDICTS[i]!;
    criteria.push(verdict.evidence === NO_RECORDS ? sharedResult(i, verdict) : resultOf(CATALOG[i]!, verdict));
    if (!verdict.met) unmet |= 1 << i;
  }

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

// A local binding: the loop reads it 29 times per opportunity.
const CATALOG: readonly Criterion<CriterionId>[] = CRITERIA;
/** Scratch for one evaluation's verdicts: reused, as evaluation is synchronous and never re-entered. */
const VERDICTS: Verdict[] = CATALOG.map(() => MET_VACUOUSLY);

function resultOf(criterion: Criterion<CriterionId>, verdict: Verdict): CriterionResult {
  return {
    id: criterion.id,
    stage: criterion.stage,
    importance: criterion.importance,
    label: criterion.label,
    question: criterion.question,
    met: verdict.met,
    evidence: verdict.evidence,
    lacking: verdict.lacking,
  };
}

/**
 * A verdict that points at no record (`evidence` is the shared empty list) is
 * decided by its `met` and `lacking` alone, so its result is the same for every
 * opportunity: it is built once per criterion and text and shared (frozen, as it
 * is shared). The texts are module constants, so a criterion has a handful; the
 * cap only guards against a rule that would build a new text per opportunity.
 */
const MAX_SHARED_PER_CRITERION = 16;
const SHARED: CriterionResult[][] = CATALOG.map(() => []);

function sharedResult(index: number, verdict: Verdict): CriterionResult {
  const results = SHARED[index]!;
  for (let k = 0; k < results.length; k += 1) {
    const result = results[k]!;
    if (result.met === verdict.met && result.lacking === verdict.lacking) return result;
  }
  const result = Object.freeze(resultOf(CATALOG[index]!, verdict));
  if (results.length < MAX_SHARED_PER_CRITERION) results.push(result);
  return result;
}

/** The unmet criteria of a stage: required first, then recommended, each in catalog order. */
function missingOf(criteria: readonly CriterionResult[], unmet: number, stage: number): readonly CriterionResult[] {
  const [first, end] = STAGE_RANGES[stage]!;
  if ((unmet & rangeMask(first, end)) === 0) return [];
  const required = unmet & REQUIRED_MASKS[stage]!;
  const missing: CriterionResult[] = [];
  for (let i = first; i < end; i += 1) if (required & (1 << i)) missing.push(criteria[i]!);
  for (let i = first; i < end; i += 1) if (unmet & ~required & (1 << i)) missing.push(criteria[i]!);
  return missing;
}

/** The unmet criteria with catalog index in [first, end), in catalog order. */
function unmetIn(criteria: readonly CriterionResult[], unmet: number, first: number, end: number): CriterionResult[] {
  const found: CriterionResult[] = [];
  for (let i = first; i < end; i += 1) if (unmet & (1 << i)) found.push(criteria[i]!);
  return found;
}
